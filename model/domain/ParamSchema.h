#pragma once
// The schema of every parameter (DESIGN.md §4): its type, unit, valid range, default and a
// one-line explanation. Validation, the property panel and the engine all read it, so a range
// or a default is written in exactly one place.

#include "domain/Project.h"

#include <string>
#include <vector>

namespace skyline {

enum class ParamType { Number, Integer, Flag, Choice, Text };

struct ParamSpec
{
    std::string key;        ///< file key, e.g. "memoryMb"
    std::string label;      ///< English label, e.g. "Memory"
    ParamType type = ParamType::Number;
    std::string unit;       ///< e.g. "MB", "ms", "req/s"; empty when unitless
    double minimum = 0;     ///< inclusive (Number, Integer)
    double maximum = 0;     ///< inclusive (Number, Integer)
    ParamValue defaultValue;
    std::vector<std::string> choices; ///< Choice: the allowed strings (first is not special)
    std::string help;       ///< one sentence for the tooltip
};

/// Parameters of a node kind, in the order the file writes them and the panel shows them.
const std::vector<ParamSpec> &nodeParamSpecs(NodeKind kind);
/// Parameters of a workload shape (trace points are not parameters).
const std::vector<ParamSpec> &workloadParamSpecs(WorkloadShape shape);
/// The spec of one key, or nullptr when the kind has no such parameter.
const ParamSpec *findNodeParamSpec(NodeKind kind, const std::string &key);
const ParamSpec *findWorkloadParamSpec(WorkloadShape shape, const std::string &key);

/// Whether a parameter can carry a range: a number or whole number that is a quantity (a
/// workload's spike `seed` places spikes and a function's `runTimeAtMemoryMb` says where its
/// run time was measured; they have no "around").
bool isRangeable(const ParamSpec &spec);

/// Empty when `range` is acceptable around `value` for the spec, else a sentence saying why
/// not: the parameter is not numeric, low or high is not a finite number, outside the
/// parameter's allowed values ("low must be between 0 and 10000 ms"), or low > value > high.
std::string checkParamRange(const ParamSpec &spec, double value, const ParamRange &range);

/// Empty when the value is acceptable for the spec, else a sentence saying why not
/// ("must be between 128 and 10,240 MB").
std::string checkParamValue(const ParamSpec &spec, const ParamValue &value);

/// Ranges of edge fields.
inline constexpr double maxPerRequest = 1000.0;
inline constexpr double maxEdgeLatencyMs = 60000.0;
/// The numeric fields of an edge, "perRequest" and "latencyMs" (the file writes them beside
/// the edge's ends, not under "params"): labels and ranges for validation messages.
const std::vector<ParamSpec> &edgeFieldSpecs();
const ParamSpec *findEdgeFieldSpec(const std::string &key);
/// The numeric fields of the project's "pricing" object ("hoursPerMonth"): the file reader,
/// the property panel and docs/file-format.md share their ranges.
const std::vector<ParamSpec> &pricingFieldSpecs();
const ParamSpec *findPricingFieldSpec(const std::string &key);

} // namespace skyline
