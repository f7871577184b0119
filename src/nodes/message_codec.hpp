#pragma once
// Checkpoint encoding of whole messages, for the nodes that buffer them (join, union). Group
// keys go through the node's save_group/restore_group, passed in as callables, so they are
// written by identity and not by interner index.

#include <cstdint>
#include <stdexcept>
#include <utility>
#include <variant>

#include "runtime/message.hpp"
#include "runtime/state_codec.hpp"

namespace farad::nodes {

/// The data time of a message: point time, batch tmax, barrier time (0 for a group deletion).
inline int64_t message_time(const runtime::Message& message) {
  switch (message.index()) {
    case 0:
      return std::get<runtime::PointMessage>(message).point.time;
    case 1:
      return std::get<model::Batch>(message).time;
    case 2:
      return std::get<runtime::BarrierMessage>(message).time;
    default:
      return 0;
  }
}

/// Writes `message`; `save_group(GroupKey)` writes a group key.
template <typename SaveGroup>
void save_message(runtime::StateWriter& out, const runtime::Message& message,
                  SaveGroup&& save_group) {
  out.u64(message.index());
  switch (message.index()) {
    case 0: {
      const auto& m = std::get<runtime::PointMessage>(message);
      out.point(m.point);
      save_group(m.group);
      break;
    }
    case 1: {
      const auto& b = std::get<model::Batch>(message);
      out.string(b.name);
      save_group(b.group);
      out.tags(b.tags);
      out.i64(b.time);
      out.u64(b.points.size());
      for (const auto& p : b.points) out.batch_point(p);
      break;
    }
    case 2: {
      const auto& m = std::get<runtime::BarrierMessage>(message);
      save_group(m.group);
      out.i64(m.time);
      break;
    }
    default:
      save_group(std::get<runtime::DeleteGroupMessage>(message).group);
      break;
  }
}

/// Reads a message written by save_message; `restore_group()` reads a group key.
template <typename RestoreGroup>
runtime::Message restore_message(runtime::StateReader& in, RestoreGroup&& restore_group) {
  switch (in.u64()) {
    case 0: {
      runtime::PointMessage m;
      m.point = in.point();
      m.group = restore_group();
      return runtime::Message(std::move(m));
    }
    case 1: {
      model::Batch b;
      b.name = in.string();
      b.group = restore_group();
      b.tags = in.tags();
      b.time = in.i64();
      b.points.resize(in.u64());
      for (auto& p : b.points) p = in.batch_point();
      return runtime::Message(std::move(b));
    }
    case 2: {
      runtime::BarrierMessage m;
      m.group = restore_group();
      m.time = in.i64();
      return runtime::Message(m);
    }
    case 3:
      return runtime::Message(runtime::DeleteGroupMessage{restore_group()});
    default:
      throw runtime::StateError("unknown message kind in state");
  }
}

}  // namespace farad::nodes
