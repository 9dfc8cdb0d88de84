#include "io/ProjectJson.h"

#include "domain/Validation.h"
#include "io/JsonPointer.h"

#include <set>
#include <unordered_map>

namespace skyline {

std::string describe(const Problem &problem)
{
    if (problem.pointer.empty())
        return problem.message;
    return problem.pointer + ": " + problem.message;
}

namespace {

void report(std::vector<Problem> &problems, const JsonPointer &pointer, std::string message)
{
    problems.push_back({pointer.to_string(), std::move(message)});
}

/// The broken rules of one entity at `place`, the entity's pointer.
void report(std::vector<Problem> &problems, const std::vector<FieldProblem> &broken,
            const JsonPointer &place)
{
    for (const FieldProblem &problem : broken) {
        JsonPointer at = place;
        for (const std::string &token : problem.path)
            at.push_back(token);
        report(problems, at, problem.message);
    }
}

} // namespace

std::vector<Problem> validateProject(const Project &project)
{
    std::vector<Problem> problems;
    std::set<std::string> workloadIds;
    for (size_t i = 0; i < project.workloads.size(); ++i) {
        const Workload &w = project.workloads[i];
        const JsonPointer at = JsonPointer("/workloads") / i;
        if (w.id.empty())
            report(problems, at / "id", "must not be empty");
        else if (!workloadIds.insert(w.id).second)
            report(problems, at / "id", "duplicate workload id '" + w.id + "'");
        report(problems, checkWorkload(w), at);
    }
    std::set<std::string> candidateIds;
    for (size_t ci = 0; ci < project.candidates.size(); ++ci) {
        const Candidate &c = project.candidates[ci];
        const JsonPointer at = JsonPointer("/candidates") / ci;
        if (c.id.empty())
            report(problems, at / "id", "must not be empty");
        else if (!candidateIds.insert(c.id).second)
            report(problems, at / "id", "duplicate candidate id '" + c.id + "'");
        std::set<std::string> ids; // nodes, edges and contexts share one namespace
        std::set<std::string> contextIds;
        std::unordered_map<std::string, const Node *> nodes; // the first node of each id
        auto checkId = [&](const std::string &id, const JsonPointer &pointer) {
            if (id.empty())
                report(problems, pointer, "must not be empty");
            else if (!ids.insert(id).second)
                report(problems, pointer, "duplicate id '" + id + "' in candidate '" + c.id + "'");
        };
        for (size_t i = 0; i < c.contexts.size(); ++i) {
            checkId(c.contexts[i].id, at / "contexts" / i / "id");
            contextIds.insert(c.contexts[i].id);
        }
        for (size_t i = 0; i < c.nodes.size(); ++i) {
            const Node &n = c.nodes[i];
            const JsonPointer np = at / "nodes" / i;
            checkId(n.id, np / "id");
            nodes.emplace(n.id, &n);
            if (!n.context.empty() && !contextIds.count(n.context))
                report(problems, np / "context",
                       "refers to context '" + n.context + "', which does not exist");
            if (n.kind == NodeKind::Client && !workloadIds.count(n.workload))
                report(problems, np / "workload",
                       n.workload.empty() ? std::string("a client needs a workload")
                                          : "refers to workload '" + n.workload +
                                                "', which does not exist");
            report(problems, checkNode(n), np);
        }
        for (size_t i = 0; i < c.edges.size(); ++i) {
            const Edge &e = c.edges[i];
            const JsonPointer ep = at / "edges" / i;
            checkId(e.id, ep / "id");
            // A lookup per edge, not a search: 100,000 nodes took 26 s (issue 12 item 8).
            auto nodeOf = [&](const std::string &id) {
                const auto it = nodes.find(id);
                return it == nodes.end() ? nullptr : it->second;
            };
            report(problems, checkEdgeEnds(e, nodeOf(e.from), nodeOf(e.to)), ep);
            report(problems, checkEdge(e), ep);
        }
    }
    return problems;
}

} // namespace skyline
