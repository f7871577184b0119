// load_config_text(): TOML (toml++) to Config. The only translation unit that includes toml++.
#include <fmt/format.h>

#include <toml++/toml.h>

#include "compile/suggest.hpp"
#include "service/config.hpp"
#include "service/config_schema.hpp"
#include "service/config_values.hpp"

namespace farad::service {

namespace {

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

lang::LineColumn position_of(const toml::source_region& region) {
  return {region.begin.line, region.begin.column};
}

/// Reads one document into a Config, collecting every problem instead of stopping at the first.
class Loader {
 public:
  explicit Loader(std::shared_ptr<const lang::Source> source) : source_(std::move(source)) {
    config_.origins.source = source_;
  }

  Config load(const toml::table& root) {
    for (auto&& [key, node] : root) {
      bool known = false;
      for_each_section([&](const auto& schema, auto member) {
        if (schema.name != key.str()) return;
        known = true;
        config_.origins.positions[std::string(schema.name)] = position_of(key.source());
        read_section(schema, config_.*member, key, node);
      });
      if (!known) {
        const std::string guess = compile::closest_name(key.str(), section_names());
        error(key.source(), fmt::format("unknown section '{}'", key.str()),
              guess.empty() ? "" : fmt::format("did you mean [{}]?", guess));
      }
    }
    if (!errors_.empty()) throw ConfigError(std::move(errors_));
    return std::move(config_);
  }

 private:
  void error(const toml::source_region& where, std::string message, std::string hint = {}) {
    lang::Diagnostic d;
    d.file = source_->name();
    d.position = position_of(where);
    d.message = std::move(message);
    d.hint = std::move(hint);
    d.source_line = std::string(source_->line_text(d.position.line));
    errors_.push_back(std::move(d));
  }

  template <class Section>
  void read_section(const SectionSchema<Section>& schema, Section& out, const toml::key& key,
                    const toml::node& node) {
    if (!node.is_table()) {
      error(key.source(),
            fmt::format("{} must be a table, got {}", schema.name, type_name(node.type())),
            fmt::format("write [{}]: there is one", schema.name));
      return;
    }
    read_table(schema, *node.as_table(), std::string(schema.name), out,
               fmt::format("[{}]", schema.name));
  }

  template <class Section>
  void read_section(const SectionSchema<Section>& schema, std::vector<Section>& out,
                    const toml::key& key, const toml::node& node) {
    const toml::array* entries = node.as_array();
    if (entries == nullptr || !entries->is_array_of_tables()) {
      error(
          key.source(),
          fmt::format("{} must be an array of tables, got {}", schema.name, type_name(node.type())),
          fmt::format("write [[{}]] for each entry: there may be several", schema.name));
      return;
    }
    for (const toml::node& entry : *entries) {
      const std::string path = fmt::format("{}[{}]", schema.name, out.size());
      config_.origins.positions[path] = position_of(entry.source());
      read_table(schema, *entry.as_table(), path, out.emplace_back(),
                 fmt::format("[[{}]]", schema.name));
    }
  }

  template <class Section>
  void read_table(const SectionSchema<Section>& schema, const toml::table& table,
                  const std::string& path, Section& out, const std::string& header) {
    for (auto&& [key, node] : table) {
      const Setting<Section>* setting = nullptr;
      for (const auto& candidate : schema.settings) {
        if (candidate.key == key.str()) setting = &candidate;
      }
      if (setting == nullptr) {
        std::vector<std::string_view> keys;
        for (const auto& candidate : schema.settings) keys.push_back(candidate.key);
        const std::string guess = compile::closest_name(key.str(), keys);
        error(key.source(), fmt::format("unknown key '{}' in {}", key.str(), header),
              guess.empty() ? "" : fmt::format("did you mean '{}'?", guess));
        continue;
      }
      const std::string key_path = fmt::format("{}.{}", path, setting->key);
      config_.origins.positions[key_path] = position_of(node.source());
      std::visit([&](auto member) { read_value(node, key_path, out.*member); }, setting->member);
    }
  }

  void wrong_type(const toml::node& node, const std::string& path, std::string_view expected,
                  std::string hint = {}) {
    error(node.source(),
          fmt::format("{}: expected {}, got {}", path, expected, type_name(node.type())),
          std::move(hint));
  }

  void read_value(const toml::node& node, const std::string& path, std::string& out) {
    if (!node.is_string()) return wrong_type(node, path, "a string");
    out = node.as_string()->get();
  }

  void read_value(const toml::node& node, const std::string& path, std::vector<std::string>& out) {
    const toml::array* items = node.as_array();
    if (items == nullptr || !items->is_homogeneous(toml::node_type::string)) {
      if (items != nullptr && items->empty()) {
        out.clear();
        return;
      }
      return wrong_type(node, path, "an array of strings", "write e.g. [\"http://host:9200\"]");
    }
    out.clear();
    for (const toml::node& item : *items) out.push_back(item.as_string()->get());
  }

  void read_value(const toml::node& node, const std::string& path, StringTable& out) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return wrong_type(node, path, "a table of strings", "write e.g. { name = \"value\" }");
    }
    out.clear();
    for (auto&& [key, value] : *table) {
      if (!value.is_string()) {
        wrong_type(value, fmt::format("{}.{}", path, key.str()), "a string");
        continue;
      }
      out[std::string(key.str())] = value.as_string()->get();
    }
  }

  void read_value(const toml::node& node, const std::string& path, int64_t& out) {
    if (!node.is_integer()) return wrong_type(node, path, "an integer");
    out = node.as_integer()->get();
  }

  void read_value(const toml::node& node, const std::string& path, bool& out) {
    if (!node.is_boolean()) return wrong_type(node, path, "true or false");
    out = node.as_boolean()->get();
  }

  void read_value(const toml::node& node, const std::string& path, Duration& out) {
    if (!node.is_string()) {
      return wrong_type(node, path, "a duration string", "write a unit, e.g. \"30s\" or \"100ms\"");
    }
    const auto parsed = parse_duration(node.as_string()->get());
    if (!parsed.value) return error(node.source(), fmt::format("{}: {}", path, parsed.error));
    out = *parsed.value;
  }

  void read_value(const toml::node& node, const std::string& path, ByteSize& out) {
    if (node.is_integer()) {
      const int64_t bytes = node.as_integer()->get();
      if (bytes < 0) return error(node.source(), fmt::format("{}: size cannot be negative", path));
      out = ByteSize{static_cast<uint64_t>(bytes)};
      return;
    }
    if (!node.is_string()) {
      return wrong_type(node, path, "a size", "write bytes or a unit, e.g. 1048576 or \"64MiB\"");
    }
    const auto parsed = parse_byte_size(node.as_string()->get());
    if (!parsed.value) return error(node.source(), fmt::format("{}: {}", path, parsed.error));
    out = *parsed.value;
  }

  template <class Enum>
  requires std::is_enum_v<Enum>
  void read_value(const toml::node& node, const std::string& path, Enum& out) {
    const std::string expected = quoted_alternatives(enum_names<Enum>());
    if (!node.is_string()) return wrong_type(node, path, expected);
    const auto parsed = parse_enum<Enum>(node.as_string()->get());
    if (!parsed) {
      return error(node.source(), fmt::format("{}: expected {}, got \"{}\"", path, expected,
                                              node.as_string()->get()));
    }
    out = *parsed;
  }

  std::shared_ptr<const lang::Source> source_;
  Config config_;
  std::vector<lang::Diagnostic> errors_;
};

}  // namespace

Config load_config_text(const std::string& text, const std::string& name) {
  auto source = std::make_shared<const lang::Source>(name, text);
  toml::table root;
  try {
    root = toml::parse(source->text(), source->name());
  } catch (const toml::parse_error& e) {
    lang::Diagnostic d;
    d.file = name;
    d.position = position_of(e.source());
    d.message = fmt::format("invalid TOML: {}", e.description());
    d.source_line = std::string(source->line_text(d.position.line));
    throw ConfigError({std::move(d)});
  }
  return Loader(std::move(source)).load(root);
}

}  // namespace farad::service
