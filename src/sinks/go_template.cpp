#include "sinks/go_template.hpp"

#include <stdexcept>

#include "sinks/go_template_tree.hpp"

namespace farad::sinks {

namespace go_template {

std::string Tree::location(size_t pos) const {
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < pos && i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  // Go counts the column in bytes from 0: from the line's start, the whole offset on line 1.
  return name + ":" + std::to_string(line) + ":" + std::to_string(pos - line_start);
}

}  // namespace go_template

GoTemplate::GoTemplate(std::string_view text, GoFunctions functions, std::string name) {
  auto tree = std::make_unique<go_template::Tree>();
  tree->name = std::move(name);
  tree->source = std::string(text);
  tree->functions = std::move(functions);
  go_template::parse(*tree);
  tree_ = std::move(tree);
}

GoTemplate::~GoTemplate() = default;
GoTemplate::GoTemplate(GoTemplate&&) noexcept = default;
GoTemplate& GoTemplate::operator=(GoTemplate&&) noexcept = default;

std::string GoTemplate::execute(const GoValue& data) const {
  std::string out;
  go_template::execute(*tree_, data, out);
  return out;
}

bool GoTemplate::has_actions() const {
  return tree_->has_actions;
}

GoFunctions kapacitor_json_functions() {
  auto one_argument = [](const char* name, const std::vector<GoValue>& args) {
    if (args.size() != 1) {
      throw std::invalid_argument("wrong number of args for " + std::string(name) +
                                  ": want 1 got " + std::to_string(args.size()));
    }
  };
  GoFunctions functions;
  // Kapacitor ignores the encoder's error: a value it cannot encode gives an empty string.
  functions["json"] = [one_argument](const std::vector<GoValue>& args) {
    one_argument("json", args);
    bool ok = false;
    return GoValue::of_string(go_json(args.front(), ok));
  };
  functions["jsonCompact"] = [one_argument](const std::vector<GoValue>& args) {
    one_argument("jsonCompact", args);
    bool ok = false;
    std::string text = go_json(args.front(), ok);
    if (!text.empty()) text.pop_back();  // json.Compact drops the encoder's newline
    return GoValue::of_string(std::move(text));
  };
  return functions;
}

}  // namespace farad::sinks
