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
    }
    for (const EntryResult &entry : evaluation.entries)
        if (entry.id == nodeId && entry.latencyMs.p99 > 0)
            badges.p99Ms = entry.latencyMs.p99;
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
    return parts.join(QStringLiteral("  "));
}

QString badgeToolTip(const NodeBadges &badges)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("skyline::NodeBadges", text);
    };
    QStringList lines;
    if (badges.monthlyCostUsd)
        lines << tr("Monthly cost: %1").arg(formatUsdPerMonth(*badges.monthlyCostUsd));
    if (badges.peakInstances)
        lines << tr("Peak instances: %1").arg(formatCount(*badges.peakInstances));
    if (badges.p99Ms)
        lines << tr("p99 latency: %1").arg(formatMs(*badges.p99Ms));
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
