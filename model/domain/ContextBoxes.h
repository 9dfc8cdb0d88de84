#pragma once
// Which context box a point of the canvas belongs to: a node placed, moved or pasted there
// joins it.

#include "domain/Project.h"

#include <string>

namespace skyline {

/// The id of the smallest context box of the candidate that contains `pos`, or empty.
std::string contextContaining(const Candidate &candidate, PointF pos);

} // namespace skyline
