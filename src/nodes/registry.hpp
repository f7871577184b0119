#pragma once
// The one place that maps catalogue node types to runtime node classes.

#include "runtime/task.hpp"

namespace farad::nodes {

/// Creates the runtime node for a spec; throws std::runtime_error naming the node when farad
/// cannot run that node type yet.
std::unique_ptr<runtime::Node> create_node(const compile::NodeSpec& spec,
                                           runtime::TaskContext& context);

/// The factory to give runtime::Task.
runtime::NodeFactory node_factory();

}  // namespace farad::nodes
