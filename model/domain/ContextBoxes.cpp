#include "domain/ContextBoxes.h"

namespace skyline {

std::string contextContaining(const Candidate &candidate, PointF pos)
{
    const Context *best = nullptr;
    auto area = [](const RectF &r) { return r.width * r.height; };
    for (const Context &x : candidate.contexts)
        if (x.rect.contains(pos) && (!best || area(x.rect) < area(best->rect)))
            best = &x;
    return best ? best->id : std::string();
}

} // namespace skyline
