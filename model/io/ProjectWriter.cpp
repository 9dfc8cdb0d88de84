#include "io/ProjectJson.h"

#include "domain/FunctionMemory.h"
#include "domain/ParamSchema.h"

namespace skyline {

// Writing a project: the one serializer for files, the clipboard and undo snapshots.

namespace {

OrderedJson paramToJson(const ParamValue &value)
{
    if (const double *d = std::get_if<double>(&value))
        return *d;
    if (const bool *b = std::get_if<bool>(&value))
        return *b;
    return std::get<std::string>(value);
}

OrderedJson paramsToJson(const ParamMap &params, const std::vector<ParamSpec> &specs)
{
    OrderedJson out = OrderedJson::object();
    for (const ParamSpec &spec : specs) {
        auto it = params.find(spec.key);
        out[spec.key] = paramToJson(it != params.end() ? it->second : spec.defaultValue);
    }
    return out;
}

/// The `ranges` object, {"durationMs": [80, 200]}, in key order; written only when not empty
/// so that files without ranges stay as they were.
void addRanges(OrderedJson &holder, const RangeMap &ranges)
{
    if (ranges.empty())
        return;
    OrderedJson out = OrderedJson::object();
    for (const auto &[key, range] : ranges)
        out[key] = OrderedJson::array({range.low, range.high});
    holder["ranges"] = std::move(out);
}

} // namespace

OrderedJson toJson(const Workload &workload)
{
    OrderedJson out;
    out["id"] = workload.id;
    out["name"] = workload.name;
    out["shape"] = toString(workload.shape);
    const OrderedJson params = paramsToJson(workload.params, workloadParamSpecs(workload.shape));
    for (const auto &[key, value] : params.items())
        out[key] = value;
    if (workload.shape == WorkloadShape::Trace) {
        OrderedJson points = OrderedJson::array();
        for (const auto &p : workload.points)
            points.push_back(OrderedJson::array({p[0], p[1]}));
        out["points"] = std::move(points);
    }
    addRanges(out, workload.ranges);
    return out;
}

OrderedJson toJson(const Context &context)
{
    OrderedJson out;
    out["id"] = context.id;
    out["name"] = context.name;
    out["rect"] = OrderedJson::array(
        {context.rect.x, context.rect.y, context.rect.width, context.rect.height});
    return out;
}

OrderedJson toJson(const Node &node)
{
    OrderedJson out;
    out["id"] = node.id;
    out["kind"] = toString(node.kind);
    out["name"] = node.name;
    out["pos"] = OrderedJson::array({node.pos.x, node.pos.y});
    if (!node.context.empty())
        out["context"] = node.context;
    if (node.kind == NodeKind::Client)
        out["workload"] = node.workload;
    const auto &specs = nodeParamSpecs(node.kind);
    if (!specs.empty()) {
        out["params"] = paramsToJson(node.params, specs);
        if (node.kind == NodeKind::Function) // absent means "at its own memory", not 512 MB
            out["params"][runTimeAtMemoryKey] = paramToJson(statedMemoryMb(node));
        addRanges(out["params"], node.ranges);
    }
    return out;
}

OrderedJson toJson(const Edge &edge)
{
    OrderedJson out;
    out["id"] = edge.id;
    out["kind"] = toString(edge.kind);
    out["from"] = edge.from;
    out["to"] = edge.to;
    out["perRequest"] = edge.perRequest;
    out["latencyMs"] = edge.latencyMs;
    if (edge.parallel)
        out["parallel"] = true;
    if (edge.fallback)
        out["fallback"] = true;
    addRanges(out, edge.ranges);
    return out;
}

OrderedJson toJson(const Candidate &candidate)
{
    OrderedJson out;
    out["id"] = candidate.id;
    out["name"] = candidate.name;
    out["contexts"] = OrderedJson::array();
    for (const Context &c : candidate.contexts)
        out["contexts"].push_back(toJson(c));
    out["nodes"] = OrderedJson::array();
    for (const Node &n : candidate.nodes)
        out["nodes"].push_back(toJson(n));
    out["edges"] = OrderedJson::array();
    for (const Edge &e : candidate.edges)
        out["edges"].push_back(toJson(e));
    return out;
}

OrderedJson toJson(const Project &project)
{
    OrderedJson out;
    out["format"] = "skyline";
    out["version"] = project.version;
    out["name"] = project.name;
    out["description"] = project.description;
    OrderedJson pricing;
    pricing["catalog"] = project.pricing.catalog;
    pricing["freeTier"] = project.pricing.freeTier;
    pricing["hoursPerMonth"] = project.pricing.hoursPerMonth;
    pricing["overrides"] = OrderedJson::object();
    for (const auto &[key, value] : project.pricing.overrides)
        pricing["overrides"][key] = value;
    out["pricing"] = std::move(pricing);
    out["workloads"] = OrderedJson::array();
    for (const Workload &w : project.workloads)
        out["workloads"].push_back(toJson(w));
    out["candidates"] = OrderedJson::array();
    for (const Candidate &c : project.candidates)
        out["candidates"].push_back(toJson(c));
    return out;
}

std::string writeProject(const Project &project)
{
    return formatCanonicalJson(toJson(project));
}

} // namespace skyline
