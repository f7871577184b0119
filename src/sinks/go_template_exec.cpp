// Runs a parsed template (go_template_tree.hpp) as Go's text/template/exec.go does: the same
// evaluation of pipelines, fields, variables and calls, the same control flow, the same error
// texts ("template: body:1:2: executing "body" at <.X>: ...").

#include <stdexcept>

#include "sinks/go_template_tree.hpp"
#include "sinks/go_time_methods.hpp"

namespace farad::sinks::go_template {

namespace {

enum class Flow { Normal, Break, Continue };

class Executor {
 public:
  Executor(const Tree& tree, std::string& out) : tree_(tree), out_(out) {}

  void run(const GoValue& data) {
    variables_.emplace_back("$", data);
    walk_list(data, tree_.root);
  }

 private:
  [[noreturn]] void fail(size_t pos, std::string_view context, const std::string& message) {
    throw GoTemplateError("template: " + tree_.location(pos) + ": executing \"" + tree_.name +
                          "\" at <" + std::string(context) + ">: " + message);
  }

  Flow walk_list(const GoValue& dot, const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      if (const Flow flow = walk(dot, node); flow != Flow::Normal) return flow;
    }
    return Flow::Normal;
  }

  Flow walk(const GoValue& dot, const Node& node) {
    switch (node.kind) {
      case Node::Kind::Text:
        out_ += node.text;
        return Flow::Normal;
      case Node::Kind::Action: {
        const GoValue value = pipeline(dot, node.pipe);
        if (node.pipe.variables.empty()) print(value);
        return Flow::Normal;
      }
      case Node::Kind::If:
      case Node::Kind::With: {
        const size_t mark = variables_.size();
        const GoValue value = pipeline(dot, node.pipe);
        const bool truth = go_truth(value);
        const GoValue& inner = node.kind == Node::Kind::With && truth ? value : dot;
        const Flow flow = walk_list(inner, truth ? node.body : node.else_body);
        variables_.resize(mark);
        return flow;
      }
      case Node::Kind::Range:
        return range(dot, node);
      case Node::Kind::Break:
        return Flow::Break;
      case Node::Kind::Continue:
        return Flow::Continue;
    }
    return Flow::Normal;
  }

  void print(const GoValue& value) {
    if (value.kind == GoValue::Kind::Struct && value.pointer) {
      GoValue shown = value;  // the template prints what the pointer points at
      shown.pointer = false;
      append_go_value(out_, shown);
      return;
    }
    append_go_value(out_, value);
  }

  Flow range(const GoValue& dot, const Node& node) {
    const size_t mark = variables_.size();
    const GoValue value = evaluate(dot, node.pipe);
    const auto& names = node.pipe.variables;
    bool ran = false;
    auto iteration = [&](const GoValue& index, const GoValue& element) {
      ran = true;
      if (!names.empty()) bind(names.front(), names.size() > 1 ? index : element, node.pipe);
      if (names.size() > 1) bind(names[1], element, node.pipe);
      const Flow flow = walk_list(element, node.body);
      variables_.resize(mark);
      return flow;
    };
    switch (value.kind) {
      case GoValue::Kind::List:
        for (size_t i = 0; i < value.items->size(); ++i) {
          const GoValue index = GoValue::of_int(static_cast<int64_t>(i), "int");
          if (iteration(index, (*value.items)[i]) == Flow::Break) break;
        }
        break;
      case GoValue::Kind::Map:
        for (const auto& [key, element] : *value.entries) {
          if (iteration(GoValue::of_string(key), element) == Flow::Break) break;
        }
        break;
      case GoValue::Kind::Int:
        if (names.size() > 1) {
          fail(node.pipe.pos, node.pipe.text,
               "can't use " + go_print(value) + " to iterate over more than one variable");
        }
        for (int64_t i = 0; i < value.integer; ++i) {
          const GoValue element = GoValue::of_int(i, value.type);
          if (iteration(element, element) == Flow::Break) break;
        }
        break;
      case GoValue::Kind::Invalid:
      case GoValue::Kind::Nil:
        break;
      default:
        fail(node.pipe.pos, node.pipe.text, "range can't iterate over " + go_print(value));
    }
    Flow flow = Flow::Normal;
    if (!ran) flow = walk_list(dot, node.else_body);
    variables_.resize(mark);
    return flow;
  }

  void bind(const std::string& name, const GoValue& value, const Pipeline& pipe) {
    if (pipe.declare) {
      variables_.emplace_back(name, value);
      return;
    }
    for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
      if (it->first == name) {
        it->second = value;
        return;
      }
    }
    fail(pipe.pos, pipe.text, "undefined variable: " + name);
  }

  /// The pipeline's value, without binding its variables.
  GoValue evaluate(const GoValue& dot, const Pipeline& pipe) {
    GoValue value;
    for (size_t i = 0; i < pipe.commands.size(); ++i) {
      value = command(dot, pipe.commands[i], i > 0 ? &value : nullptr);
      // A nil interface{} is no value at all once it leaves a command.
      if (value.kind == GoValue::Kind::Nil) value = GoValue();
    }
    return value;
  }

  GoValue pipeline(const GoValue& dot, const Pipeline& pipe) {
    GoValue value = evaluate(dot, pipe);
    for (const auto& name : pipe.variables) bind(name, value, pipe);
    return value;
  }

  const GoValue& variable(const Operand& operand) {
    for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
      if (it->first == operand.name) return it->second;
    }
    fail(operand.pos, operand.text, "undefined variable: " + operand.name);
  }

  void not_a_function(const Command& cmd, const GoValue* final) {
    if (cmd.operands.size() > 1 || final) {
      fail(cmd.pos, cmd.operands.front().text,
           "can't give argument to non-function " + cmd.operands.front().text);
    }
  }

  GoValue command(const GoValue& dot, const Command& cmd, const GoValue* final) {
    const Operand& head = cmd.operands.front();
    switch (head.kind) {
      case Operand::Kind::Function:
        return call(dot, head, &cmd, final);
      case Operand::Kind::Field:
        return chain(dot, head, &cmd, final);
      case Operand::Kind::Variable:
        if (head.fields.empty()) {
          not_a_function(cmd, final);
          return variable(head);
        }
        return chain(variable(head), head, &cmd, final);
      case Operand::Kind::Pipe: {
        if (head.fields.empty()) not_a_function(cmd, final);
        const GoValue value = evaluate(dot, *head.pipe);
        return head.fields.empty() ? value : chain(value, head, &cmd, final);
      }
      case Operand::Kind::Nil:
        fail(head.pos, head.text, "nil is not a command");
      case Operand::Kind::Dot:
        not_a_function(cmd, final);
        return dot;
      case Operand::Kind::Constant:
        not_a_function(cmd, final);
        return head.constant;
    }
    return {};
  }

  /// An operand given to a function.
  GoValue argument(const GoValue& dot, const Operand& operand) {
    switch (operand.kind) {
      case Operand::Kind::Dot:
        return dot;
      case Operand::Kind::Nil:
        return {};
      case Operand::Kind::Constant:
        return operand.constant;
      case Operand::Kind::Field:
        return chain(dot, operand, nullptr, nullptr);
      case Operand::Kind::Variable:
        return operand.fields.empty() ? variable(operand)
                                      : chain(variable(operand), operand, nullptr, nullptr);
      case Operand::Kind::Pipe: {
        const GoValue value = evaluate(dot, *operand.pipe);
        return operand.fields.empty() ? value : chain(value, operand, nullptr, nullptr);
      }
      case Operand::Kind::Function:
        return call(dot, operand, nullptr, nullptr);
    }
    return {};
  }

  /// `operand`'s field chain from `receiver`; the last one gets the command's arguments.
  GoValue chain(GoValue receiver, const Operand& operand, const Command* cmd,
                const GoValue* final) {
    for (size_t i = 0; i < operand.fields.size(); ++i) {
      const bool last = i + 1 == operand.fields.size();
      receiver =
          field(receiver, operand.fields[i], operand, last ? cmd : nullptr, last ? final : nullptr);
    }
    return receiver;
  }

  GoValue field(const GoValue& receiver, const std::string& name, const Operand& operand,
                const Command* cmd, const GoValue* final) {
    const bool has_args = (cmd && cmd->operands.size() > 1) || final;
    switch (receiver.kind) {
      case GoValue::Kind::Invalid:
        return {};
      case GoValue::Kind::Nil:
        fail(operand.pos, operand.text, "nil pointer evaluating interface {}." + name);
      case GoValue::Kind::Time:
        if (is_time_method(name)) {
          if (has_args) {
            const size_t given = (cmd ? cmd->operands.size() - 1 : 0) + (final ? 1 : 0);
            fail(operand.pos, operand.text,
                 "wrong number of args for " + name + ": want 0 got " + std::to_string(given));
          }
          return call_time_method(receiver.integer, name);
        }
        break;
      case GoValue::Kind::Struct:
        if (const GoValue* value = receiver.find(name)) {
          if (has_args) {
            fail(operand.pos, operand.text,
                 name + " has arguments but cannot be invoked as function");
          }
          return *value;
        }
        break;
      case GoValue::Kind::Map: {
        if (has_args) fail(operand.pos, operand.text, name + " is not a method but has arguments");
        const GoValue* value = receiver.find(name);
        return value ? *value : GoValue();
      }
      default:
        break;
    }
    fail(operand.pos, operand.text,
         "can't evaluate field " + name + " in type " + std::string(receiver.type));
  }

  GoValue call(const GoValue& dot, const Operand& function, const Command* cmd,
               const GoValue* final) {
    const std::string& name = function.name;
    const size_t first = 1;
    const size_t given = (cmd ? cmd->operands.size() - first : 0) + (final ? 1 : 0);
    std::vector<GoValue> args;
    if (name == "and" || name == "or") {
      if (given == 0) {
        fail(function.pos, function.text,
             "wrong number of args for " + name + ": want at least 1 got 0");
      }
      // Stops at the first argument that decides, as Go's and/or do.
      GoValue value;
      for (size_t i = 0; i < given; ++i) {
        value = cmd && first + i < cmd->operands.size() ? argument(dot, cmd->operands[first + i])
                                                        : *final;
        if (go_truth(value) == (name == "or")) return value;
      }
      return value;
    }
    if (cmd) {
      for (size_t i = first; i < cmd->operands.size(); ++i) {
        args.push_back(argument(dot, cmd->operands[i]));
      }
    }
    if (final) args.push_back(*final);
    const GoFunction* builtin = find_builtin(name);
    const auto registered = tree_.functions.find(name);
    const GoFunction& fn = registered != tree_.functions.end() ? registered->second : *builtin;
    try {
      return fn(args);
    } catch (const BadArgument& e) {
      const size_t operand = first + e.index;
      if (cmd && operand < cmd->operands.size()) {
        fail(cmd->operands[operand].pos, cmd->operands[operand].text, e.what());
      }
      fail(function.pos, function.text, e.what());
    } catch (const std::invalid_argument& e) {
      fail(function.pos, function.text, e.what());
    } catch (const std::exception& e) {
      const size_t pos = cmd ? cmd->pos : function.pos;
      fail(pos, cmd ? cmd->text : function.text, "error calling " + name + ": " + e.what());
    }
  }

  const Tree& tree_;
  std::string& out_;
  std::vector<std::pair<std::string, GoValue>> variables_;
};

}  // namespace

void execute(const Tree& tree, const GoValue& data, std::string& out) {
  Executor(tree, out).run(data);
}

}  // namespace farad::sinks::go_template
