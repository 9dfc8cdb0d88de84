#pragma once
// The layered layout of an imported candidate: entry points (clients) on the left, then
// gateways, functions and services by call depth (a queue that feeds a consumer sits between
// its publisher and the consumer), the other queues, and datastores on the right. Each
// bounded context gets a horizontal band of its own, so its box holds its nodes and nothing
// else; a layer taller than the rest wraps into several columns.

#include "domain/Project.h"

namespace skyline::importing {

/// The drawn size of a node (widgets/canvas/NodeItem: widthPx x heightPx around its position,
/// plus the badge strip below it); the model has no Qt, so the figures are repeated here.
inline constexpr double nodeWidthPx = 150;
inline constexpr double nodeHeightPx = 56;
inline constexpr double nodeBadgePx = 20;
/// Room above the first row of a context box for its name tag (ContextItem's label).
inline constexpr double contextLabelPx = 34;
inline constexpr double contextMarginPx = 20;

/// Sets every node's position and every context's rect. Node.context decides box membership;
/// a client sits in the band of the node it calls but outside every box.
void layOut(Candidate &candidate);

} // namespace skyline::importing
