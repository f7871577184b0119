#include "nodes/eval.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/evaluate.hpp"
#include "expr/go_format.hpp"
#include "nodes/point_scope.hpp"

namespace farad::nodes {
namespace {

std::vector<std::string> last_strings(const compile::NodeSpec& spec, std::string_view name) {
  std::vector<std::string> out;
  if (const auto settings = spec.all(name); !settings.empty()) {
    for (const auto& v : settings.back()->args) out.push_back(v.text);
  }
  return out;
}

// Kapacitor's scope as the lambdas of one point see it: a name is the point's field, else its
// tag, else an earlier result (or a name an earlier lambda found missing).
class EvalScope : public PointScope {
 public:
  EvalScope(const model::Fields& fields, const model::Tags& tags, int64_t time,
            const std::vector<std::pair<std::string, expr::Value>>& vars)
      : PointScope(fields, tags, time), vars_(vars) {}

  expr::Value field(std::string_view name) const override {
    if (const auto* value = model::find_field(fields_, name)) return to_expression_value(*value);
    if (model::find_tag(tags_, name)) return expr::Value::make_missing();
    for (const auto& [key, value] : vars_) {
      if (key != name) continue;
      if (value.type() == expr::ValueType::String) {
        return expr::Value::make_borrowed_string(value.as_string());
      }
      return value;
    }
    return expr::Value::make_missing();
  }

 private:
  const std::vector<std::pair<std::string, expr::Value>>& vars_;
};

}  // namespace

EvalNode::EvalNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  for (size_t i = 0; i < spec.args.size(); ++i) {
    expressions_.push_back(
        compile_lambda(*spec.args[i].lambda, fmt::format("Failed to compile {} expression", i)));
  }
  as_ = last_strings(spec, "as");
  if (as_.size() != expressions_.size()) {
    throw std::runtime_error("must provide one name per expression via the 'As' property");
  }
  tags_ = last_strings(spec, "tags");
  keep_ = spec.has("keep");
  keep_list_ = last_strings(spec, "keep");
  quiet_ = spec.has("quiet");
}

std::vector<expr::ExpressionState>& EvalNode::group_states(model::GroupKey group) {
  if (auto* states = states_.find(group)) return *states;
  auto& states = states_[group];
  const std::string& id = context_.interner.id(group);
  for (size_t i = 0; i < expressions_.size(); ++i) {
    states.push_back(fresh_expression_state(id, i));
  }
  return states;
}

const expr::Value* EvalNode::var(std::string_view name) const {
  for (const auto& [key, value] : vars_) {
    if (key == name) return &value;
  }
  return nullptr;
}

void EvalNode::set_var(std::string_view name, expr::Value value) {
  for (auto& [key, slot] : vars_) {
    if (key == name) {
      slot = std::move(value);
      return;
    }
  }
  vars_.emplace_back(std::string(name), std::move(value));
}

// Kapacitor's fillScope leaves every referenced name in the scope: a later lambda and the
// keep list see the point's value under a name, not the result of that name, when the point
// has such a field or tag.
void EvalNode::fill_vars(const expr::CompiledExpression& expression, const model::Fields& fields,
                         const model::Tags& tags, int64_t time) {
  for (const std::string& name : expression.references()) {
    if (name == "time") {
      set_var(name, expr::Value::make_time(time));
    } else if (const auto* field = model::find_field(fields, name)) {
      set_var(name, to_expression_value(*field));
    } else if (const auto* tag = model::find_tag(tags, name)) {
      set_var(name, expr::Value::make_borrowed_string(*tag));
    } else if (!var(name)) {
      set_var(name, expr::Value::make_missing());
    }
  }
}

bool EvalNode::fail(std::string_view message) {
  ++stats_.errors;
  if (!quiet_) log("E", fmt::format("error evaluating expression: {}", message));
  return false;
}

bool EvalNode::apply(model::Fields& fields, model::Tags& tags, int64_t time,
                     std::vector<expr::ExpressionState>& states) {
  vars_.clear();
  for (size_t i = 0; i < expressions_.size(); ++i) {
    const EvalScope scope(fields, tags, time, vars_);
    expr::Evaluation result = expr::evaluate(expressions_[i], scope, states[i]);
    if (!result.ok()) return fail(result.error);
    fill_vars(expressions_[i], fields, tags, time);
    set_var(as_[i], std::move(result.value));
  }
  model::Tags new_tags;
  if (!tags_.empty()) {
    new_tags = tags;
    for (const std::string& name : tags_) {
      const expr::Value* value = var(name);
      if (!value || value->type() != expr::ValueType::String) {
        return fail(fmt::format("result of a tag expression must be of type string, got {}",
                                value ? expr::go_type_name(value->type()) : "<nil>"));
      }
      model::set_tag(new_tags, name, std::string(value->as_string()));
    }
  }
  model::Fields new_fields;
  auto store = [&](const std::string& name, const expr::Value& value) {
    auto field = to_field_value(value);
    if (!field) {
      return fail(fmt::format("cannot store {} value of {} as a field",
                              expr::type_name(value.type()), expr::go::quote(name)));
    }
    model::set_field(new_fields, name, std::move(*field));
    return true;
  };
  if (keep_ && !keep_list_.empty()) {
    for (const std::string& name : keep_list_) {
      // The scope first (results and referenced names), then the point's other fields.
      const expr::Value* value = var(name);
      if (value && !value->is_missing()) {
        if (!store(name, *value)) return false;
      } else if (const auto* field = model::find_field(fields, name)) {
        model::set_field(new_fields, name, *field);
      } else {
        return fail(
            fmt::format("cannot keep field {}, field does not exist", expr::go::quote(name)));
      }
    }
  } else {
    if (keep_) new_fields = fields;
    for (const std::string& name : as_) {
      if (!keep_ && std::find(tags_.begin(), tags_.end(), name) != tags_.end()) continue;
      if (!store(name, *var(name))) return false;
    }
  }
  // The values in vars_ may borrow from the old fields and tags: replace those last.
  vars_.clear();
  fields = std::move(new_fields);
  if (!tags_.empty()) tags = std::move(new_tags);
  return true;
}

void EvalNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  if (!apply(point.fields, point.tags, point.time, group_states(message.group))) return;
  // Kapacitor recomputes the group id from the new tags under the same dimensions.
  const auto& dims = context_.interner.dimensions(message.group);
  const bool dimension_changed = std::any_of(tags_.begin(), tags_.end(), [&](const auto& t) {
    return std::find(dims.tag_names.begin(), dims.tag_names.end(), t) != dims.tag_names.end();
  });
  if (dimension_changed) message.group = context_.interner.intern(point, dims);
  emit_point(std::move(message));
}

void EvalNode::on_batch(model::Batch&& batch, int /*port*/) {
  auto& states = group_states(batch.group);
  std::erase_if(batch.points,
                [&](model::BatchPoint& p) { return !apply(p.fields, p.tags, p.time, states); });
  emit_batch(std::move(batch));
}

void EvalNode::save(runtime::StateWriter& out) const {
  out.u64(states_.size());
  states_.for_each([&](model::GroupKey group, const auto& states) {
    save_group(out, group);
    out.u64(states.size());
    for (const auto& state : states) save_expression_state(out, state);
  });
}

void EvalNode::restore(runtime::StateReader& in) {
  states_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    auto& states = states_[restore_group(in)];
    states.resize(in.u64());
    for (auto& state : states) restore_expression_state(in, state);
  }
}

}  // namespace farad::nodes
