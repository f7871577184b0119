#include "compile/extension_rules.hpp"

#include <fmt/format.h>

namespace farad::compile {

namespace {

class Checker {
 public:
  explicit Checker(const NodeSpec& node) : node_(node) {}

  /// Reports `message` at the last setting of `property`, or at the node when it has none.
  void problem(std::string_view property, std::string message) {
    const auto settings = node_.all(property);
    const uint32_t offset = settings.empty() ? node_.span.begin : settings.back()->span.begin;
    problems_.push_back({offset, std::move(message)});
  }

  /// The duration of `property` must not be negative (or must be positive).
  void duration(std::string_view property, bool positive) {
    const Value* v = node_.property(property);
    if (!v || v->type != ValueType::Duration) return;
    if (positive ? v->integer > 0 : v->integer >= 0) return;
    problem(property, fmt::format("{} must be {}, got {}", property,
                                  positive ? "positive" : "zero or positive", to_tick(*v)));
  }

  void positive_float(std::string_view property) {
    const Value* v = node_.property(property);
    if (!v || v->type != ValueType::Float || v->number > 0) return;
    problem(property, fmt::format("{} must be positive, got {}", property, to_tick(*v)));
  }

  /// `property` may only be set together with `needed`.
  void requires_property(std::string_view property, std::string_view needed) {
    if (node_.has(property) && !node_.has(needed)) {
      problem(property, fmt::format("{} needs .{}()", property, needed));
    }
  }

  std::vector<RuleProblem> take() { return std::move(problems_); }

 private:
  const NodeSpec& node_;
  std::vector<RuleProblem> problems_;
};

std::vector<Value> last_args(const NodeSpec& node, std::string_view property) {
  const auto settings = node.all(property);
  return settings.empty() ? std::vector<Value>{} : settings.back()->args;
}

void check_counter_rate(const NodeSpec& node, Checker& check) {
  const size_t counters = node.args.size();
  for (const Value& arg : node.args) {
    if (arg.type == ValueType::String && arg.text.empty()) {
      check.problem("", "counter field names cannot be empty");
    }
  }
  const auto as = last_args(node, "as");
  if (node.has("as") && as.size() != counters) {
    check.problem("as", fmt::format("as takes one name per counter: got {} for {} counter(s)",
                                    as.size(), counters));
  }
  const auto widths = last_args(node, "width");
  if (node.has("width") && widths.size() != 1 && widths.size() != counters) {
    check.problem("width",
                  fmt::format("width takes one value, or one per counter: got {} for {} counter(s)",
                              widths.size(), counters));
  }
  for (const Value& width : widths) {
    if (width.type == ValueType::Int && width.integer != 32 && width.integer != 64) {
      check.problem("width", fmt::format("width must be 32 or 64, got {}", width.integer));
    }
  }
  check.duration("unit", true);
  check.duration("heartbeat", false);
  check.duration("lateness", false);
  check.duration("uptimeSlack", false);
  check.positive_float("ceiling");
  check.positive_float("ceilingScale");
  check.requires_property("ceilingScale", "ceilingField");
  check.requires_property("uptimeSlack", "uptime");
  if (node.has("lateness") && node.provides == EdgeType::Batch) {
    check.problem("lateness", "lateness applies to stream edges only: a batch is already in order");
  }
}

void check_window(const NodeSpec& node, Checker& check) {
  check.duration("lateness", false);
  const Value* period_count = node.property("periodCount");
  if (!period_count || period_count->integer == 0) return;
  for (const char* property : {"lateness", "stampStart"}) {
    if (node.has(property)) {
      check.problem(property,
                    fmt::format("{} applies to time windows only, not count windows", property));
    }
  }
}

void check_file_out(const NodeSpec& node, Checker& check) {
  if (!node.args.empty() && node.args[0].type == ValueType::String && node.args[0].text.empty()) {
    check.problem("", "the file path must not be empty");
  }
  const Value* format = node.property("format");
  if (format && format->text != "lp" && format->text != "json") {
    check.problem("format",
                  fmt::format("invalid format '{}': must be 'lp' or 'json'", format->text));
  }
}

}  // namespace

std::vector<RuleProblem> check_extension_rules(const NodeSpec& node) {
  Checker check(node);
  if (node.type == "counterRate") check_counter_rate(node, check);
  if (node.type == "window") check_window(node, check);
  if (node.type == "fileOut") check_file_out(node, check);
  return check.take();
}

}  // namespace farad::compile
