#include "domain/Project.h"

#include "domain/NodeKinds.h"
#include "domain/ParamSchema.h"

#include <algorithm>
#include <set>

namespace skyline {

const char *toString(NodeKind kind)
{
    return nodeKindTraits(kind).id;
}

const char *toString(EdgeKind kind)
{
    return kind == EdgeKind::Api ? "api" : "event";
}

const char *toString(WorkloadShape shape)
{
    switch (shape) {
    case WorkloadShape::Constant: return "constant";
    case WorkloadShape::Diurnal: return "diurnal";
    case WorkloadShape::BusinessHours: return "business-hours";
    case WorkloadShape::Spiky: return "spiky";
    case WorkloadShape::Trace: return "trace";
    }
    return "constant";
}

std::optional<NodeKind> nodeKindFromString(const std::string &text)
{
    for (const NodeKindTraits &row : nodeKindTable())
        if (text == row.id)
            return row.kind;
    return std::nullopt;
}

std::optional<EdgeKind> edgeKindFromString(const std::string &text)
{
    if (text == "api")
        return EdgeKind::Api;
    if (text == "event")
        return EdgeKind::Event;
    return std::nullopt;
}

std::optional<WorkloadShape> workloadShapeFromString(const std::string &text)
{
    for (WorkloadShape shape : allWorkloadShapes)
        if (text == toString(shape))
            return shape;
    return std::nullopt;
}

namespace {
/// The parameter `key` if it is set with the right type, else the schema's default (looked up
/// only then: the engine reads parameters in its inner loops), else `fallback`.
template <typename T, typename FindSpec>
T valueOr(const ParamMap &params, const std::string &key, FindSpec findSpec, T fallback)
{
    auto it = params.find(key);
    if (it != params.end())
        if (const T *v = std::get_if<T>(&it->second))
            return *v;
    if (const ParamSpec *spec = findSpec())
        if (const T *v = std::get_if<T>(&spec->defaultValue))
            return *v;
    return fallback;
}

template <typename Range, typename Id>
auto findById(Range &range, const Id &id) -> decltype(&*range.begin())
{
    auto it = std::find_if(range.begin(), range.end(), [&](const auto &e) { return e.id == id; });
    return it == range.end() ? nullptr : &*it;
}
} // namespace

double Workload::number(const std::string &key) const
{
    return valueOr<double>(params, key, [&] { return findWorkloadParamSpec(shape, key); }, 0.0);
}

double Node::number(const std::string &key) const
{
    return valueOr<double>(params, key, [&] { return findNodeParamSpec(kind, key); }, 0.0);
}

double Edge::number(const std::string &key) const
{
    if (key == "perRequest")
        return perRequest;
    if (key == "latencyMs")
        return latencyMs;
    return 0.0;
}

bool Edge::setNumber(const std::string &key, double value)
{
    if (key == "perRequest")
        perRequest = value;
    else if (key == "latencyMs")
        latencyMs = value;
    else
        return false;
    return true;
}

bool Node::flag(const std::string &key) const
{
    return valueOr<bool>(params, key, [&] { return findNodeParamSpec(kind, key); }, false);
}

std::string Node::text(const std::string &key) const
{
    return valueOr<std::string>(params, key, [&] { return findNodeParamSpec(kind, key); }, std::string());
}

const Node *Candidate::findNode(const std::string &nodeId) const { return findById(nodes, nodeId); }
Node *Candidate::findNode(const std::string &nodeId) { return findById(nodes, nodeId); }
const Edge *Candidate::findEdge(const std::string &edgeId) const { return findById(edges, edgeId); }
Edge *Candidate::findEdge(const std::string &edgeId) { return findById(edges, edgeId); }
const Context *Candidate::findContext(const std::string &contextId) const
{
    return findById(contexts, contextId);
}
Context *Candidate::findContext(const std::string &contextId)
{
    return findById(contexts, contextId);
}

const Workload *Project::findWorkload(const std::string &workloadId) const
{
    return findById(workloads, workloadId);
}
Workload *Project::findWorkload(const std::string &workloadId)
{
    return findById(workloads, workloadId);
}
const Candidate *Project::findCandidate(const std::string &candidateId) const
{
    return findById(candidates, candidateId);
}
Candidate *Project::findCandidate(const std::string &candidateId)
{
    return findById(candidates, candidateId);
}

Node makeDefaultNode(NodeKind kind, std::string id, std::string name, PointF pos)
{
    Node node;
    node.id = std::move(id);
    node.kind = kind;
    node.name = std::move(name);
    node.pos = pos;
    for (const ParamSpec &spec : nodeParamSpecs(kind))
        node.params[spec.key] = spec.defaultValue;
    return node;
}

Workload makeDefaultWorkload(WorkloadShape shape, std::string id, std::string name)
{
    Workload workload;
    workload.id = std::move(id);
    workload.name = std::move(name);
    workload.shape = shape;
    for (const ParamSpec &spec : workloadParamSpecs(shape))
        workload.params[spec.key] = spec.defaultValue;
    return workload;
}

std::string uniqueId(const Project &project, const std::string &prefix)
{
    std::set<std::string> used;
    for (const Workload &w : project.workloads)
        used.insert(w.id);
    for (const Candidate &c : project.candidates) {
        used.insert(c.id);
        for (const Context &x : c.contexts)
            used.insert(x.id);
        for (const Node &n : c.nodes)
            used.insert(n.id);
        for (const Edge &e : c.edges)
            used.insert(e.id);
    }
    for (long i = 1;; ++i) {
        std::string id = prefix + std::to_string(i);
        if (!used.count(id))
            return id;
    }
}

} // namespace skyline
