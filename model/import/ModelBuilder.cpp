#include "ModelBuilder.h"

#include "Layout.h"

#include "domain/FunctionMemory.h"
#include "domain/ParamSchema.h"
#include "domain/Routes.h"
#include "domain/Validation.h"
#include "io/ProjectJson.h"

#include <algorithm>
#include <limits>
#include <sstream>
#include <tuple>

namespace skyline::importing {

namespace {
/// A client with no workload in the source gets this constant rate: low enough that no
/// default node is overloaded, high enough that latency and cost figures are not all zero.
constexpr double defaultEntryRps = 10.0;

std::string formatValue(const ParamValue &value, const ParamSpec *spec)
{
    std::ostringstream out;
    if (const double *v = std::get_if<double>(&value))
        out << *v;
    else if (const bool *b = std::get_if<bool>(&value))
        out << (*b ? "true" : "false");
    else
        out << '"' << std::get<std::string>(value) << '"';
    if (spec && !spec->unit.empty() && std::holds_alternative<double>(value))
        out << ' ' << spec->unit;
    return out.str();
}
} // namespace

ModelBuilder::ModelBuilder(SourceFormat format, std::string candidateName) : m_format(format)
{
    m_project.name = candidateName;
    Candidate candidate;
    candidate.id = nextId("c");
    candidate.name = std::move(candidateName);
    m_project.candidates.push_back(std::move(candidate));
}

Candidate &ModelBuilder::candidate()
{
    return m_project.candidates.front();
}
const Candidate &ModelBuilder::candidate() const
{
    return m_project.candidates.front();
}

std::string ModelBuilder::nextId(const std::string &prefix)
{
    // The builder creates every id of its project, so counting per prefix gives exactly the
    // ids uniqueId() would (n1, n2 ...) without rescanning the project for each new entity.
    return prefix + std::to_string(++m_idCounters[prefix]);
}

std::string ModelBuilder::uniqueName(const std::string &wanted)
{
    const std::string base = wanted.empty() ? std::string("unnamed") : wanted;
    std::string name = base;
    for (int i = 2; m_usedNames.count(name); ++i)
        name = base + " " + std::to_string(i);
    m_usedNames.insert(name);
    return name;
}

std::string ModelBuilder::addNode(NodeKind kind, const std::string &sourceName,
                                  const SourceLocation &where)
{
    if (kind == NodeKind::Client) { // a client needs a workload: the default one, listed
        const std::string id = addClient(sourceName, where, std::nullopt, {});
        m_nodeBySourceName.emplace(sourceName, id);
        return id;
    }
    const std::string id = nextId("n");
    candidate().nodes.push_back(makeDefaultNode(kind, id, uniqueName(sourceName), PointF{}));
    m_nodeIndex[id] = candidate().nodes.size() - 1;
    m_nodeBySourceName.emplace(sourceName, id); // the first node of a name keeps it
    m_nodeSource[id] = where;
    return id;
}

std::string ModelBuilder::findNode(const std::string &sourceName) const
{
    auto it = m_nodeBySourceName.find(sourceName);
    return it == m_nodeBySourceName.end() ? std::string() : it->second;
}

const Node *ModelBuilder::node(const std::string &nodeId) const
{
    auto it = m_nodeIndex.find(nodeId);
    return it == m_nodeIndex.end() ? nullptr : &candidate().nodes[it->second];
}

Node *ModelBuilder::mutableNode(const std::string &nodeId)
{
    auto it = m_nodeIndex.find(nodeId);
    return it == m_nodeIndex.end() ? nullptr : &candidate().nodes[it->second];
}

std::string ModelBuilder::refusal(const Node &n, const std::string &key, const ParamValue &value)
{
    const ParamSpec *spec = findNodeParamSpec(n.kind, key);
    if (!spec)
        return std::string("a ") + toString(n.kind) + " has no parameter '" + key + "'";
    return checkParamValue(*spec, value);
}

void ModelBuilder::setParam(const std::string &nodeId, const std::string &key,
                            const ParamValue &value, const SourceLocation &where)
{
    Node *n = mutableNode(nodeId);
    if (!n)
        return;
    const std::string why = refusal(*n, key, value);
    if (!why.empty()) {
        const ParamSpec *spec = findNodeParamSpec(n->kind, key);
        std::string message = n->name + ": the source gives " + key + " = " +
                              formatValue(value, spec) + ", which was refused (" + why + ")";
        if (spec)
            message += "; the default " + formatValue(spec->defaultValue, spec) + " is kept";
        addReview({ReviewKind::AssumedValue, nodeId, {}, key, where, message});
        ++m_summary.assumedValues;
        return;
    }
    n->params[key] = value;
    m_carried.insert({nodeId, key});
    ++m_summary.carriedValues;
}

void ModelBuilder::assumeParam(const std::string &nodeId, const std::string &key,
                               const ParamValue &value, const std::string &why,
                               const SourceLocation &where)
{
    Node *n = mutableNode(nodeId);
    if (!n)
        return;
    const ParamSpec *spec = findNodeParamSpec(n->kind, key);
    const std::string refused = refusal(*n, key, value);
    std::string message;
    if (refused.empty()) {
        n->params[key] = value;
        message = n->name + ": " + key + " assumed " + formatValue(value, spec) + " (" + why + ")";
    } else {
        message = n->name + ": " + key + " would be assumed " + formatValue(value, spec) + " (" +
                  why + ") but " + refused;
        if (spec)
            message += "; the default " + formatValue(spec->defaultValue, spec) + " is kept";
    }
    addReview({ReviewKind::AssumedValue, nodeId, {}, key, where, message});
    ++m_summary.assumedValues;
}

void ModelBuilder::presetParam(const std::string &nodeId, const std::string &key,
                               const ParamValue &value)
{
    Node *n = mutableNode(nodeId);
    if (n && refusal(*n, key, value).empty())
        n->params[key] = value;
}

void ModelBuilder::assumedForAll(const std::string &key, const std::string &message,
                                 const SourceLocation &where)
{
    addReview({ReviewKind::AssumedValue, {}, {}, key, where, message});
    ++m_summary.assumedValues;
}

void ModelBuilder::assumeWorkload(const std::string &clientId, const std::string &why,
                                  const SourceLocation &where)
{
    const Node *client = node(clientId);
    if (!client || client->kind != NodeKind::Client)
        return;
    addReview({ReviewKind::AssumedValue, clientId, {}, "rps", where, client->name + ": " + why});
    ++m_summary.assumedValues;
}

void ModelBuilder::assumeEdgeShare(const std::string &edgeId, double perRequest,
                                   const std::string &why, const SourceLocation &where)
{
    Edge *e = candidate().findEdge(edgeId);
    if (!e || !(perRequest >= 0.0 && perRequest <= maxPerRequest))
        return;
    e->perRequest = perRequest;
    std::ostringstream message;
    message << node(e->from)->name << " → " << node(e->to)->name << ": " << perRequest
            << " per request assumed (" << why << ")";
    addReview({ReviewKind::AssumedValue, {}, edgeId, "perRequest", where, message.str()});
    ++m_summary.assumedValues;
}

std::string ModelBuilder::existingEdge(EdgeKind kind, const std::string &from,
                                       const std::string &to) const
{
    auto it = m_edgeByEnds.find({from, to, kind});
    return it == m_edgeByEnds.end() ? std::string() : it->second;
}

std::string ModelBuilder::refusedEdge(const std::string &fromNodeId,
                                      const std::string &toNodeId) const
{
    const Node *from = node(fromNodeId);
    const Node *to = node(toNodeId);
    if (!from || !to)
        return "an edge between nodes that do not exist";
    if (fromNodeId == toNodeId)
        return from->name + " refers to itself: no edge (an edge cannot connect a node to itself)";
    if (to->kind == NodeKind::Client)
        return from->name + " would call the client " + to->name +
               ": no edge (a client cannot "
               "receive calls)";
    return {};
}

std::string ModelBuilder::addEdge(EdgeKind kind, const std::string &fromNodeId,
                                  const std::string &toNodeId, const SourceLocation &where)
{
    if (const std::string why = refusedEdge(fromNodeId, toNodeId); !why.empty()) {
        ignored(why, where);
        return {};
    }
    if (std::string id = existingEdge(kind, fromNodeId, toNodeId); !id.empty()) {
        // The source states an edge that was only inferred so far: it is no longer a guess.
        auto inferred = std::find_if(m_review.begin(), m_review.end(), [&](const ReviewItem &r) {
            return r.kind == ReviewKind::InferredEdge && r.edgeId == id;
        });
        if (inferred != m_review.end()) {
            m_review.erase(inferred);
            --m_summary.inferredEdges;
        }
        return id;
    }
    return createEdge(kind, fromNodeId, toNodeId);
}

std::string ModelBuilder::createEdge(EdgeKind kind, const std::string &fromNodeId,
                                     const std::string &toNodeId)
{
    Edge e;
    e.id = nextId("e");
    e.kind = kind;
    e.from = fromNodeId;
    e.to = toNodeId;
    candidate().edges.push_back(e);
    m_edgeByEnds[{fromNodeId, toNodeId, kind}] = e.id;
    return e.id;
}

std::string ModelBuilder::addInferredEdge(EdgeKind kind, const std::string &fromNodeId,
                                          const std::string &toNodeId, const std::string &why,
                                          const SourceLocation &where)
{
    if (const std::string refused = refusedEdge(fromNodeId, toNodeId); !refused.empty()) {
        ignored(refused, where);
        return {};
    }
    if (std::string id = existingEdge(kind, fromNodeId, toNodeId); !id.empty())
        return id; // stated or already inferred: one edge, one review line
    const std::string id = createEdge(kind, fromNodeId, toNodeId);
    const std::string message = node(fromNodeId)->name + " → " + node(toNodeId)->name + " (" +
                                toString(kind) + "): inferred, " + why;
    addReview({ReviewKind::InferredEdge, {}, id, {}, where, message});
    ++m_summary.inferredEdges;
    return id;
}

std::string ModelBuilder::addContext(const std::string &name)
{
    if (auto it = m_contextByName.find(name); it != m_contextByName.end())
        return it->second;
    Context x;
    x.id = nextId("x");
    x.name = name.empty() ? std::string("default") : name;
    candidate().contexts.push_back(x);
    m_contextByName[name] = x.id;
    return x.id;
}

void ModelBuilder::putInContext(const std::string &nodeId, const std::string &contextId)
{
    Node *n = mutableNode(nodeId);
    if (n && candidate().findContext(contextId))
        n->context = contextId;
}

std::string ModelBuilder::addClient(const std::string &clientName, const SourceLocation &where,
                                    std::optional<Workload> workload, const std::string &targetName)
{
    const bool assumed = !workload.has_value();
    Workload w =
        workload ? std::move(*workload) : makeDefaultWorkload(WorkloadShape::Constant, {}, {});
    w.id = nextId("w");
    if (w.name.empty())
        w.name = clientName + " traffic";
    if (assumed)
        w.params["rps"] = defaultEntryRps;
    m_project.workloads.push_back(w);

    const std::string clientId = nextId("n");
    Node client = makeDefaultNode(NodeKind::Client, clientId, uniqueName(clientName), PointF{});
    client.workload = w.id;
    candidate().nodes.push_back(std::move(client));
    m_nodeIndex[clientId] = candidate().nodes.size() - 1;
    m_nodeSource[clientId] = where;
    if (assumed) {
        std::ostringstream message;
        message << node(clientId)->name;
        if (!targetName.empty())
            message << " calls " << targetName;
        message << " with an assumed constant " << defaultEntryRps
                << " req/s (the source gives no traffic): set the real workload";
        addReview({ReviewKind::DefaultWorkload, clientId, {}, {}, where, message.str()});
    }
    return clientId;
}

std::string ModelBuilder::addEntryPoint(const std::string &targetNodeId,
                                        const std::string &clientName, const SourceLocation &where,
                                        std::optional<Workload> workload)
{
    const Node *target = node(targetNodeId);
    if (!target || target->kind == NodeKind::Client)
        return {};
    const std::string targetName = target->name; // a copy: adding the client moves the nodes
    const std::string clientId = addClient(clientName, where, std::move(workload), targetName);
    createEdge(EdgeKind::Api, clientId, targetNodeId);
    return clientId;
}

void ModelBuilder::unresolved(const std::string &message, const SourceLocation &where)
{
    addReview({ReviewKind::Unresolved, {}, {}, {}, where, message});
    ++m_summary.unresolved;
}

void ModelBuilder::ignored(const std::string &message, const SourceLocation &where)
{
    addReview({ReviewKind::Ignored, {}, {}, {}, where, message});
}

void ModelBuilder::error(const std::string &message, const SourceLocation &where)
{
    const std::string place = describe(where);
    m_errors.push_back(place.empty() ? message : place + ": " + message);
}

bool ModelBuilder::hasErrors() const
{
    return !m_errors.empty();
}

void ModelBuilder::addReview(ReviewItem item)
{
    m_review.push_back(std::move(item));
}

bool ModelBuilder::carried(const std::string &nodeId, const std::string &key) const
{
    return m_carried.count({nodeId, key}) > 0;
}

void ModelBuilder::reconcilePair(Node &n, const std::string &lowKey, const std::string &highKey,
                                 const std::string &relation)
{
    const double low = n.number(lowKey);
    const double high = n.number(highKey);
    if (low <= high)
        return;
    const SourceLocation where = m_nodeSource[n.id];
    // Whichever side the source did not state gives way; when it stated both, the upper bound
    // wins and the lower one is brought down to it. Either way the change is listed.
    if (!carried(n.id, highKey)) {
        n.params[highKey] = low;
        std::ostringstream message;
        message << n.name << ": " << highKey << " assumed " << low << " (the default " << high
                << " is below the " << lowKey << " the source gives; " << relation << ")";
        addReview({ReviewKind::AssumedValue, n.id, {}, highKey, where, message.str()});
    } else {
        n.params[lowKey] = high;
        std::ostringstream message;
        message << n.name << ": " << lowKey << " lowered from " << low << " to " << high << " ("
                << relation << ")";
        addReview({ReviewKind::AssumedValue, n.id, {}, lowKey, where, message.str()});
    }
    ++m_summary.assumedValues;
}

void ModelBuilder::reconcileLimits()
{
    // The orders the file format requires (model/domain/Validation.h), kept by the import.
    for (Node &n : candidate().nodes)
        for (const ParamOrder &order : paramOrders())
            if (order.kind == n.kind)
                reconcilePair(n, order.low, order.high,
                              findNodeParamSpec(n.kind, order.low)->label + " must not exceed " +
                                  findNodeParamSpec(n.kind, order.high)->label);
}

void ModelBuilder::stateRunTimesAtOwnMemory()
{
    // The run time a function gets (carried or assumed) is meant at the memory it gets, so that
    // an imported memory size does not scale it (FunctionMemory.h).
    for (Node &n : candidate().nodes)
        if (n.kind == NodeKind::Function && !carried(n.id, runTimeAtMemoryKey))
            n.params[runTimeAtMemoryKey] = n.number("memoryMb");
}

void ModelBuilder::shareGatewayRoutes()
{
    for (const Node &gateway : candidate().nodes) {
        if (gateway.kind != NodeKind::Gateway || !routeSharesIncomplete(candidate(), gateway.id))
            continue;
        std::vector<std::string> routes;
        bool unsaid = true; // every route still at the default 1
        for (const Edge &e : candidate().edges)
            if (e.from == gateway.id) {
                routes.push_back(e.id);
                unsaid = unsaid && e.perRequest == 1.0;
            }
        if (!unsaid)
            continue;
        const std::string why = gateway.name + " forwards each request to one of the " +
                                std::to_string(routes.size()) +
                                " routes behind it; the input does not say how traffic splits, "
                                "so an even share";
        for (const std::string &edgeId : routes)
            assumeEdgeShare(edgeId, 1.0 / double(routes.size()), why, m_nodeSource[gateway.id]);
    }
}

void ModelBuilder::setFileOrder(const std::vector<std::string> &paths)
{
    m_fileOrder = paths;
}

void ModelBuilder::sortReview()
{
    auto rank = [&](const SourceLocation &where) {
        const auto file = std::find(m_fileOrder.begin(), m_fileOrder.end(), where.path);
        const auto fileRank = file - m_fileOrder.begin(); // unknown files after the known ones
        const int line = where.line > 0 ? where.line : std::numeric_limits<int>::max();
        return std::tuple(fileRank, line, where.column);
    };
    std::stable_sort(
        m_review.begin(), m_review.end(),
        [&](const ReviewItem &a, const ReviewItem &b) { return rank(a.where) < rank(b.where); });
}

ImportResult ModelBuilder::finish()
{
    ImportResult result;
    result.format = m_format;
    if (!m_errors.empty()) {
        result.errors = m_errors;
        return result;
    }
    reconcileLimits();
    stateRunTimesAtOwnMemory();
    shareGatewayRoutes();
    sortReview();
    layOut(candidate());
    for (const Problem &problem : validateProject(m_project))
        result.errors.push_back("the imported model is invalid (a bug in the importer): " +
                                describe(problem));
    if (!result.errors.empty())
        return result;
    m_summary.nodes = static_cast<int>(candidate().nodes.size());
    m_summary.edges = static_cast<int>(candidate().edges.size());
    m_summary.contexts = static_cast<int>(candidate().contexts.size());
    result.summary = m_summary;
    result.review = m_review;
    result.project = m_project;
    return result;
}

} // namespace skyline::importing
