#include "nodes/join.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "nodes/message_codec.hpp"
#include "nodes/time_quantise.hpp"

namespace farad::nodes {
namespace {

const std::string& name_of(const runtime::Message& message) {
  if (const auto* point = std::get_if<runtime::PointMessage>(&message)) return point->point.name;
  return std::get<model::Batch>(message).name;
}

std::vector<std::string> texts(const compile::NodeSpec& spec, std::string_view property) {
  std::vector<std::string> out;
  if (const auto settings = spec.all(property); !settings.empty()) {
    for (const auto& value : settings.back()->args) out.push_back(value.text);
  }
  return out;
}

JoinFill parse_fill(const compile::NodeSpec& spec) {
  JoinFill fill;
  const compile::Value* value = spec.property("fill");
  if (!value) return fill;
  switch (value->type) {
    case compile::ValueType::String:
      if (value->text == "null") {
        fill.kind = JoinFill::Kind::Null;
      } else if (value->text != "none") {
        throw std::runtime_error(
            fmt::format("{}: unexpected fill option {}", spec.name, value->text));
      }
      break;
    case compile::ValueType::Int:
      fill.kind = JoinFill::Kind::Number;
      fill.value = value->integer;
      break;
    case compile::ValueType::Float:
      fill.kind = JoinFill::Kind::Number;
      fill.value = value->number;
      break;
    default:
      break;
  }
  return fill;
}

}  // namespace

JoinNode::JoinNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context), parents_(spec.parents.size()), reported_(spec.parents.size(), false) {
  options_.prefixes = texts(spec, "as");
  options_.prefixes.resize(parents_);
  if (const auto* v = spec.property("delimiter")) options_.delimiter = v->text;
  if (const auto* v = spec.property("tolerance")) options_.tolerance = v->integer;
  options_.fill = parse_fill(spec);
  if (const auto* v = spec.property("streamName")) stream_name_ = v->text;
  if (const auto* v = spec.property("deleteAll")) delete_all_ = v->boolean;
  on_ = texts(spec, "on");
}

void JoinNode::on_point(runtime::PointMessage&& message, int port) {
  receive_data(runtime::Message(std::move(message)), static_cast<size_t>(port));
}

void JoinNode::on_batch(model::Batch&& batch, int port) {
  receive_data(runtime::Message(std::move(batch)), static_cast<size_t>(port));
}

void JoinNode::receive_data(runtime::Message&& message, size_t parent) {
  if (on_.empty()) {
    collect(std::move(message), parent);
  } else {
    match(std::move(message), parent);
  }
}

int64_t JoinNode::round(int64_t time) const {
  return go_round(time, options_.tolerance);
}

model::GroupKey JoinNode::group_of(const runtime::Message& message) const {
  if (const auto* point = std::get_if<runtime::PointMessage>(&message)) return point->group;
  return std::get<model::Batch>(message).group;
}

// Kapacitor's matchPoints: pairs messages grouped by the `on` tags only (match messages) with
// those grouped by more tags (specific messages) before they reach the join groups.
void JoinNode::match(runtime::Message&& message, size_t parent) {
  if (!all_reported_) {
    reported_[parent] = true;
    all_reported_ = std::all_of(reported_.begin(), reported_.end(), [](bool b) { return b; });
  }
  const int64_t t = round(message_time(message));
  const model::Dimensions& own = context_.interner.dimensions(group_of(message));
  const bool specific = own.tag_names.size() > on_.size();
  const auto* batch = std::get_if<model::Batch>(&message);
  const model::Tags& tags = batch ? batch->tags : context_.interner.tags(group_of(message));
  const model::GroupKey key =
      context_.interner.intern(name_of(message), tags, model::Dimensions{on_, own.by_name});

  auto& marks = low_marks_[key];
  if (marks.empty()) marks.assign(parents_, kNoTime);
  marks[parent] = t;
  // The oldest latest-time over the parents; Kapacitor skips unset marks except the last one.
  int64_t low = kNoTime;
  if (all_reported_) {
    for (int64_t mark : marks) {
      if (low == kNoTime || mark < low) low = mark;
    }
    // Specific messages older than every parent can no longer be matched: they go alone.
    if (auto* waiting = specifics_.find(key)) {
      size_t i = 0;
      for (; i < waiting->size() && round(message_time((*waiting)[i].message)) < low; ++i) {
        collect(std::move((*waiting)[i].message), (*waiting)[i].parent);
      }
      waiting->erase(waiting->begin(), waiting->begin() + static_cast<ptrdiff_t>(i));
    }
  }

  if (!specific) {
    Pending entry{parent, message};
    matches_[key].push_back(entry);
    if (auto* waiting = specifics_.find(key)) {
      size_t i = 0;
      for (; i < waiting->size() && round(message_time((*waiting)[i].message)) == t; ++i) {
        send_matched(std::move((*waiting)[i]), entry);
      }
      waiting->erase(waiting->begin(), waiting->begin() + static_cast<ptrdiff_t>(i));
    }
    return;
  }

  bool matched = false;
  if (auto* candidates = matches_.find(key)) {
    size_t i = 0;
    for (; i < candidates->size(); ++i) {
      const Pending& candidate = (*candidates)[i];
      const int64_t candidate_time = round(message_time(candidate.message));
      if (candidate_time == t) {
        send_matched(Pending{parent, message}, candidate);
        matched = true;
      }
      if (!(candidate_time < low)) break;
    }
    // The low mark means nothing until every parent has reported.
    if (all_reported_)
      candidates->erase(candidates->begin(), candidates->begin() + static_cast<ptrdiff_t>(i));
  }
  if (matched) return;
  if (all_reported_ && t < low) {
    collect(std::move(message), parent);
  } else {
    specifics_[key].push_back(Pending{parent, std::move(message)});
  }
}

// Kapacitor's sendMatchPoint: the match message takes the specific message's group tags and
// both go to the specific message's join group.
void JoinNode::send_matched(Pending&& specific, const Pending& matched) {
  const model::GroupKey target = group_of(specific.message);
  const model::Tags& tags = context_.interner.tags(target);
  runtime::Message copy = matched.message;
  if (auto* point = std::get_if<runtime::PointMessage>(&copy)) {
    const model::Dimensions& dims = context_.interner.dimensions(target);
    point->point.tags = tags;
    point->group = dims.by_name ? context_.interner.intern(point->point.name, tags, dims) : target;
  } else {
    auto& batch = std::get<model::Batch>(copy);
    model::Dimensions dims{{}, context_.interner.dimensions(batch.group).by_name};
    batch.tags = std::get<model::Batch>(specific.message).tags;
    for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
    batch.group = context_.interner.intern(batch.name, batch.tags, dims);
  }
  collect_in(group(target), specific.parent, std::move(specific.message));
  collect_in(group(target), matched.parent, std::move(copy));
}

void JoinNode::collect(runtime::Message&& message, size_t parent) {
  collect_in(group(group_of(message)), parent, std::move(message));
}

JoinNode::Group& JoinNode::group(model::GroupKey key) {
  Group& g = groups_[key];
  if (g.heads.empty()) g.heads.assign(parents_, kNoTime);
  return g;
}

void JoinNode::collect_in(Group& g, size_t parent, runtime::Message&& message) {
  const int64_t t = round(message_time(message));
  if (g.oldest == kNoTime || t < g.oldest) g.oldest = t;
  auto& queue = g.sets[t];
  auto it =
      std::find_if(queue.begin(), queue.end(), [&](const JoinSet& s) { return !s.has(parent); });
  if (it == queue.end()) it = queue.insert(queue.end(), JoinSet(t, stream_name_, parents_));
  it->set(parent, std::move(message));
  g.heads[parent] = t;
  emit_sets(g, only_ready_sets(g));
}

// A parent whose latest time has not passed the oldest set may still complete it.
bool JoinNode::only_ready_sets(const Group& g) const {
  return std::any_of(g.heads.begin(), g.heads.end(),
                     [&](int64_t head) { return head <= g.oldest; });
}

// Kapacitor's joinGroup.emit, its recursion unrolled: emits the oldest sets (only the complete
// ones unless every parent has moved past them) and, when incomplete sets may go, goes on with
// the next oldest time.
void JoinNode::emit_sets(Group& g, bool only_ready) {
  while (!g.sets.empty()) {
    // A barrier may have set `oldest` to a time without sets (Kapacitor would crash there).
    if (auto it = g.sets.find(g.oldest); it != g.sets.end()) {
      auto& queue = it->second;
      size_t i = 0;
      for (; i < queue.size() && (queue[i].ready() || !only_ready); ++i) emit_set(queue[i]);
      if (i == queue.size()) {
        g.sets.erase(it);
      } else {
        queue.erase(queue.begin(), queue.begin() + static_cast<ptrdiff_t>(i));
      }
    }
    g.oldest = g.sets.empty() ? kNoTime : g.sets.begin()->first;
    if (only_ready) return;
    only_ready = only_ready_sets(g);
  }
}

void JoinNode::emit_set(JoinSet& set) {
  const runtime::Message& first = *set.values[set.first];
  if (set.name.empty()) set.name = name_of(first);
  if (const auto* point = std::get_if<runtime::PointMessage>(&first)) {
    auto fields = join_point_fields(set, options_);
    if (!fields) return;
    runtime::PointMessage out;
    out.point.name = set.name;
    out.point.tags = context_.interner.tags(point->group);
    out.point.fields = std::move(*fields);
    out.point.time = set.time;
    const model::Dimensions& dims = context_.interner.dimensions(point->group);
    out.group =
        dims.by_name ? context_.interner.intern(set.name, out.point.tags, dims) : point->group;
    emit_point(std::move(out));
    return;
  }
  const auto& batch = std::get<model::Batch>(first);
  model::Batch out;
  out.name = set.name;
  out.tags = batch.tags;
  model::Dimensions dims{{}, context_.interner.dimensions(batch.group).by_name};
  for (const auto& tag : out.tags) dims.tag_names.push_back(tag.first);
  out.group = context_.interner.intern(out.name, out.tags, dims);
  out.time = set.time;
  out.points = join_batch_points(set, options_, out.tags);
  emit_batch(std::move(out));
}

void JoinNode::on_barrier(const runtime::BarrierMessage& barrier, int port) {
  Group& g = group(barrier.group);
  const int64_t t = round(barrier.time);
  if (g.oldest == kNoTime || t < g.oldest) g.oldest = t;
  g.heads[static_cast<size_t>(port)] = t;
  emit_sets(g, only_ready_sets(g));
  emit(runtime::Message(barrier));
}

void JoinNode::on_delete_group(const runtime::DeleteGroupMessage& message, int port) {
  groups_.erase(message.group);
  matches_.erase(message.group);
  specifics_.erase(message.group);
  if (delete_all_) {
    low_marks_.clear();
  } else if (auto* marks = low_marks_.find(message.group)) {
    (*marks)[static_cast<size_t>(port)] = kNoTime;
  }
  emit(runtime::Message(message));
}

void JoinNode::finish(bool /*flush*/) {
  // Kapacitor's Finish when the task stops: every open set goes, incomplete ones per fill.
  groups_.for_each([&](model::GroupKey, Group& g) {
    while (!g.sets.empty()) emit_sets(g, false);
  });
}

}  // namespace farad::nodes
