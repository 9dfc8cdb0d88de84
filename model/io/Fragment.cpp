#include "io/Fragment.h"

#include "domain/ContextBoxes.h"
#include "domain/IdAllocator.h"
#include "io/JsonPointer.h"

#include <unordered_set>

namespace skyline {

namespace {
constexpr const char *fragmentFormat = "skyline-fragment";
}

std::string writeFragment(const Project &project, const Candidate &candidate,
                          const std::set<std::string> &nodeIds)
{
    OrderedJson fragment;
    fragment["format"] = fragmentFormat;
    fragment["version"] = Project::currentVersion;
    fragment["nodes"] = OrderedJson::array();
    fragment["edges"] = OrderedJson::array();
    fragment["workloads"] = OrderedJson::array();
    std::set<std::string> workloads;
    for (const Node &n : candidate.nodes) {
        if (!nodeIds.count(n.id))
            continue;
        fragment["nodes"].push_back(toJson(n));
        if (n.kind == NodeKind::Client && workloads.insert(n.workload).second)
            if (const Workload *w = project.findWorkload(n.workload))
                fragment["workloads"].push_back(toJson(*w));
    }
    for (const Edge &e : candidate.edges)
        if (nodeIds.count(e.from) && nodeIds.count(e.to))
            fragment["edges"].push_back(toJson(e));
    return fragment.dump(2);
}

std::optional<Fragment> readFragment(const std::string &text, std::vector<Problem> &problems)
{
    const OrderedJson json = OrderedJson::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object() || json.value("format", "") != fragmentFormat)
        return std::nullopt;
    Fragment fragment;
    auto readList = [&](const char *key, auto reader, auto &out) {
        const auto list = json.find(key);
        if (list == json.end() || !list->is_array())
            return;
        const JsonPointer place = JsonPointer() / key;
        for (size_t i = 0; i < list->size(); ++i)
            if (auto item = reader((*list)[i], (place / i).to_string(), problems))
                out.push_back(std::move(*item));
    };
    readList("nodes", nodeFromJson, fragment.nodes);
    readList("edges", edgeFromJson, fragment.edges);
    readList("workloads", workloadFromJson, fragment.workloads);
    return fragment;
}

Fragment placeFragment(const Project &project, const Candidate &target, const Fragment &fragment,
                       PointF offset)
{
    Fragment placed;
    std::unordered_set<std::string> workloadIds;
    for (const Workload &w : project.workloads)
        workloadIds.insert(w.id);
    for (const Workload &w : fragment.workloads)
        if (workloadIds.insert(w.id).second)
            placed.workloads.push_back(w);
    const std::string firstWorkload = !project.workloads.empty() ? project.workloads.front().id
                                      : !placed.workloads.empty() ? placed.workloads.front().id
                                                                  : std::string();
    // The copies, with the edges whose ends both came along, renamed in one pass.
    Candidate copies;
    copies.nodes = fragment.nodes;
    std::unordered_set<std::string> nodeIds;
    for (const Node &n : fragment.nodes)
        nodeIds.insert(n.id);
    for (const Edge &e : fragment.edges)
        if (nodeIds.count(e.from) && nodeIds.count(e.to))
            copies.edges.push_back(e);
    IdAllocator ids(project);
    renameIds(copies, ids, Renaming::Every);
    for (Node &n : copies.nodes) {
        n.pos = {n.pos.x + offset.x, n.pos.y + offset.y};
        n.context = contextContaining(target, n.pos);
        if (n.kind == NodeKind::Client && !workloadIds.count(n.workload))
            n.workload = firstWorkload;
    }
    placed.nodes = std::move(copies.nodes);
    placed.edges = std::move(copies.edges);
    return placed;
}

} // namespace skyline
