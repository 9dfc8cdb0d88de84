#pragma once
// The figures a node carries on the canvas as badges, chosen by one function for the studio's
// canvas, the exported images and the report, so that they can never disagree.

#include "engine/Evaluation.h"

#include <QFont>
#include <QRectF>
#include <QString>

#include <optional>
#include <string>

namespace skyline {

/// The figures a node shows as badges; an unset figure is not drawn.
struct NodeBadges
{
    std::optional<double> monthlyCostUsd;
    std::optional<int> peakInstances;
    std::optional<double> p99Ms;
    QString warningText; ///< non-empty: a warning sign with this tooltip
    bool operator==(const NodeBadges &) const = default;
};

/// The badges of `nodeId` from its candidate's evaluation: its monthly cost (when it costs
/// anything), the instances or replicas it needs at peak (functions and services, rounded up:
/// 3.2 busy instances need 4), its p99 (a client: its entry's end-to-end p99) and its warnings.
NodeBadges badgesFor(const CandidateEvaluation &evaluation, const std::string &nodeId);

/// The badge line in compact form, "$13.9k/mo  ▲12  p99 1.4 s" (report/NumberFormat), the
/// same on the canvas, in exported images and in the report.
QString badgeText(const NodeBadges &badges);

/// Every figure of the badges in full, one per line, for the node's tooltip.
QString badgeToolTip(const NodeBadges &badges);

/// The badge strip below a node box: as wide as the box, or wider (centred) when the text
/// and the warning sign need it, so that no badge is ever clipped.
QRectF badgeRect(const NodeBadges &badges, const QRectF &box, const QFont &font);

/// The font badges are written in, from the item's font.
QFont badgeFont(const QFont &base);

/// Height of the badge strip in scene pixels.
inline constexpr double badgeHeightPx = 18;

} // namespace skyline
