#pragma once
// Converting a function into a service and back: which parameters carry over and how
// (the conversion rules; the Document makes one undo step of it).

#include "domain/Project.h"

namespace skyline {

/// AWS Lambda gives a function one vCPU per 1,769 MB of memory.
inline constexpr double lambdaMbPerVcpu = 1769.0;

/// Workers per replica when the work never uses the CPU (cpuBoundShare 0): the service default.
inline constexpr double defaultIoBoundWorkers = 8.0;

/// Busy workers one replica's vCPUs can run when each spends `cpuBoundShare` of its run time
/// on the CPU: vCPU / share, whole, at least one (a service converted from a function gets
/// as many workers per replica).
double workersPerReplica(double vcpu, double cpuBoundShare);

/// Only functions and services convert.
bool canConvert(NodeKind kind);
/// The node as the other kind (same id, name, place, context), with the parameters that have
/// a counterpart carried over: run time and its variability, CPU-bound share, memory,
/// architecture, runtime, capacity. A service gets vCPU from the memory (1,769 MB per vCPU,
/// in quarter vCPUs) and as many workers per replica as those vCPUs run for the work's
/// CPU-bound share.
Node convertedNode(const Node &node);

} // namespace skyline
