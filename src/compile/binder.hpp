#pragma once
// The binder evaluates a parsed program the way Kapacitor's tick/eval.go does — vars, chains,
// properties — against the catalogue, and builds a TaskSpec. Internal to src/compile.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "compile/compiler.hpp"
#include "lang/ast.hpp"

namespace farad::compile {

class Binder {
 public:
  Binder(const lang::Source& source, const CompileOptions& options);

  /// Compiles the program; diagnostics() holds every error found.
  TaskSpec bind(const lang::Program& program);
  const std::vector<lang::Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  // Statements and expressions (binder.cpp).
  void bind_statement(const lang::Node& statement);
  void bind_declaration(const lang::Node& declaration);
  void bind_type_declaration(const lang::Node& declaration);
  Value eval(const lang::Node& expression);
  Value eval_identifier(const lang::Node& identifier);
  Value eval_lambda(const lang::Node& lambda);
  Value eval_global_function(const lang::Node& function);
  lang::NodePtr inline_vars(const lang::Node& expression, bool& ok);
  void check_regex(const lang::Node& regex);

  // Method calls on nodes and handlers (binder_methods.cpp).
  Value eval_chain(const lang::Node& chain);
  Value call_chain_method(const Value& receiver, const lang::Node& call);
  Value call_property(const Value& receiver, const lang::Node& call);
  Value call_udf(const Value& receiver, const lang::Node& call);
  Value read_property(const Value& receiver, const lang::Node& identifier);
  Value create_node(const Value& parent, const Method& method, const lang::Node& call,
                    std::vector<Value> args);
  Value expand_deadman(int parent, const lang::Node& call, const std::vector<Value>& args);
  int add_node(const ObjectType& type, std::vector<int> parents, lang::Span span);
  void link(int parent, int child);
  bool check_arguments(const Method& method, const lang::Node& call, std::vector<Value>& args);
  std::vector<Value> eval_arguments(const lang::Node& call);
  const ObjectType& receiver_type(const Value& receiver) const;

  // Whole-task checks after evaluation (node_rules.cpp).
  void validate_nodes();
  void check_dbrps();
  void check_does_something();

  void error(uint32_t offset, std::string message, std::string hint = {});
  void error_at(const lang::Node& node, std::string message, std::string hint = {});

  const lang::Source& source_;
  const CompileOptions& options_;
  TaskSpec task_;
  std::vector<lang::Diagnostic> diagnostics_;
  std::map<std::string, Value> scope_;
  std::vector<std::string> scope_order_;
  int next_id_ = 0;
  bool mixed_task_ = false;
  std::set<int> invalid_nodes_;         ///< nodes created despite bad arguments (already reported)
  std::vector<uint32_t> dbrp_offsets_;  ///< where each dbrp statement is
};

/// Walks each top-level chain to its leftmost identifier, as Kapacitor infers a task's type.
/// Returns nullopt when the script names neither `stream` nor `batch`; when it names both,
/// `conflict` is the offset of the first chain that disagrees with the first one.
std::optional<TaskType> infer_task_type(const lang::Program& program,
                                        std::optional<uint32_t>& conflict);

}  // namespace farad::compile
