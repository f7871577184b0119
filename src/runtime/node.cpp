#include "runtime/node.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace farad::runtime {

uint64_t NodeStats::counter(std::string_view name) const {
  for (const auto& [key, value] : counters) {
    if (key == name) return value;
  }
  return 0;
}

Node::Node(const compile::NodeSpec& spec, TaskContext& context) : context_(context), spec_(spec) {}

namespace {

// Execution timing. Clock reads on every message would cost more than many nodes' work, so
// one message in kSampleEvery entering a task is timed, through every node it reaches (the
// DAG runs synchronously inside receive()); a node's own time is its receive() minus the
// timed receives nested in it, as Kapacitor times a node without its children.
constexpr uint64_t kSampleEvery = 64;
thread_local int timed_depth = 0;        // > 0 inside a timed receive
thread_local int64_t nested_ns = 0;      // time of the timed receives inside the current one
thread_local uint64_t entries_seen = 0;  // messages entering tasks on this thread

int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int64_t Node::avg_exec_time_ns() const {
  return exec_samples_ == 0 ? 0 : exec_ns_ / static_cast<int64_t>(exec_samples_);
}

template <typename Deliver>
void Node::timed(Deliver&& deliver) {
  if (!context_.time_nodes) return deliver();
  if (timed_depth > 0 || entries_seen++ % kSampleEvery == 0) {
    const int64_t outer_nested = nested_ns;
    nested_ns = 0;
    ++timed_depth;
    const int64_t start = steady_ns();
    deliver();
    const int64_t total = steady_ns() - start;
    --timed_depth;
    exec_ns_ += std::max<int64_t>(0, total - nested_ns);
    ++exec_samples_;
    nested_ns = outer_nested + total;
    return;
  }
  deliver();
}

void Node::receive(Message&& message, int port) {
  if (message.index() > 1) return deliver(std::move(message), port);
  timed([&] { deliver(std::move(message), port); });
}

void Node::receive_compact(model::CompactPoint& point, int port) {
  timed([&] {
    ++stats_.processed;
    on_compact(point, port);
  });
}

void Node::on_compact(model::CompactPoint& point, int port) {
  on_point(PointMessage{context_.materialise(point), point.group}, port);
}

void Node::deliver(Message&& message, int port) {
  switch (message.index()) {
    case 0:
      ++stats_.processed;
      on_point(std::get<PointMessage>(std::move(message)), port);
      break;
    case 1:
      ++stats_.processed;
      on_batch(std::get<model::Batch>(std::move(message)), port);
      break;
    case 2:
      on_barrier(std::get<BarrierMessage>(message), port);
      break;
    case 3:
      on_delete_group(std::get<DeleteGroupMessage>(message), port);
      break;
  }
}

void Node::finish(bool /*flush*/) {}

void Node::save(StateWriter& /*out*/) const {}

void Node::restore(StateReader& /*in*/) {}

void Node::on_point(PointMessage&& /*message*/, int /*port*/) {
  error(fmt::format("{} does not accept stream data", spec_.type));
}

void Node::on_batch(model::Batch&& /*batch*/, int /*port*/) {
  error(fmt::format("{} does not accept batch data", spec_.type));
}

void Node::on_barrier(const BarrierMessage& barrier, int /*port*/) {
  emit(Message(barrier));
}

void Node::on_delete_group(const DeleteGroupMessage& message, int /*port*/) {
  forget_group(message.group);
  emit(Message(message));
}

std::vector<std::pair<model::GroupKey, uint64_t>> Node::emitted_by_group() const {
  std::vector<std::pair<model::GroupKey, uint64_t>> out;
  for (size_t i = 0; i < emitted_by_group_.size(); ++i) {
    if (emitted_by_group_[i] > 0) {
      out.emplace_back(model::GroupKey::from_index(static_cast<uint32_t>(i)), emitted_by_group_[i]);
    }
  }
  return out;
}

void Node::save_counters(StateWriter& out) const {
  out.u64(stats_.processed);
  out.u64(stats_.emitted);
  out.u64(stats_.errors);
  out.u64(stats_.counters.size());
  for (const auto& [key, value] : stats_.counters) {
    out.string(key);
    out.u64(value);
  }
  const auto groups = emitted_by_group();
  out.u64(groups.size());
  for (const auto& [group, count] : groups) {
    save_group(out, group);
    out.u64(count);
  }
}

void Node::restore_counters(StateReader& in) {
  stats_.processed = in.u64();
  stats_.emitted = in.u64();
  stats_.errors = in.u64();
  stats_.counters.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    std::string key = in.string();
    stats_.counters.emplace_back(std::move(key), in.u64());
  }
  emitted_by_group_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    const model::GroupKey group = restore_group(in);
    if (group.index() >= emitted_by_group_.size()) emitted_by_group_.resize(group.index() + 1);
    emitted_by_group_[group.index()] = in.u64();
  }
}

void Node::count_emitted(model::GroupKey group) {
  ++stats_.emitted;
  if (group.index() >= emitted_by_group_.size()) emitted_by_group_.resize(group.index() + 1);
  ++emitted_by_group_[group.index()];
}

void Node::emit_compact(model::CompactPoint& point) {
  if (children_.empty()) return;
  count_emitted(point.group);
  // Every child but the last gets a copy; the last may change the point itself.
  for (size_t i = 0; i < children_.size(); ++i) {
    Node& child = *children_[i].node;
    const int port = children_[i].port;
    if (!children_[i].compact) {
      child.receive(Message(PointMessage{context_.materialise(point), point.group}), port);
    } else if (i + 1 < children_.size()) {
      model::CompactPoint copy = point;
      child.receive_compact(copy, port);
    } else {
      child.receive_compact(point, port);
    }
  }
}

void Node::emit(Message&& message) {
  if (children_.empty()) return;
  if (message.index() <= 1) {
    count_emitted(message.index() == 0 ? std::get<0>(message).group : std::get<1>(message).group);
  }
  // Every child but the last gets a copy; the last takes the message itself.
  for (size_t i = 0; i + 1 < children_.size(); ++i) {
    Message copy = message;
    children_[i].node->receive(std::move(copy), children_[i].port);
  }
  children_.back().node->receive(std::move(message), children_.back().port);
}

void Node::error(std::string_view text) {
  ++stats_.errors;
  log("E", text);
}

void Node::count(std::string_view name, uint64_t n) {
  // A handful of counters per node: a linear scan beats a map and keeps the order stable.
  for (auto& [key, value] : stats_.counters) {
    if (key == name) {
      value += n;
      return;
    }
  }
  stats_.counters.emplace_back(std::string(name), n);
}

void Node::log(std::string_view level, std::string_view text) {
  if (context_.log) context_.log(spec_.name, level, text);
}

void Node::save_group(StateWriter& out, model::GroupKey group) const {
  const auto& dims = context_.interner.dimensions(group);
  out.boolean(dims.by_name);
  out.u64(dims.tag_names.size());
  for (const auto& name : dims.tag_names) out.string(name);
  // The interner keeps no name; a group by measurement starts its id with it.
  const std::string& id = context_.interner.id(group);
  out.string(dims.by_name ? id.substr(0, id.find('\n')) : std::string());
  out.tags(context_.interner.tags(group));
}

model::GroupKey Node::restore_group(StateReader& in) {
  model::Dimensions dims;
  dims.by_name = in.boolean();
  dims.tag_names.resize(in.u64());
  for (auto& name : dims.tag_names) name = in.string();
  const std::string name = in.string();
  const model::Tags tags = in.tags();
  return context_.interner.intern(name, tags, dims);
}

}  // namespace farad::runtime
