#pragma once
// The domain of a Skyline project (DESIGN.md §2, §4): plain C++, no Qt.
// Every entity carries a stable string id; the file, the document, undo commands and the
// clipboard all refer to entities by these ids.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace skyline {

enum class NodeKind { Client, Gateway, Function, Service, Queue, Datastore };
enum class EdgeKind { Api, Event };
enum class WorkloadShape { Constant, Diurnal, BusinessHours, Spiky, Trace };

inline constexpr std::array<NodeKind, 6> allNodeKinds = {NodeKind::Client,   NodeKind::Gateway,
                                                         NodeKind::Function, NodeKind::Service,
                                                         NodeKind::Queue,    NodeKind::Datastore};
inline constexpr std::array<WorkloadShape, 5> allWorkloadShapes = {
    WorkloadShape::Constant, WorkloadShape::Diurnal, WorkloadShape::BusinessHours,
    WorkloadShape::Spiky, WorkloadShape::Trace};

/// File names of the enums ("client", "api", "business-hours" ...).
const char *toString(NodeKind kind);
const char *toString(EdgeKind kind);
const char *toString(WorkloadShape shape);
std::optional<NodeKind> nodeKindFromString(const std::string &text);
std::optional<EdgeKind> edgeKindFromString(const std::string &text);
std::optional<WorkloadShape> workloadShapeFromString(const std::string &text);

/// A parameter value: numbers (integers included) are doubles; flags are bools; product
/// identifiers and runtimes are strings. Which one a key holds is fixed by ParamSchema.
using ParamValue = std::variant<double, bool, std::string>;
using ParamMap = std::map<std::string, ParamValue>;

/// A range around a numeric parameter's value (DESIGN.md §7): the value is the mode of a
/// triangular distribution from low to high (low <= value <= high). Uncertainty samples it,
/// sensitivity moves the parameter from low to high.
struct ParamRange
{
    double low = 0;
    double high = 0;
    bool operator==(const ParamRange &) const = default;
};
/// Parameter key -> its range; in the file the `ranges` object beside the parameters.
using RangeMap = std::map<std::string, ParamRange>;

struct PointF
{
    double x = 0;
    double y = 0;
    bool operator==(const PointF &) const = default;
};

struct RectF
{
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    bool operator==(const RectF &) const = default;
    bool contains(PointF p) const
    {
        return p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height;
    }
};

struct Workload
{
    std::string id;
    std::string name;
    WorkloadShape shape = WorkloadShape::Constant;
    ParamMap params;                                 ///< shape parameters, see ParamSchema
    std::vector<std::array<double, 2>> points;       ///< trace only: [minute of day, rps]
    RangeMap ranges;                                 ///< ranges of shape parameters
    bool operator==(const Workload &) const = default;

    double number(const std::string &key) const;     ///< param or its schema default
};

struct Context
{
    std::string id;
    std::string name;
    RectF rect;
    bool operator==(const Context &) const = default;
};

struct Node
{
    std::string id;
    NodeKind kind = NodeKind::Function;
    std::string name;
    PointF pos;
    std::string context;  ///< id of the bounded context, empty when outside every context
    std::string workload; ///< client only: id of the workload that drives it
    ParamMap params;      ///< kind-specific parameters, see ParamSchema
    RangeMap ranges;      ///< ranges of numeric params
    bool operator==(const Node &) const = default;

    /// Typed access with the schema default when the key is absent.
    double number(const std::string &key) const;
    bool flag(const std::string &key) const;
    std::string text(const std::string &key) const;
};

struct Edge
{
    std::string id;
    EdgeKind kind = EdgeKind::Api;
    std::string from;
    std::string to;
    double perRequest = 1.0; ///< calls or events per request the source handles
    double latencyMs = 0.0;  ///< network latency of one call (api edges)
    bool parallel = false;   ///< fan-out made in parallel with the caller's other calls
    bool fallback = false;   ///< the caller degrades instead of failing when the callee is down
    RangeMap ranges;         ///< ranges of perRequest and latencyMs
    bool operator==(const Edge &) const = default;

    /// perRequest or latencyMs by its file key (see edgeFieldSpecs); 0 for another key.
    double number(const std::string &key) const;
    /// Sets perRequest or latencyMs by its file key; false for another key.
    bool setNumber(const std::string &key, double value);
};

struct Candidate
{
    std::string id;
    std::string name;
    std::vector<Context> contexts;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    bool operator==(const Candidate &) const = default;

    const Node *findNode(const std::string &nodeId) const;
    Node *findNode(const std::string &nodeId);
    const Edge *findEdge(const std::string &edgeId) const;
    Edge *findEdge(const std::string &edgeId);
    const Context *findContext(const std::string &contextId) const;
    Context *findContext(const std::string &contextId);
};

struct Pricing
{
    std::string catalog = "aws-us-east-1";
    bool freeTier = false;
    double hoursPerMonth = 730.0;
    std::map<std::string, double> overrides; ///< catalog key -> value that replaces it
    bool operator==(const Pricing &) const = default;
};

struct Project
{
    static constexpr int currentVersion = 1;
    int version = currentVersion;
    std::string name;
    std::string description;
    Pricing pricing;
    std::vector<Workload> workloads;
    std::vector<Candidate> candidates;
    bool operator==(const Project &) const = default;

    const Workload *findWorkload(const std::string &workloadId) const;
    Workload *findWorkload(const std::string &workloadId);
    const Candidate *findCandidate(const std::string &candidateId) const;
    Candidate *findCandidate(const std::string &candidateId);
};

/// A node with the kind's default parameters, as the palette creates it.
Node makeDefaultNode(NodeKind kind, std::string id, std::string name, PointF pos);
/// A workload of the given shape with that shape's default parameters.
Workload makeDefaultWorkload(WorkloadShape shape, std::string id, std::string name);
/// An id with the prefix that no entity of the project uses yet ("n7", "e12", "c3" ...).
std::string uniqueId(const Project &project, const std::string &prefix);

} // namespace skyline
