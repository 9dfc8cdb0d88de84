#pragma once
// Memory buys speed (issue 11.3): AWS Lambda gives a function CPU in proportion to its memory,
// one vCPU at 1,769 MB (Conversion.h), up to about six at 10,240 MB. A function's run time and
// cold start are stated at one memory size (`runTimeAtMemoryMb`) together with the share of
// them that is CPU work (`cpuBoundShare`); at the configured memory the CPU-bound part takes
// stated vCPU / configured vCPU as long, the rest (waiting on calls) is unchanged:
//
//     time(memory) = time(stated) x (1 + share x (stated / memory - 1))
//
// which is Amdahl's law with the CPU-bound share as the part that speeds up: however much
// memory, the time never falls below (1 - share) of the stated one. Every figure of a function
// (analytic, simulation, latency, cost, warnings) reads its times through functionRunTimesMs,
// the one place where the parameters become times. See model/engine/FUNCTIONS.md "Memory".

#include "domain/Project.h"

namespace skyline {

/// The file key of the memory the run time is stated at.
inline constexpr const char *runTimeAtMemoryKey = "runTimeAtMemoryMb";

/// vCPU of an AWS Lambda function with `memoryMb` of memory: memory / 1,769 MB.
double lambdaVcpuShare(double memoryMb);

/// How much longer (above 1) or shorter (below 1) a run stated at `statedMemoryMb` takes at
/// `memoryMb` when `cpuBoundShare` of it is CPU work: 1 + share x (stated vCPU / vCPU - 1).
/// Exactly 1 when the two memories are equal (files without the field keep their figures).
double memoryRunTimeFactor(double memoryMb, double statedMemoryMb, double cpuBoundShare);

/// The memory a function's run time is stated at: its `runTimeAtMemoryMb`, or its own memory
/// when the parameter is absent (a file from before the field, a node built in code).
double statedMemoryMb(const Node &function);

struct FunctionRunTimesMs
{
    double run = 0;       ///< mean warm run time at the configured memory
    double coldStart = 0; ///< init time at the configured memory
};

/// A function's mean run time and cold start at its configured memory.
FunctionRunTimesMs functionRunTimesMs(const Node &function);

} // namespace skyline
