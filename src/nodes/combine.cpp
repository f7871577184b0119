#include "nodes/combine.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/evaluate.hpp"
#include "nodes/go_time.hpp"
#include "nodes/point_scope.hpp"
#include "nodes/time_quantise.hpp"

namespace farad::nodes {
namespace {

// n choose k as Kapacitor counts it (int64 arithmetic that wraps like Go's); -1 when n < k.
int64_t combinations(int64_t n, int64_t k) {
  if (n < k) return -1;
  int64_t count = 1;
  for (int64_t i = 0; i < k; ++i) {
    const auto product = static_cast<uint64_t>(count) * static_cast<uint64_t>(n - i);
    count = static_cast<int64_t>(product) / (i + 1);
  }
  return count;
}

}  // namespace

CombineNode::CombineNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  for (size_t i = 0; i < spec.args.size(); ++i) {
    expressions_.push_back(
        compile_lambda(*spec.args[i].lambda, fmt::format("Failed to compile {} expression", i)));
  }
  if (const auto settings = spec.all("as"); !settings.empty()) {
    for (const auto& name : settings.back()->args) names_.push_back(name.text);
  }
  names_.resize(expressions_.size());
  if (const auto* v = spec.property("delimiter")) delimiter_ = v->text;
  if (const auto* v = spec.property("tolerance")) tolerance_ = v->integer;
  if (const auto* v = spec.property("max")) max_ = v->integer;
}

// Kapacitor's NewGroup: the group keeps the name and the (unrounded) time of its first message.
CombineNode::Group& CombineNode::group(model::GroupKey key, std::string_view name, int64_t time) {
  if (Group* found = groups_.find(key)) return *found;
  Group& g = groups_[key];
  g.time = time;
  g.name = name;
  g.states.resize(expressions_.size());
  return g;
}

void CombineNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& p = message.point;
  Group& g = group(message.group, p.name, p.time);
  add(g, message.group, model::BatchPoint{std::move(p.fields), std::move(p.tags), p.time});
}

void CombineNode::on_batch(model::Batch&& batch, int /*port*/) {
  Group& g = group(batch.group, batch.name, batch.time);
  g.name = batch.name;
  g.time = kNoTime;
  for (auto& point : batch.points) add(g, batch.group, std::move(point));
  combine(g, batch.group);
  g.points.clear();
}

void CombineNode::add(Group& g, model::GroupKey key, model::BatchPoint&& point) {
  point.time = go_round(point.time, tolerance_);
  if (point.time != g.time) {
    combine(g, key);
    g.points.clear();
    g.time = point.time;
  }
  g.points.push_back(std::move(point));
}

void CombineNode::combine(Group& g, model::GroupKey key) {
  const size_t n = g.points.size();
  const size_t k = expressions_.size();
  if (n == 0 || k == 0) return;

  // matches[lambda][point], every lambda evaluated on every point in point order.
  std::vector<std::vector<bool>> matches(k, std::vector<bool>(n, false));
  for (size_t p = 0; p < n; ++p) {
    const PointScope scope(g.points[p].fields, g.points[p].tags, g.points[p].time);
    for (size_t i = 0; i < k; ++i) {
      const expr::Evaluation result = expr::evaluate_predicate(expressions_[i], scope, g.states[i]);
      if (!result.ok()) {
        error(fmt::format("error evaluating lambda expression: {}", result.error));
        continue;
      }
      matches[i][p] = result.value.as_bool();
    }
  }

  const int64_t count = combinations(static_cast<int64_t>(n), static_cast<int64_t>(k));
  if (count == -1) return;
  if (count > max_) {
    error(fmt::format(
        "refusing to perform combination as total combinations {} exceeds max combinations {}",
        count, max_));
    return;
  }

  std::vector<size_t> indices(k);
  for (size_t i = 0; i < k; ++i) indices[i] = i;
  std::vector<const model::BatchPoint*> set(k, nullptr);
  while (true) {
    // Each lambda takes the first point of the combination it matches that is still free.
    std::vector<size_t> free = indices;
    bool valid = true;
    for (size_t s = 0; s < k && valid; ++s) {
      auto it = std::find_if(free.begin(), free.end(), [&](size_t p) { return matches[s][p]; });
      if (it == free.end()) {
        valid = false;
        break;
      }
      set[s] = &g.points[*it];
      free.erase(it);
    }
    if (valid) emit_combination(g, key, set);

    // The next k-subset in lexicographic order.
    size_t i = k;
    while (i > 0 && indices[i - 1] == i - 1 + n - k) --i;
    if (i == 0) return;
    ++indices[i - 1];
    for (size_t j = i; j < k; ++j) indices[j] = indices[j - 1] + 1;
  }
}

void CombineNode::emit_combination(const Group& g, model::GroupKey key,
                                   const std::vector<const model::BatchPoint*>& set) {
  const auto& dims = context_.interner.dimensions(key).tag_names;
  runtime::PointMessage out;
  out.group = key;
  out.point.name = g.name;
  for (size_t i = 0; i < set.size(); ++i) {
    for (const auto& [name, value] : set[i]->fields) {
      model::set_field(out.point.fields, names_[i] + delimiter_ + name, value);
    }
    for (const auto& [name, value] : set[i]->tags) {
      const bool group_tag = std::find(dims.begin(), dims.end(), name) != dims.end();
      model::set_tag(out.point.tags, group_tag ? name : names_[i] + delimiter_ + name, value);
    }
  }
  out.point.time = go_round(set.front()->time, tolerance_);
  emit_point(std::move(out));
}

void CombineNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  // Kapacitor's grouped consumer creates the group on a barrier too (named "barrier").
  group(barrier.group, "barrier", barrier.time);
  emit(runtime::Message(barrier));
}

void CombineNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Kapacitor forwards the deletion only from a group that exists.
  if (!groups_.find(message.group)) return;
  groups_.erase(message.group);
  emit(runtime::Message(message));
}

void CombineNode::finish(bool flush) {
  if (!flush) return;
  groups_.for_each([&](model::GroupKey key, Group& g) {
    combine(g, key);
    g.points.clear();
  });
}

void CombineNode::save(runtime::StateWriter& out) const {
  out.u64(groups_.size());
  groups_.for_each([&](model::GroupKey key, const Group& g) {
    save_group(out, key);
    out.i64(g.time);
    out.string(g.name);
    out.u64(g.points.size());
    for (const auto& point : g.points) out.batch_point(point);
    for (const auto& state : g.states) save_expression_state(out, state);
  });
}

void CombineNode::restore(runtime::StateReader& in) {
  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    Group& g = groups_[restore_group(in)];
    g.time = in.i64();
    g.name = in.string();
    g.points.resize(in.u64());
    for (auto& point : g.points) point = in.batch_point();
    g.states.resize(expressions_.size());
    for (auto& state : g.states) restore_expression_state(in, state);
  }
}

}  // namespace farad::nodes
