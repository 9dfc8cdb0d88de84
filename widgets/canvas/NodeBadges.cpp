#include "canvas/NodeBadges.h"

#include "domain/NodeKinds.h"

#include <QStringList>

#include <cmath>

namespace skyline {

NodeBadges badgesFor(const CandidateEvaluation &evaluation, const std::string &nodeId)
{
    NodeBadges badges;
    for (const NodeResult &node : evaluation.nodes) {
        if (node.id != nodeId)
            continue;
        if (node.monthlyCostUsd > 0)
            badges.monthlyCostUsd = node.monthlyCostUsd;
        const NodeKindFigures &figures = nodeKindTraits(node.kind).figures;
        if (figures.instances)
            badges.peakInstances = int(std::ceil(node.instances.peak));
        if (figures.p99 && node.latencyMs.p99 > 0)
            badges.p99Ms = node.latencyMs.p99;
        badges.failedShare = node.failedShare.total;
    }
    for (const EntryResult &entry : evaluation.entries)
        if (entry.id == nodeId && entry.latencyMs.p99 > 0) {
            badges.p99Ms = entry.latencyMs.p99;
            badges.failedShare = entry.failedShare.total;
        }
    if (badges.p99Ms && std::isinf(*badges.p99Ms)) { // among failures: never a number
        badges.p99Ms.reset();
        badges.p99Fails = true;
    }
    QStringList warnings;
    for (const Warning &warning : evaluation.warnings)
        if (warning.node == nodeId)
            warnings << QStringLiteral("[%1] %2").arg(QString::fromStdString(warning.code),
                                                      QString::fromStdString(warning.message));
    badges.warningText = warnings.join(QLatin1Char('\n'));
    return badges;
}

} // namespace skyline
