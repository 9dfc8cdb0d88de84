#pragma once
// The primitive operations of the Document's one undo command. Private to the document:
// views edit through the Document's methods and never see these.

#include "Document.h"

#include <optional>
#include <string>
#include <variant>

namespace skyline {

/// One reversible change of one entity in its list: an insert (no `before`), a removal
/// (no `after`) or a replacement (both).
template <typename T>
struct EntityChange
{
    std::string candidateId; ///< the owner candidate (nodes, edges, contexts); else empty
    size_t index = 0;        ///< position of an insert or a removal (keeps the order on undo)
    std::optional<T> before;
    std::optional<T> after;
};

/// A change of the project's name, description or pricing.
struct MetaChange
{
    ProjectMeta before;
    ProjectMeta after;
};

/// One primitive operation: the change of one entity kind.
struct DocumentOperation
{
    std::variant<MetaChange, EntityChange<Candidate>, EntityChange<Workload>, EntityChange<Node>,
                 EntityChange<Edge>, EntityChange<Context>>
        change;
};

} // namespace skyline
