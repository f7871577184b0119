#pragma once
// Which tag and field keys of its input points a stream task can observe, so that the reader
// materialises only those (model::KeyProjection). The analysis is conservative: it knows what a
// few node types read and pass on, and any other node reachable from the input, a where
// lambda or a groupBy('*') makes every key (or every tag) observable.

#include "compile/task_spec.hpp"
#include "model/key_projection.hpp"

namespace farad::nodes {

/// The keys `spec`'s stream points can influence the output through; everything when unsure.
model::KeyProjection observed_keys(const compile::TaskSpec& spec);

}  // namespace farad::nodes
