#include "expr/compiled_expression.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/go_format.hpp"
#include "expr/regex.hpp"

namespace farad::expr {
namespace {

using lang::NodeKind;

// Go's type names of AST nodes the evaluator does not accept, as Kapacitor names them.
const char* go_node_type(NodeKind kind) {
  switch (kind) {
    case NodeKind::Star:
      return "*ast.StarNode";
    case NodeKind::Identifier:
      return "*ast.IdentifierNode";
    case NodeKind::List:
      return "*ast.ListNode";
    case NodeKind::Chain:
      return "*ast.ChainNode";
    case NodeKind::Declaration:
      return "*ast.DeclarationNode";
    case NodeKind::TypeDeclaration:
      return "*ast.TypeDeclarationNode";
    case NodeKind::Dbrp:
      return "*ast.DBRPNode";
    default:
      return "*ast.Node";
  }
}

// An error Kapacitor reports without the prefixes of the enclosing nodes: a regex that does not
// compile (a parse error there) and a call that can never succeed (an evaluation error there).
class PlainError : public CompileError {
 public:
  using CompileError::CompileError;
};

class Compiler {
 public:
  std::vector<std::string> references;
  bool stateful = false;

  ExprNode compile(const lang::Node& node) {
    ExprNode out;
    out.offset = node.op_offset != 0 ? node.op_offset : node.span.begin;
    switch (node.kind) {
      case NodeKind::Number:
        out.literal =
            node.is_float ? Value::make_float(node.float_value) : Value::make_int(node.int_value);
        break;
      case NodeKind::Duration:
        out.literal = Value::make_duration(node.duration_ns);
        break;
      case NodeKind::String:
        out.literal = Value::make_string(node.text);
        break;
      case NodeKind::Bool:
        out.literal = Value::make_bool(node.bool_value);
        break;
      case NodeKind::Regex:
        compile_regex(node, out);
        break;
      case NodeKind::Reference:
        return compile_reference(node, out);
      case NodeKind::Unary:
        return compile_unary(node, out);
      case NodeKind::Binary:
        return compile_binary(node, out);
      case NodeKind::Function:
        return compile_call(node, out);
      case NodeKind::Lambda:
        if (node.children.size() == 1) return compile(*node.children[0]);
        [[fallthrough]];
      default:
        throw CompileError(fmt::format("Given node type is not valid evaluation node: {}",
                                       go_node_type(node.kind)),
                           out.offset);
    }
    out.kind = ExprNode::Kind::Literal;
    out.constant_type = out.literal.type();
    return out;
  }

 private:
  // Compiles a child, prefixing its error as Kapacitor's constructors do.
  ExprNode compile_child(const lang::Node& node, const std::string& context) {
    try {
      return compile(node);
    } catch (const PlainError&) {
      throw;
    } catch (const CompileError& error) {
      throw CompileError(context + error.what(), error.offset());
    }
  }

  void compile_regex(const lang::Node& node, ExprNode& out) {
    std::string error;
    auto regex = Regex::compile(node.text, error);
    if (!regex) throw PlainError(error, out.offset);
    out.literal = Value::make_regex(std::move(regex));
    // Kapacitor prints the literal as written, with `\/` for a slash.
    for (char c : node.text) {
      if (c == '/') out.name.push_back('\\');
      out.name.push_back(c);
    }
  }

  ExprNode compile_reference(const lang::Node& node, ExprNode& out) {
    out.kind = ExprNode::Kind::Reference;
    out.name = node.text;
    out.dynamic = true;
    const auto found = std::find(references.begin(), references.end(), node.text);
    out.slot = static_cast<uint32_t>(found - references.begin());
    if (found == references.end()) references.push_back(node.text);
    return out;
  }

  ExprNode compile_unary(const lang::Node& node, ExprNode& out) {
    if (node.children.size() != 1 || (node.text != "-" && node.text != "!")) {
      throw CompileError(fmt::format("Invalid unary operator: {}", go::quote(node.text)),
                         out.offset);
    }
    out.kind = node.text == "-" ? ExprNode::Kind::Negate : ExprNode::Kind::Not;
    out.children.push_back(compile_child(*node.children[0], "Failed to handle node: "));
    const ExprNode& operand = out.children[0];
    out.constant_type = out.kind == ExprNode::Kind::Not ? ValueType::Bool : operand.constant_type;
    out.dynamic = out.constant_type == ValueType::Invalid && operand.dynamic;
    return out;
  }

  ExprNode compile_binary(const lang::Node& node, ExprNode& out) {
    if (node.children.size() != 2 || !parse_operator(node.text, out.op)) {
      throw CompileError(fmt::format("unknown binary operator {}", node.text), out.offset);
    }
    out.kind = ExprNode::Kind::Binary;
    out.children.push_back(compile_child(*node.children[0], "Failed to handle left node: "));
    out.children.push_back(compile_child(*node.children[1], "Failed to handle right node: "));
    const ExprNode& left = out.children[0];
    const ExprNode& right = out.children[1];
    out.constant_type = is_comparison_or_logical(out.op)
                            ? ValueType::Bool
                            : binary_result_type(out.op, left.constant_type, right.constant_type);
    // Operands whose types are known now are checked now, as Kapacitor does.
    if (!left.dynamic && !right.dynamic &&
        binary_result_type(out.op, left.constant_type, right.constant_type) == ValueType::Invalid) {
      throw CompileError(binary_type_error(out.op, left.constant_type, right.constant_type),
                         out.offset);
    }
    out.dynamic = out.constant_type == ValueType::Invalid && (left.dynamic || right.dynamic);
    return out;
  }

  ExprNode compile_call(const lang::Node& node, ExprNode& out) {
    out.kind = ExprNode::Kind::Call;
    out.name = node.text;
    out.dynamic = true;
    for (size_t i = 0; i < node.children.size(); ++i) {
      out.children.push_back(
          compile_child(*node.children[i], fmt::format("Failed to handle {} argument: ", i + 1)));
    }
    out.function = find_function(node.text);
    // Kapacitor finds these at every evaluation; farad reports them once, at compile time.
    if (out.function == nullptr) {
      throw PlainError(fmt::format("undefined function: {}", go::quote(node.text)), out.offset);
    }
    check_signature(out);
    stateful = stateful || node.text == "sigma" || node.text == "count" || node.text == "spread" ||
               node.text == "rand";
    return out;
  }

  void check_signature(const ExprNode& call) {
    const Function& function = *call.function;
    std::vector<ValueType> types;
    std::string arguments;
    for (const ExprNode& argument : call.children) {
      types.push_back(argument.constant_type);
      if (!arguments.empty()) arguments += ",";
      arguments += node_text(argument) + ": " + type_name(argument.constant_type);
    }
    const bool all_known = std::find(types.begin(), types.end(), ValueType::Invalid) == types.end();
    if (all_known && find_signature(function, types) == nullptr) {
      throw PlainError(
          fmt::format("Cannot call function {} with args ({}), available signatures are {}.",
                      go::quote(function.name), arguments, signatures_text(function)),
          call.offset);
    }
    if (!accepts_arity(function, call.children.size())) {
      throw PlainError(fmt::format("Cannot call function {} with {} argument{}, available "
                                   "signatures are {}.",
                                   go::quote(function.name), call.children.size(),
                                   call.children.size() == 1 ? "" : "s", signatures_text(function)),
                       call.offset);
    }
  }
};

std::string literal_text(const ExprNode& node) {
  const Value& v = node.literal;
  switch (v.type()) {
    case ValueType::Float:
      return go::format_float_v(v.as_float());
    case ValueType::Int:
      return std::to_string(v.as_int());
    case ValueType::String:
      return std::string(v.as_string());
    case ValueType::Bool:
      return v.as_bool() ? "true" : "false";
    case ValueType::Duration:
      return go::format_duration(v.as_int());
    case ValueType::Regex:
      return node.name;
    default:
      return "";
  }
}

}  // namespace

std::string node_text(const ExprNode& node) {
  switch (node.kind) {
    case ExprNode::Kind::Literal:
      return literal_text(node);
    case ExprNode::Kind::Reference:
      return "\"" + node.name + "\"";
    case ExprNode::Kind::Negate:
      return "-" + node_text(node.children[0]);
    case ExprNode::Kind::Not:
      return "!" + node_text(node.children[0]);
    case ExprNode::Kind::Binary:
      return node_text(node.children[0]) + " " + operator_text(node.op) + " " +
             node_text(node.children[1]);
    case ExprNode::Kind::Call: {
      std::string out = node.name + "(";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += node_text(node.children[i]);
      }
      return out + ")";
    }
  }
  return "";
}

std::string CompiledExpression::text() const {
  return node_text(root_);
}

CompiledExpression compile_expression(const lang::Node& expression) {
  Compiler compiler;
  CompiledExpression out;
  out.root_ = compiler.compile(expression);
  out.references_ = std::move(compiler.references);
  out.stateful_ = compiler.stateful;
  return out;
}

}  // namespace farad::expr
