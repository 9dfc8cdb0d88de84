#include "canvas/NodeBadges.h"

#include "domain/NodeKinds.h"
#include "report/DiagnosticText.h"
#include "report/NumberFormat.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace skyline {

namespace {

/// "P(cold) 0.0084 ± 0.0004 %, alive 78.6 ± 0.2, peak 90.9 ± 2.5 (95 %, 12 simulated days)",
/// its numbers written like every other figure (the locale's decimal sign and grouping, never
/// an exponent: a P(cold) below 10⁻⁶ read "9.5e-05 %").
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
        .arg(formatFigure(100.0 * node.coldStartProbability),
             formatFigure(100.0 * plusMinus(s.coldStartProbability)),
             formatFixed(node.instances.avgAlive, 1), formatFixed(plusMinus(s.avgAlive), 1),
             formatFixed(node.instances.peak, 1), formatFixed(plusMinus(s.peak), 1), days);
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
                                                      diagnosticText(warning));
    badges.warningText = warnings.join(QLatin1Char('\n'));
    return badges;
}

QString badgeText(const NodeBadges &badges)
{
    QStringList parts;
    if (badges.monthlyCostUsd)
        parts << formatUsdPerMonth(*badges.monthlyCostUsd, FigureStyle::Compact);
    if (badges.peakInstances)
        parts << QStringLiteral("▲") + formatCount(*badges.peakInstances, FigureStyle::Compact);
    if (badges.p99Ms)
        //: the badge of a node's 99th percentile latency, e.g. "p99 1.4 s"
        parts << QCoreApplication::translate("skyline::NodeBadges", "p99 %1")
                     .arg(formatMs(*badges.p99Ms, FigureStyle::Compact));
    else if (badges.p99Fails)
        //: the badge of a node whose 99th percentile falls among failed requests
        parts << QCoreApplication::translate("skyline::NodeBadges", "p99 fails");
    return parts.join(QStringLiteral("  "));
}

QString badgeToolTip(const NodeBadges &badges)
{
    QStringList lines;
    if (badges.monthlyCostUsd)
        lines << QCoreApplication::translate("skyline::NodeBadges", "Monthly cost: %1")
                     .arg(formatUsdPerMonth(*badges.monthlyCostUsd));
    if (badges.peakInstances)
        lines << QCoreApplication::translate("skyline::NodeBadges", "Peak instances: %1")
                     .arg(formatCount(*badges.peakInstances));
    if (badges.p99Ms)
        lines << QCoreApplication::translate("skyline::NodeBadges", "p99 latency: %1")
                     .arg(formatMs(*badges.p99Ms));
    if (badges.failedShare > 0)
        lines << QCoreApplication::translate("skyline::NodeBadges",
                                             "%1 of requests fail (throttled or slower than the "
                                             "caller's timeout)%2")
                     .arg(formatShare(badges.failedShare))
                     .arg(badges.p99Fails
                              ? QCoreApplication::translate("skyline::NodeBadges", "; p99 fails")
                              : QString());
    if (!badges.precisionText.isEmpty())
        lines << badges.precisionText;
    return lines.join(QLatin1Char('\n'));
}

QFont badgeFont(const QFont &base)
{
    // Pixels, not points: the same width on screen, in PNG, SVG and PDF (whose devices
    // differ in resolution), so the strip measured here is the strip painted.
    QFont font = base;
    font.setBold(false);
    font.setPixelSize(11);
    return font;
}

QRectF badgeRect(const NodeBadges &badges, const QRectF &box, const QFont &font)
{
    const QString text = badgeText(badges);
    const bool warning = !badges.warningText.isEmpty();
    if (text.isEmpty() && !warning)
        return {};
    const double signPx = warning ? badgeHeightPx : 0.0;
    const double paddingPx = 12;
    const double textPx = text.isEmpty() ? 0.0 : QFontMetricsF(font).horizontalAdvance(text);
    const double widthPx = std::max(box.width() - 8, signPx + textPx + paddingPx);
    return QRectF(box.center().x() - widthPx / 2, box.bottom() + 2, widthPx, badgeHeightPx);
}

} // namespace skyline
