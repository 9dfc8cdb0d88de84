#pragma once
// The memory sweep of issue 11.3: one function of one candidate evaluated at the memory sizes
// of AWS Lambda from 128 MB to 10,240 MB, its run time scaling with the vCPU share
// (domain/FunctionMemory.h), with the function's cost per million requests and p99 and the
// candidate's monthly cost and p99 at each; the cheapest size and the fastest size within 10 %
// of the cheapest cost ("balanced", as AWS Lambda Power Tuning calls it) are marked. What AWS's
// power-tuning tool measures on a deployed function, estimated before anything is deployed.
// Plain C++, no Qt.

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <string>
#include <vector>

namespace skyline {

struct VariantRun;

/// 128, 256, 512, 1,024, 1,536, 1,769 (one vCPU), 2,048, 3,008, 4,096, 6,144, 8,192 and
/// 10,240 MB: the sizes power-tuning runs usually try, plus the one-vCPU point.
const std::vector<double> &memorySweepSizesMb();

/// A balanced size may cost this much more than the cheapest (10 %).
inline constexpr double balancedCostTolerance = 0.10;

struct MemorySweepPoint
{
    double memoryMb = 0;
    double vcpu = 0;                   ///< memory / 1,769 MB
    double runTimeMs = 0;              ///< the function's mean warm run time at this memory
    double functionCostPerMillionUsd = 0; ///< the function's monthly cost per million of its
                                          ///< requests (NaN when it gets none)
    double functionP99Ms = 0;          ///< the function's own p99 (+inf when it fails beyond 1 %)
    double monthlyCostUsd = 0;         ///< the candidate's
    double p99Ms = 0;                  ///< the candidate's worst entry p99 at the busiest hour
};

struct MemorySweep
{
    std::string candidateId;
    std::string candidateName;
    std::string nodeId;
    std::string nodeName;
    double memoryMb = 0;          ///< the function's configured memory
    double statedMemoryMb = 0;    ///< the memory its run time is stated at
    double cpuBoundShare = 0;
    EvalMethod method = EvalMethod::Analytic;
    double trafficMultiplier = 1.0; ///< EvalOptions::trafficMultiplier it was made at
    std::vector<MemorySweepPoint> points; ///< one per size, in memorySweepSizesMb order
    /// Index of the lowest functionCostPerMillionUsd among the sizes that serve their
    /// requests (finite cost and p99); -1 when none does (no requests, or every size fails).
    int cheapest = -1;
    int balanced = -1; ///< the lowest functionP99Ms within 10 % of the cheapest cost
    /// No size is marked because every size that gets requests fails beyond 1 % of them.
    bool everySizeFails() const;
    std::string error; ///< non-empty: nothing was swept, and why (names the node or candidate)
    bool ok() const { return error.empty(); }
};

/// Where a memory sweep of `nodeId` runs: the candidate `candidateId`, or (empty) the first
/// candidate holding a node with that id. Empty `error` when it is a function there.
struct MemorySweepTarget
{
    const Candidate *candidate = nullptr;
    const Node *node = nullptr;
    std::string error;
};
MemorySweepTarget findMemorySweepTarget(const Project &project, const std::string &nodeId,
                                        const std::string &candidateId = {});

/// Evaluates the candidate once per size in `sizesMb` with the function's memoryMb set to it
/// and its stated memory kept (series are not computed; method and seed are kept, the
/// simulation's time budget is shared by the sizes), the sizes in parallel as `run` says
/// (engine/VariantEvaluation.h). A cancelled run gives `error` "cancelled".
MemorySweep memorySweep(const Project &project, const std::string &nodeId,
                        const std::string &candidateId, const std::vector<double> &sizesMb,
                        const EvalOptions &options, const VariantRun &run);
/// The same over memorySweepSizesMb() on every core.
MemorySweep memorySweep(const Project &project, const std::string &nodeId,
                        const std::string &candidateId = {}, const EvalOptions &options = {});

/// Marks the cheapest and balanced points of `sweep` (memorySweep does it).
void markCheapestAndBalanced(MemorySweep &sweep);

/// {"method", "trafficMultiplier", "candidate": {"id", "name"}, "node": {"id", "name",
/// "memoryMb", "runTimeAtMemoryMb", "cpuBoundShare"}, "sizes": [{"memoryMb", "vcpu", "runTimeMs",
/// "functionCostPerMillionUsd", "functionP99Ms", "monthlyCostUsd", "p99Ms"}], "cheapestMemoryMb",
/// "balancedMemoryMb"}; figures that are not finite are null.
OrderedJson memorySweepToJson(const MemorySweep &sweep);
std::string memorySweepToJsonText(const MemorySweep &sweep);
/// One row per size: memoryMb,vcpu,runTimeMs,functionCostPerMillionUsd,functionP99Ms,
/// monthlyCostUsd,p99Ms,mark (cheapest, balanced, "cheapest balanced" or empty),method.
std::string memorySweepCsv(const MemorySweep &sweep);

} // namespace skyline
