#pragma once
// The node-kind table: one row per NodeKind with everything the rest of Skyline needs to know
// about the kind: its file name, its display name and palette description (marked for
// translation), its icon and colour, whether it is deployable, which figures apply to it and
// which parameter names its product. toString/nodeKindFromString, the canvas and palette
// (widgets/canvas/NodeKindInfo), the badges, Complexity and the product table read it.
// Parameters and their defaults stay in ParamSchema (nodeParamSpecs); products in Products.
// Plain C++, no Qt.

#include "domain/Project.h"

#include <cstdint>

/// Marks a string for translation in plain C++: lupdate reads it as QT_TRANSLATE_NOOP (see
/// the -tr-function-alias in app/gui/CMakeLists.txt); the GUI translates it at run time with
/// QCoreApplication::translate(context, text).
#define SKYLINE_TR_NOOP(context, text) text

namespace skyline {

/// Translation contexts of the kind table's strings: displayName and description; shortName
/// and addText (the contexts they had before the table, so the catalogues keep them).
inline constexpr const char *nodeKindTrContext = "skyline::NodeKind";
inline constexpr const char *nodeKindDocumentTrContext = "skyline::Document";

/// Which per-node figures apply to a kind (badges, charts).
struct NodeKindFigures
{
    bool instances = false;   ///< instances or replicas over the day
    bool coldStarts = false;  ///< cold starts per day
    bool utilization = false; ///< busiest minute's utilisation
    bool p99 = false;         ///< p99 latency of the calls it serves
};

struct NodeKindTraits
{
    NodeKind kind;
    const char *id;             ///< file name, e.g. "function"
    const char *displayName;    ///< English, SKYLINE_TR_NOOP-marked ("Queue / topic")
    const char *description;    ///< English, SKYLINE_TR_NOOP-marked palette tooltip
    const char *shortName;      ///< a new node's name and the panel's kind label ("Queue"),
                                ///< translated in context "skyline::Document"
    const char *addText;        ///< undo text of adding one ("Add queue"), same context; one
                                ///< whole sentence per kind so translations can inflect
    const char *iconName;       ///< ":/icons/<iconName>.svg"
    std::uint32_t colorRgb;     ///< accent colour 0xRRGGBB
    bool deployable;            ///< code the team deploys (counts towards complexity, coupling)
    NodeKindFigures figures;
    const char *productParam;   ///< parameter naming its product; "" when it has none
};

/// One row per kind, in the order of allNodeKinds (the palette's order).
const std::array<NodeKindTraits, allNodeKinds.size()> &nodeKindTable();
/// The row of a kind.
const NodeKindTraits &nodeKindTraits(NodeKind kind);

} // namespace skyline
