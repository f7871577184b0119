#pragma once
// Binary encoding of node state for checkpoints. Every per-group state struct has
// `save(StateWriter&) const` and `restore(StateReader&)`; group keys are written as their id
// strings (indexes depend on interning order, ids do not).

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/batch.hpp"
#include "model/field_value.hpp"
#include "model/point.hpp"

namespace farad::runtime {

struct StateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class StateWriter {
 public:
  void u64(uint64_t v);
  void i64(int64_t v);
  void f64(double v);
  void boolean(bool v) { u64(v ? 1 : 0); }
  void string(std::string_view s);
  void field_value(const model::FieldValue& v);
  void tags(const model::Tags& tags);
  void fields(const model::Fields& fields);
  void point(const model::Point& p);
  void batch_point(const model::BatchPoint& p);

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class StateReader {
 public:
  explicit StateReader(std::string_view bytes) : in_(bytes) {}

  uint64_t u64();
  int64_t i64();
  double f64();
  bool boolean() { return u64() != 0; }
  std::string string();
  model::FieldValue field_value();
  model::Tags tags();
  model::Fields fields();
  model::Point point();
  model::BatchPoint batch_point();

  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace farad::runtime
