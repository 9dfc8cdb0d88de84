#pragma once
// The rules a project's values must keep, written once: the file reader reports them with the
// JSON pointer of the place, the Document refuses an edit that breaks one with a sentence
// naming the field. Ranges and labels come from the parameter schema (ParamSchema.h).

#include "domain/Project.h"

#include <string>
#include <vector>

namespace skyline {

/// One broken rule of one entity.
struct FieldProblem
{
    std::vector<std::string> path; ///< the field inside the entity, e.g. {"params", "maxReplicas"}
    std::string label;             ///< the field's label, e.g. "Max replicas"; empty for a rule
                                   ///< about the entity as a whole
    std::string message;           ///< e.g. "must be at least Min replicas (30 replicas)"
    bool operator==(const FieldProblem &) const = default;
};

/// What the studio shows: "Max replicas must be at least Min replicas (30 replicas)."
std::string sentence(const FieldProblem &problem);

/// Two parameters of one node kind where `low` must not exceed `high` (min <= max replicas).
struct ParamOrder
{
    NodeKind kind;
    std::string low;
    std::string high;
    bool reportAtHigh; ///< which field a broken rule names (the one a reader would fix)
};
const std::vector<ParamOrder> &paramOrders();

/// Every parameter within its schema range, and the orders between parameters.
std::vector<FieldProblem> checkNode(const Node &node);
/// Calls per request and latency within their schema ranges.
std::vector<FieldProblem> checkEdge(const Edge &edge);
/// Every parameter within its range, office hours that close after they open, a trace with
/// at least one point.
std::vector<FieldProblem> checkWorkload(const Workload &workload);
/// The ends of an edge: both exist (nullptr when not), differ, and the target is no client.
std::vector<FieldProblem> checkEdgeEnds(const Edge &edge, const Node *from, const Node *to);

} // namespace skyline
