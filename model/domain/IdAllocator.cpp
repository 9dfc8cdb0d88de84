#include "domain/IdAllocator.h"

namespace skyline {

IdAllocator::IdAllocator(const Project &project)
{
    for (const Workload &w : project.workloads)
        m_taken.insert(w.id);
    for (const Candidate &c : project.candidates) {
        m_taken.insert(c.id);
        for (const Context &x : c.contexts)
            m_taken.insert(x.id);
        for (const Node &n : c.nodes)
            m_taken.insert(n.id);
        for (const Edge &e : c.edges)
            m_taken.insert(e.id);
    }
}

std::string IdAllocator::fresh(const std::string &prefix)
{
    long &next = m_next.try_emplace(prefix, 1).first->second;
    for (;; ++next) {
        std::string id = prefix + std::to_string(next);
        if (m_taken.insert(id).second) {
            ++next;
            return id;
        }
    }
}

std::string IdAllocator::keepOrRenew(const std::string &id, const std::string &prefix)
{
    if (m_taken.insert(id).second)
        return id;
    return fresh(prefix);
}

std::map<std::string, std::string> renameIds(Candidate &candidate, IdAllocator &ids,
                                             Renaming renaming)
{
    std::map<std::string, std::string> changed;
    // Ids within a candidate are one namespace, so one map follows every reference.
    std::unordered_map<std::string, std::string> local;
    auto rename = [&](std::string &id, const std::string &prefix) {
        const std::string old = id;
        id = renaming == Renaming::Every ? ids.fresh(prefix) : ids.keepOrRenew(old, prefix);
        local.emplace(old, id);
        if (id != old)
            changed[old] = id;
    };
    auto follow = [&](std::string &reference) {
        if (const auto it = local.find(reference); it != local.end())
            reference = it->second;
    };
    for (Context &x : candidate.contexts)
        rename(x.id, "x");
    for (Node &n : candidate.nodes)
        rename(n.id, "n");
    for (Node &n : candidate.nodes)
        if (!n.context.empty())
            follow(n.context);
    for (Edge &e : candidate.edges) {
        rename(e.id, "e");
        follow(e.from);
        follow(e.to);
    }
    return changed;
}

} // namespace skyline
