#pragma once
// The one "imported model" builder every importer writes into (Import.h). Importers say what
// the source states (nodes, values, edges) and what they had to infer or assume; the builder
// keeps ids unique, refuses values outside the parameter schema (the default stays and the
// refusal is listed for review: a value is never silently changed), and in finish() adds
// nothing but what it was told, lays the candidate out and validates it.

#include "Import.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace skyline::importing {

class ModelBuilder
{
public:
    ModelBuilder(SourceFormat format, std::string candidateName);

    /// A node with its kind's default parameters (a client also gets the default workload,
    /// listed for review; addEntryPoint() is the usual way to add one). `sourceName` is the
    /// name the input uses for it (service, resource logical id, function key): findNode()
    /// finds it by that name.
    std::string addNode(NodeKind kind, const std::string &sourceName, const SourceLocation &where);
    /// The node that `addNode` created for `sourceName`, or empty.
    std::string findNode(const std::string &sourceName) const;
    const Node *node(const std::string &nodeId) const;

    /// A value the source states (counted as carried over). Out of the schema's range or of
    /// the wrong type: refused, the default kept, and a review item says why.
    void setParam(const std::string &nodeId, const std::string &key, const ParamValue &value,
                  const SourceLocation &where);
    /// A value the source does not state; listed for review with `why`.
    void assumeParam(const std::string &nodeId, const std::string &key, const ParamValue &value,
                     const std::string &why, const SourceLocation &where);

    /// A value the format implies without stating it per node (Compose services run on hosts
    /// the team runs): neither carried nor listed per node; say it once with assumedForAll().
    void presetParam(const std::string &nodeId, const std::string &key, const ParamValue &value);
    /// One review line for a value assumed for every node of a kind (nodeId empty).
    void assumedForAll(const std::string &key, const std::string &message,
                       const SourceLocation &where);

    /// An edge the source states (an event source, an API integration).
    std::string addEdge(EdgeKind kind, const std::string &fromNodeId, const std::string &toNodeId,
                        const SourceLocation &where);
    /// A workload the source implies but does not state (a schedule read as a constant rate):
    /// listed for review on the client that `addEntryPoint` created with it.
    void assumeWorkload(const std::string &clientId, const std::string &why,
                        const SourceLocation &where);
    /// Calls or events per request on an edge the source does not give (a gateway forwards
    /// each request to one of its routes); listed for review with `why`.
    void assumeEdgeShare(const std::string &edgeId, double perRequest, const std::string &why,
                         const SourceLocation &where);
    /// An edge the source only implies (depends_on, an env URL, a policy); listed for review.
    std::string addInferredEdge(EdgeKind kind, const std::string &fromNodeId,
                                const std::string &toNodeId, const std::string &why,
                                const SourceLocation &where);

    /// A bounded context (network, namespace, stack); the same name gives the same context.
    std::string addContext(const std::string &name);
    void putInContext(const std::string &nodeId, const std::string &contextId);

    /// A client calling `targetNodeId` with `workload` (or a default constant workload, listed
    /// for review when none is given). Returns the client's id.
    std::string addEntryPoint(const std::string &targetNodeId, const std::string &clientName,
                              const SourceLocation &where,
                              std::optional<Workload> workload = std::nullopt);

    /// A reference, variable or plugin that cannot be resolved offline.
    void unresolved(const std::string &message, const SourceLocation &where);
    /// Something in the source that Skyline does not model.
    void ignored(const std::string &message, const SourceLocation &where);
    /// A problem that stops the import (nothing is imported).
    void error(const std::string &message, const SourceLocation &where);
    bool hasErrors() const;

    /// The input files in the order given: the review list is sorted by file in this order,
    /// then by line and column (items without a line last in their file).
    void setFileOrder(const std::vector<std::string> &paths);

    /// Lays the candidate out, validates it and returns the result (errors when invalid).
    ImportResult finish();

private:
    Candidate &candidate();
    const Candidate &candidate() const;
    Node *mutableNode(const std::string &nodeId);
    std::string nextId(const std::string &prefix);
    std::string uniqueName(const std::string &wanted);
    /// Empty when `value` fits the schema of `key` on `n`, else why not.
    static std::string refusal(const Node &n, const std::string &key, const ParamValue &value);
    /// Empty when an edge between the two nodes is possible, else why not (names, not ids).
    std::string refusedEdge(const std::string &fromNodeId, const std::string &toNodeId) const;
    std::string existingEdge(EdgeKind kind, const std::string &from, const std::string &to) const;
    std::string createEdge(EdgeKind kind, const std::string &fromNodeId,
                           const std::string &toNodeId);
    void addReview(ReviewItem item);
    bool carried(const std::string &nodeId, const std::string &key) const;
    /// Keeps low <= high (min/max replicas, provisioned/limit) without a silent change.
    void reconcilePair(Node &n, const std::string &lowKey, const std::string &highKey,
                       const std::string &relation);
    void reconcileLimits();
    /// Functions' run times are stated at their own (imported or assumed) memory.
    void stateRunTimesAtOwnMemory();
    /// A gateway forwards each request to one route: routes whose shares the input left unsaid
    /// (all 1) get even shares, each listed for review.
    void shareGatewayRoutes();
    void sortReview();
    /// A client with `workload`, or the default one listed for review (`targetName`: the
    /// node it calls, for the message).
    std::string addClient(const std::string &clientName, const SourceLocation &where,
                          std::optional<Workload> workload, const std::string &targetName);

    SourceFormat m_format;
    Project m_project;
    std::map<std::string, std::string> m_nodeBySourceName;
    std::map<std::string, size_t> m_nodeIndex; ///< node id -> index in the candidate's nodes
    std::map<std::string, SourceLocation> m_nodeSource;
    std::map<std::string, int> m_idCounters;
    std::set<std::string> m_usedNames;
    std::set<std::pair<std::string, std::string>> m_carried; ///< (node id, key) from the source
    std::map<std::tuple<std::string, std::string, EdgeKind>, std::string> m_edgeByEnds;
    std::map<std::string, std::string> m_contextByName;
    std::vector<ReviewItem> m_review;
    std::vector<std::string> m_fileOrder;
    std::vector<std::string> m_errors;
    ImportSummary m_summary;
};

} // namespace skyline::importing
