#pragma once
// Converting a function into a service and back: which parameters carry over and how
// (the conversion rules; the Document makes one undo step of it).

#include "domain/Project.h"

namespace skyline {

/// AWS Lambda gives a function one vCPU per 1,769 MB of memory.
inline constexpr double lambdaMbPerVcpu = 1769.0;

/// Only functions and services convert.
bool canConvert(NodeKind kind);
/// The node as the other kind (same id, name, place, context), with the parameters that have
/// a counterpart carried over: run time and its variability, memory, architecture, runtime,
/// capacity.
Node convertedNode(const Node &node);

} // namespace skyline
