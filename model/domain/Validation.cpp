#include "domain/Validation.h"

#include "domain/NumberText.h"
#include "domain/ParamSchema.h"


namespace skyline {

namespace {

std::string withUnit(double value, const std::string &unit)
{
    return unit.empty() ? numberText(value) : numberText(value) + ' ' + unit;
}

/// The range and type of each value present, by its spec.
void checkParams(const ParamMap &params, const std::vector<ParamSpec> &specs,
                 const std::string &parent, std::vector<FieldProblem> &out)
{
    for (const ParamSpec &spec : specs) {
        const auto it = params.find(spec.key);
        if (it == params.end())
            continue;
        std::string why = checkParamValue(spec, it->second);
        if (why.empty())
            continue;
        std::vector<std::string> path{spec.key};
        if (!parent.empty())
            path.insert(path.begin(), parent);
        out.push_back({std::move(path), spec.label, std::move(why)});
    }
}

/// Each range of `ranges`: a rangeable parameter of `specs`, its ends allowed values of the
/// parameter around its value (`valueOf`). Reported at parent…/ranges/key.
template <typename ValueOf>
void checkRanges(const RangeMap &ranges, const std::vector<ParamSpec> &specs,
                 const std::vector<std::string> &parent, ValueOf valueOf,
                 std::vector<FieldProblem> &out)
{
    for (const auto &[key, range] : ranges) {
        std::vector<std::string> path = parent;
        path.push_back("ranges");
        path.push_back(key);
        const ParamSpec *spec = nullptr;
        for (const ParamSpec &s : specs)
            if (s.key == key)
                spec = &s;
        if (!spec) {
            out.push_back({std::move(path), {}, "'" + key + "' is not a parameter here"});
            continue;
        }
        std::string why = checkParamRange(*spec, valueOf(key), range);
        if (!why.empty())
            out.push_back({std::move(path), spec->label + " range", std::move(why)});
    }
}

} // namespace

std::string sentence(const FieldProblem &problem)
{
    std::string out = problem.label.empty() ? problem.message
                                            : problem.label + " " + problem.message;
    if (!out.empty() && out.front() >= 'a' && out.front() <= 'z')
        out.front() = char(out.front() - 'a' + 'A');
    return out + ".";
}

const std::vector<ParamOrder> &paramOrders()
{
    static const std::vector<ParamOrder> orders = {
        {NodeKind::Service, "minReplicas", "maxReplicas", true},
        {NodeKind::Function, "provisionedConcurrency", "concurrencyLimit", false},
    };
    return orders;
}

std::vector<FieldProblem> checkNode(const Node &node)
{
    std::vector<FieldProblem> out;
    checkParams(node.params, nodeParamSpecs(node.kind), "params", out);
    checkRanges(node.ranges, nodeParamSpecs(node.kind), {"params"},
                [&](const std::string &key) { return node.number(key); }, out);
    if (!out.empty())
        return out; // an order between values out of range says nothing new
    for (const ParamOrder &order : paramOrders()) {
        if (order.kind != node.kind || node.number(order.low) <= node.number(order.high))
            continue;
        const ParamSpec &low = *findNodeParamSpec(node.kind, order.low);
        const ParamSpec &high = *findNodeParamSpec(node.kind, order.high);
        if (order.reportAtHigh)
            out.push_back({{"params", high.key}, high.label,
                           "must be at least " + low.label + " (" +
                               withUnit(node.number(low.key), low.unit) + ")"});
        else
            out.push_back({{"params", low.key}, low.label,
                           "must not exceed " + high.label + " (" +
                               withUnit(node.number(high.key), high.unit) + ")"});
    }
    return out;
}

std::vector<FieldProblem> checkEdge(const Edge &edge)
{
    std::vector<FieldProblem> out;
    checkParams({{"perRequest", edge.perRequest}, {"latencyMs", edge.latencyMs}}, edgeFieldSpecs(),
                {}, out);
    checkRanges(edge.ranges, edgeFieldSpecs(), {},
                [&](const std::string &key) { return edge.number(key); }, out);
    return out;
}

std::vector<FieldProblem> checkWorkload(const Workload &workload)
{
    std::vector<FieldProblem> out;
    const auto &specs = workloadParamSpecs(workload.shape);
    checkParams(workload.params, specs, {}, out);
    checkRanges(workload.ranges, specs, {},
                [&](const std::string &key) { return workload.number(key); }, out);
    if (!out.empty())
        return out;
    if (workload.shape == WorkloadShape::BusinessHours &&
        workload.number("startHour") >= workload.number("endHour")) {
        const ParamSpec &start = *findWorkloadParamSpec(workload.shape, "startHour");
        const ParamSpec &end = *findWorkloadParamSpec(workload.shape, "endHour");
        out.push_back({{end.key}, end.label,
                       "must be later than " + start.label + " (" +
                           withUnit(workload.number(start.key), start.unit) + ")"});
    }
    if (workload.shape == WorkloadShape::Trace && workload.points.empty())
        out.push_back({{"points"}, {}, "a trace needs at least one point"});
    return out;
}

std::vector<FieldProblem> checkEdgeEnds(const Edge &edge, const Node *from, const Node *to)
{
    std::vector<FieldProblem> out;
    if (!from)
        out.push_back({{"from"}, {}, "refers to node '" + edge.from + "', which does not exist"});
    if (!to)
        out.push_back({{"to"}, {}, "refers to node '" + edge.to + "', which does not exist"});
    if (edge.from == edge.to && !edge.from.empty())
        out.push_back({{"to"}, {}, "an edge cannot connect a node to itself"});
    if (to && to->kind == NodeKind::Client)
        out.push_back({{"to"}, {}, "a client cannot receive calls"});
    return out;
}

} // namespace skyline
