#pragma once
// Vars files in Kapacitor's shape: `{"name": {"type": "duration", "value": "5m"}}`, optionally
// wrapped as `{"vars": {...}}`.

#include <map>
#include <string>

#include "compile/value.hpp"

namespace farad::compile {

/// Parses vars JSON text. Throws std::runtime_error with a message naming the var at fault.
std::map<std::string, Value> parse_vars_json(const std::string& json_text);

/// Reads and parses a vars file. Throws std::runtime_error naming the file.
std::map<std::string, Value> read_vars_file(const std::string& path);

}  // namespace farad::compile
