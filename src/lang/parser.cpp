#include "lang/parser.hpp"

#include <tao/pegtl/contrib/analyze.hpp>
#include <tao/pegtl/demangle.hpp>
#include <tao/pegtl/visit.hpp>

#include <algorithm>
#include <set>

#include "lang/parser_support.hpp"
#include "lang/tick_grammar.hpp"

namespace farad::lang {
namespace {

namespace g = grammar;
namespace pg = tao::pegtl;
using parser_support::Builder;

// ---- control: undo what a failed rule built, and raise must-point messages

// Rules being matched at once; deeper nesting is refused before the recursion can exhaust the
// stack (about 300 levels of parentheses or 200 of nested calls, far beyond any real script;
// Kapacitor has no limit).
constexpr std::size_t max_rule_depth = 2000;

// The grammar backtracks (an identifier may start a chain, a call or a binary expression), so
// every rule remembers how much was built when it started and drops the rest if it fails; only
// the nodes of the successful parse remain. (A comment matched inside an unnamed sequence that
// fails may be recorded twice; attach_comments() keeps each comment once.)
template <typename Rule>
struct rollback_control : pg::normal<Rule> {
  template <typename ParseInput>
  static void start(const ParseInput& in, Builder& builder) {
    if (builder.marks.size() >= max_rule_depth) {
      builder.fail(builder.offset(in.current()), "expression nested too deeply");
    }
    builder.marks.push_back(
        {builder.nodes.size(), builder.comments.size(), builder.offset(in.current())});
  }
  template <typename ParseInput>
  static void success(const ParseInput& /*in*/, Builder& builder) {
    builder.marks.pop_back();
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*in*/, Builder& builder) {
    const auto mark = builder.marks.back();
    builder.marks.pop_back();
    builder.nodes.resize(mark.nodes);
    builder.comments.resize(mark.comments);
  }
};

template <typename Rule>
using control = pg::must_if<g::error_table, rollback_control>::control<Rule>;

// ---- actions: each pushes or folds nodes on the builder's stack

template <typename Rule>
struct action : pg::nothing<Rule> {};

// The range of an action's input as byte offsets into the source.
template <typename ActionInput>
Span span_of(const ActionInput& in, const Builder& builder) {
  return {builder.offset(in.begin()), builder.offset(in.end())};
}

template <>
struct action<g::comment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.comments.push_back(span_of(in, builder));
  }
};

template <>
struct action<g::identifier> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push(NodeKind::Identifier, span_of(in, builder))->text = in.string();
  }
};

template <>
struct action<g::number_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push_number(span_of(in, builder));
  }
};

template <>
struct action<g::duration_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push_duration(span_of(in, builder));
  }
};

template <>
struct action<g::triple_string> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto* node = builder.push(NodeKind::String, span_of(in, builder));
    // Kapacitor drops three characters at each end, whatever the quirky closing looked like.
    node->text = std::string(in.string_view().substr(3, in.size() - 6));
    node->triple_quoted = true;
  }
};

template <>
struct action<g::single_string> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push(NodeKind::String, span_of(in, builder))->text =
        parser_support::unescape(in.string_view(), '\'');
  }
};

template <>
struct action<g::quoted_reference> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push(NodeKind::Reference, span_of(in, builder))->text =
        parser_support::unescape(in.string_view(), '"');
  }
};

template <>
struct action<g::slashed_regex> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push(NodeKind::Regex, span_of(in, builder))->text =
        parser_support::unescape(in.string_view(), '/');
  }
};

template <>
struct action<g::bool_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push(NodeKind::Bool, span_of(in, builder))->bool_value = in.string_view() == "TRUE";
  }
};

template <>
struct action<g::star_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.push(NodeKind::Star, span_of(in, builder));
  }
};

// Binary operators are pushed as childless Binary nodes between their operands and folded by
// precedence when the whole expression is known.
struct push_operator {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto* node = builder.push(NodeKind::Binary, span_of(in, builder));
    node->text = in.string();
    node->op_offset = node->span.begin;
  }
};
template <>
struct action<g::regex_match_symbol> : push_operator {};
template <>
struct action<g::logical_symbol> : push_operator {};
template <>
struct action<g::operator_symbol> : push_operator {};
template <>
struct action<g::minus_symbol> : push_operator {};

struct fold_binary {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, Builder& builder) {
    builder.fold_binary();
  }
};
template <>
struct action<g::binary_expression> : fold_binary {};
template <>
struct action<g::call_expression> : fold_binary {};

template <>
struct action<g::unary_expression> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto operand = builder.pop();
    auto* node = builder.push(NodeKind::Unary, span_of(in, builder));
    node->text = std::string(1, in.peek_char());
    node->op_offset = node->span.begin;
    node->children.push_back(std::move(operand));
  }
};

template <>
struct action<g::parenthesized> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto& node = *builder.nodes.back();
    node.parens = true;
    node.span = span_of(in, builder);
  }
};

// Arguments are gathered into a nameless Function node (an "argument pack") that the rule
// naming the function then completes.
struct pack_arguments {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto arguments = builder.take_since_mark();
    auto* pack = builder.push(NodeKind::Function, span_of(in, builder));
    pack->children = std::move(arguments);
  }
};
template <>
struct action<g::call_arguments> : pack_arguments {};
template <>
struct action<g::chain_arguments> : pack_arguments {};
template <>
struct action<g::lambda_call_arguments> : pack_arguments {};

struct global_call {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, Builder& builder) {
    auto parts = builder.take_since_mark();
    builder.nodes.push_back(builder.make_function(FuncType::Global, std::move(parts)));
  }
};
template <>
struct action<g::function_call> : global_call {};
template <>
struct action<g::primary_call> : global_call {};

template <FuncType Type>
struct chain_link {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto parts = builder.take_since_mark();
    NodePtr right = parts.size() == 1 ? std::move(parts.front())
                                      : builder.make_function(Type, std::move(parts));
    auto left = builder.pop();
    auto* chain = builder.push(NodeKind::Chain, {left->span.begin, right->span.end});
    chain->text = std::string(1, in.peek_char());
    chain->op_offset = builder.offset(in.begin());
    chain->children.push_back(std::move(left));
    chain->children.push_back(std::move(right));
  }
};
template <>
struct action<g::chain_step> : chain_link<FuncType::Chain> {};
template <>
struct action<g::property_step> : chain_link<FuncType::Property> {};
template <>
struct action<g::dynamic_step> : chain_link<FuncType::Dynamic> {};

template <>
struct action<g::lambda_expression> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto expression = builder.pop();
    builder.push(NodeKind::Lambda, span_of(in, builder))->children.push_back(std::move(expression));
  }
};

template <>
struct action<g::lambda_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, Builder& builder) {
    auto expression = builder.pop();
    const Span span = expression->span;
    builder.push(NodeKind::Lambda, span)->children.push_back(std::move(expression));
  }
};

template <>
struct action<g::list_expression> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto items = builder.take_since_mark();
    builder.push(NodeKind::List, span_of(in, builder))->children = std::move(items);
  }
};

// The type name of `var x type` is marked by turning its identifier into a TypeDeclaration
// that the declaration action completes.
template <>
struct action<g::variable_type> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, Builder& builder) {
    builder.nodes.back()->kind = NodeKind::TypeDeclaration;
  }
};

template <>
struct action<g::declaration> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto parts = builder.take_since_mark();
    auto& name = *parts[0];
    auto& second = parts[1];
    const bool typed = second->kind == NodeKind::TypeDeclaration;
    auto* node = builder.push(typed ? NodeKind::TypeDeclaration : NodeKind::Declaration,
                              span_of(in, builder));
    node->text = name.text;
    node->op_offset = name.span.begin;
    if (typed) {
      node->text2 = second->text;
    } else {
      node->children.push_back(std::move(second));
    }
  }
};

template <>
struct action<g::dbrp_statement> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    auto parts = builder.take_since_mark();
    auto* node = builder.push(NodeKind::Dbrp, span_of(in, builder));
    node->text = parts[0]->text;
    node->text2 = parts[1]->text;
    node->op_offset = parts[0]->span.begin;
  }
};

// ---- running the grammar

template <typename Root>
void run(const Source& source, Builder& builder) {
  const std::string& text = source.text();
  pg::memory_input<pg::tracking_mode::lazy> in(text.data(), text.data() + text.size(),
                                               source.name());
  try {
    pg::parse<Root, action, control>(in, builder);
  } catch (const pg::parse_error& error) {
    // The rule that failed is the innermost one still marked (it raised instead of unwinding);
    // PEGTL's own position may lie inside it, after what it consumed before failing.
    const auto& positions = error.positions();
    const uint32_t offset = !builder.marks.empty() ? builder.marks.back().offset
                            : positions.empty()    ? 0
                                                   : static_cast<uint32_t>(positions.front().byte);
    throw DiagnosticError{parser_support::syntax_error(source, offset, error.message())};
  }
}

// ---- grammar self-checks

constexpr std::string_view rule_namespace = "farad::lang::grammar::";

#define FARAD_RULE_NAME(name) #name,
constexpr std::string_view rule_names[] = {FARAD_TICK_RULES(FARAD_RULE_NAME)};
#undef FARAD_RULE_NAME

template <typename Rule>
struct collect_name {
  static void visit(std::set<std::string_view>& names) {
    const std::string_view name = pg::demangle<Rule>();
    // Only our named rules: not PEGTL's combinators and not the character-class template.
    if (name.starts_with(rule_namespace) && name.find('<') == std::string_view::npos) {
      names.insert(name.substr(rule_namespace.size()));
    }
  }
};

}  // namespace

Program parse_program(const Source& source) {
  Builder builder(source);
  run<g::program>(source, builder);
  Program program;
  program.statements = std::move(builder.nodes);
  program.trailing_comment =
      parser_support::attach_comments(source, builder.comments, program.statements);
  return program;
}

NodePtr parse_lambda_text(const Source& source) {
  Builder builder(source);
  run<g::lambda_text>(source, builder);
  std::vector<NodePtr> roots = std::move(builder.nodes);
  auto trailing = parser_support::attach_comments(source, builder.comments, roots);
  NodePtr lambda = std::move(roots.front());
  lambda->comment.insert(lambda->comment.end(), trailing.begin(), trailing.end());
  return lambda;
}

std::vector<std::string_view> grammar_rule_names() {
  return {std::begin(rule_names), std::end(rule_names)};
}

std::size_t analyze_grammar() {
  std::size_t problems = pg::analyze<g::program>(0) + pg::analyze<g::lambda_text>(0);
  // The declared list must name exactly the rules the two roots reach.
  std::set<std::string_view> reachable;
  pg::visit<g::program, collect_name>(reachable);
  pg::visit<g::lambda_text, collect_name>(reachable);
  const std::set<std::string_view> declared(std::begin(rule_names), std::end(rule_names));
  std::vector<std::string_view> difference;
  std::set_symmetric_difference(reachable.begin(), reachable.end(), declared.begin(),
                                declared.end(), std::back_inserter(difference));
  return problems + difference.size() + (declared.size() != std::size(rule_names) ? 1 : 0);
}

}  // namespace farad::lang
