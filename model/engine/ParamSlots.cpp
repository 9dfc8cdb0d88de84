#include "engine/ParamSlots.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace skyline {
namespace {

using Pointer = nlohmann::json::json_pointer;

ParamSlot makeSlot(SlotOwner owner, std::size_t candidate, std::size_t index,
                   const ParamSpec &spec, double value, const RangeMap &ranges,
                   const Pointer &parent, const std::string &ownerName)
{
    ParamSlot slot;
    slot.owner = owner;
    slot.candidate = candidate;
    slot.index = index;
    slot.spec = &spec;
    slot.value = value;
    if (auto it = ranges.find(spec.key); it != ranges.end())
        slot.range = it->second;
    slot.pointer = (parent / spec.key).to_string();
    slot.name = ownerName + ": " + spec.label;
    return slot;
}

void addWorkloadSlots(const Project &project, std::size_t w, std::vector<ParamSlot> &out)
{
    const Workload &workload = project.workloads[w];
    const Pointer parent = Pointer("/workloads") / w;
    for (const ParamSpec &spec : workloadParamSpecs(workload.shape))
        if (isRangeable(spec))
            out.push_back(makeSlot(SlotOwner::Workload, 0, w, spec, workload.number(spec.key),
                                   workload.ranges, parent, workload.name));
}

void addCandidateSlots(const Project &project, std::size_t c, std::vector<ParamSlot> &out)
{
    const Candidate &candidate = project.candidates[c];
    const Pointer base = Pointer("/candidates") / c;
    for (std::size_t n = 0; n < candidate.nodes.size(); ++n) {
        const Node &node = candidate.nodes[n];
        const Pointer parent = base / "nodes" / n / "params";
        for (const ParamSpec &spec : nodeParamSpecs(node.kind))
            if (isRangeable(spec))
                out.push_back(makeSlot(SlotOwner::Node, c, n, spec, node.number(spec.key),
                                       node.ranges, parent, node.name));
    }
    for (std::size_t e = 0; e < candidate.edges.size(); ++e) {
        const Edge &edge = candidate.edges[e];
        const Node *from = candidate.findNode(edge.from);
        const Node *to = candidate.findNode(edge.to);
        const std::string name = (from ? from->name : edge.from) + " → " + (to ? to->name : edge.to);
        const Pointer parent = base / "edges" / e;
        for (const ParamSpec &spec : edgeFieldSpecs())
            out.push_back(makeSlot(SlotOwner::Edge, c, e, spec, edge.number(spec.key),
                                   edge.ranges, parent, name));
    }
}

void repairServiceReplicas(Node &node, const std::string &changedKey)
{
    if (node.kind != NodeKind::Service)
        return;
    const double minReplicas = node.number("minReplicas");
    const double maxReplicas = node.number("maxReplicas");
    if (minReplicas <= maxReplicas)
        return;
    if (changedKey == "minReplicas")
        node.params["maxReplicas"] = minReplicas;
    else
        node.params["minReplicas"] = maxReplicas;
}

void repairBusinessHours(Workload &workload, const std::string &changedKey)
{
    if (workload.shape != WorkloadShape::BusinessHours)
        return;
    constexpr double minuteH = 1.0 / 60.0;
    const double start = workload.number("startHour");
    const double end = workload.number("endHour");
    if (end > start)
        return;
    if (changedKey == "startHour")
        workload.params["startHour"] = std::max(0.0, end - minuteH);
    else
        workload.params["endHour"] = std::min(24.0, start + minuteH);
}

} // namespace

std::vector<ParamSlot> numericSlots(const Project &project)
{
    std::vector<ParamSlot> out;
    for (std::size_t w = 0; w < project.workloads.size(); ++w)
        addWorkloadSlots(project, w, out);
    for (std::size_t c = 0; c < project.candidates.size(); ++c)
        addCandidateSlots(project, c, out);
    return out;
}

std::vector<ParamSlot> slotsAffecting(const Project &project, std::size_t candidateIndex)
{
    std::vector<ParamSlot> out;
    const Candidate &candidate = project.candidates.at(candidateIndex);
    std::set<std::string> used;
    for (const Node &node : candidate.nodes)
        if (node.kind == NodeKind::Client && !node.workload.empty())
            used.insert(node.workload);
    for (std::size_t w = 0; w < project.workloads.size(); ++w)
        if (used.count(project.workloads[w].id))
            addWorkloadSlots(project, w, out);
    addCandidateSlots(project, candidateIndex, out);
    return out;
}

void setSlotValue(Project &project, const ParamSlot &slot, double value)
{
    const ParamSpec &spec = *slot.spec;
    if (spec.type == ParamType::Integer)
        value = std::round(value);
    value = std::clamp(value, spec.minimum, spec.maximum);
    switch (slot.owner) {
    case SlotOwner::Workload: {
        Workload &workload = project.workloads.at(slot.index);
        workload.params[spec.key] = value;
        repairBusinessHours(workload, spec.key);
        break;
    }
    case SlotOwner::Node: {
        Node &node = project.candidates.at(slot.candidate).nodes.at(slot.index);
        node.params[spec.key] = value;
        repairServiceReplicas(node, spec.key);
        break;
    }
    case SlotOwner::Edge:
        project.candidates.at(slot.candidate).edges.at(slot.index).setNumber(spec.key, value);
        break;
    }
}

ParamRange lowHighOf(const ParamSlot &slot)
{
    if (slot.range)
        return *slot.range;
    const ParamSpec &spec = *slot.spec;
    double low = slot.value * 0.8;
    double high = slot.value * 1.2;
    if (spec.type == ParamType::Integer) {
        low = std::floor(low);
        high = std::ceil(high);
    }
    return {std::clamp(low, spec.minimum, spec.maximum),
            std::clamp(high, spec.minimum, spec.maximum)};
}

} // namespace skyline
