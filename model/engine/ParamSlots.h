#pragma once
// Every numeric parameter of a project as a "slot" (DESIGN.md §7): where it is (workload,
// or node / edge of a candidate), its spec, its value, its range and its JSON pointer in the
// file. Uncertainty samples the slots that carry a range; sensitivity moves every slot of a
// candidate from its low to its high. Plain C++, no Qt.

#include "domain/ParamSchema.h"
#include "domain/Project.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace skyline {

enum class SlotOwner { Workload, Node, Edge };

struct ParamSlot
{
    SlotOwner owner = SlotOwner::Node;
    std::size_t candidate = 0; ///< index into project.candidates (nodes and edges)
    std::size_t index = 0;     ///< index of the workload, node or edge
    const ParamSpec *spec = nullptr;
    double value = 0;          ///< the parameter's value (its default when the file omits it)
    std::optional<ParamRange> range;
    std::string pointer;       ///< e.g. "/candidates/0/nodes/2/params/durationMs"
    std::string name;          ///< e.g. "Place order: Run time"
};

/// Every rangeable parameter of the project, in file order: workloads first, then per
/// candidate its nodes' params and its edges' perRequest and latencyMs.
std::vector<ParamSlot> numericSlots(const Project &project);

/// The slots of `candidateIndex` and of the workloads its clients use: what can move its
/// figures.
std::vector<ParamSlot> slotsAffecting(const Project &project, std::size_t candidateIndex);

/// Sets the slot's parameter in `project` (same shape as the project the slot came from),
/// rounding whole-number parameters and clamping to the parameter's allowed values; then
/// restores the cross-field rules the file guarantees (maxReplicas >= minReplicas, endHour
/// after startHour) should the new value break them.
void setSlotValue(Project &project, const ParamSlot &slot, double value);

/// The slot's range, or value ± 20 % clamped to the allowed values (whole numbers widened to
/// the next whole number, so that 2 replicas become 1 … 3).
ParamRange lowHighOf(const ParamSlot &slot);

} // namespace skyline
