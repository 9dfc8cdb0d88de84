#pragma once
// Fresh ids for entities added to a project (pasted, duplicated, imported). One pass over the
// project builds the set of used ids; each new id then costs about one lookup, so renaming n
// entities is linear in n (uniqueId() scans the whole project per call).

#include "domain/Project.h"

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace skyline {

class IdAllocator
{
public:
    /// Every id the project uses is taken (workloads, candidates, contexts, nodes, edges).
    explicit IdAllocator(const Project &project);

    /// The first id `prefix`N (N = 1, 2 ...) not taken yet, as uniqueId() would give; taken.
    std::string fresh(const std::string &prefix);
    /// `id` itself when it is free (then taken), else fresh(prefix).
    std::string keepOrRenew(const std::string &id, const std::string &prefix);
    bool taken(const std::string &id) const { return m_taken.count(id) > 0; }

private:
    std::unordered_set<std::string> m_taken;
    std::unordered_map<std::string, long> m_next; ///< per prefix: below it, all are taken
};

enum class Renaming {
    Every,        ///< every id gets a fresh one (paste, duplicate)
    OnlyClashing, ///< ids keep their names unless taken (import)
};

/// Renames the contexts, nodes and edges of `candidate` with ids from `ids` (prefixes x, n, e)
/// and follows the references (a node's context, an edge's ends). Returns every changed id,
/// old -> new.
std::map<std::string, std::string> renameIds(Candidate &candidate, IdAllocator &ids,
                                             Renaming renaming);

} // namespace skyline
