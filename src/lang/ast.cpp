#include "lang/ast.hpp"

namespace farad::lang {

NodePtr clone(const Node& node) {
  auto copy = std::make_unique<Node>();
  copy->kind = node.kind;
  copy->span = node.span;
  copy->op_offset = node.op_offset;
  copy->comment = node.comment;
  copy->text = node.text;
  copy->text2 = node.text2;
  copy->int_value = node.int_value;
  copy->float_value = node.float_value;
  copy->duration_ns = node.duration_ns;
  copy->is_float = node.is_float;
  copy->bool_value = node.bool_value;
  copy->triple_quoted = node.triple_quoted;
  copy->parens = node.parens;
  copy->multi_line = node.multi_line;
  copy->func_type = node.func_type;
  copy->children.reserve(node.children.size());
  for (const auto& child : node.children) copy->children.push_back(clone(*child));
  return copy;
}

const char* kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Number:
      return "number";
    case NodeKind::Duration:
      return "duration";
    case NodeKind::String:
      return "string";
    case NodeKind::Bool:
      return "bool";
    case NodeKind::Regex:
      return "regex";
    case NodeKind::Star:
      return "star";
    case NodeKind::Reference:
      return "reference";
    case NodeKind::Identifier:
      return "identifier";
    case NodeKind::List:
      return "list";
    case NodeKind::Unary:
      return "unary expression";
    case NodeKind::Binary:
      return "binary expression";
    case NodeKind::Function:
      return "function call";
    case NodeKind::Lambda:
      return "lambda";
    case NodeKind::Chain:
      return "chain";
    case NodeKind::Declaration:
      return "declaration";
    case NodeKind::TypeDeclaration:
      return "type declaration";
    case NodeKind::Dbrp:
      return "dbrp";
  }
  return "node";
}

}  // namespace farad::lang
