#include "canvas/NodeBadges.h"

#include "domain/NodeKinds.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace skyline {

namespace {

/// "P(cold) 0.0084 ± 0.0004 %, alive 78.6 ± 0.2, peak 90.9 ± 2.5 (95 %, 12 simulated days)".
QString precisionTextOf(const NodeResult &node)
{
    const SimulationStats &s = node.simulation;
    if (s.days == 0)
        return {};
    const QString days = QCoreApplication::translate("NodeBadges", "%n simulated day(s)", "", s.days);
    if (!s.hasIntervals)
        return QCoreApplication::translate("NodeBadges", "%1, too few for a confidence interval")
            .arg(days);
    auto plusMinus = [](const Interval &interval) { return 0.5 * (interval.hi - interval.lo); };
    return QCoreApplication::translate("NodeBadges",
                                       "P(cold) %1 ± %2 %, alive %3 ± %4, peak %5 ± %6 (95 %, %7)")
        .arg(100.0 * node.coldStartProbability, 0, 'g', 3)
        .arg(100.0 * plusMinus(s.coldStartProbability), 0, 'g', 2)
        .arg(node.instances.avgAlive, 0, 'f', 1)
        .arg(plusMinus(s.avgAlive), 0, 'f', 1)
        .arg(node.instances.peak, 0, 'f', 1)
        .arg(plusMinus(s.peak), 0, 'f', 1)
        .arg(days);
}

} // namespace

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
        badges.precisionText = precisionTextOf(node);
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
