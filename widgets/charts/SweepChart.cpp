#include "SweepChart.h"

#include "LabelPlacement.h"
#include "report/NumberFormat.h"

#include <QFontMetrics>

#include <cmath>

namespace skyline {

SweepChart::SweepChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("sweepChart"));
    // Labels are placed in pixels, so once the axes and the plot's size are known.
    connect(this, &QCustomPlot::afterLayout, this, &SweepChart::placeBreakEvenLabels);
    connect(this, &QCustomPlot::afterLayout, this, &SweepChart::fitP99Label);
}

void SweepChart::setSweep(std::shared_ptr<const LoadSweep> sweep)
{
    m_sweep = std::move(sweep);
    refresh();
}

void SweepChart::setTrafficMultiplier(double multiplier)
{
    if (multiplier == m_trafficMultiplier)
        return;
    m_trafficMultiplier = multiplier;
    refresh();
}

QString SweepChart::keyText(double key) const
{
    return QStringLiteral("×%1").arg(key, 0, 'g', 3);
}

namespace {

QString nameOf(const LoadSweep &sweep, const std::string &id)
{
    for (const LoadSweepCurve &curve : sweep.candidates)
        if (curve.id == id)
            return QString::fromStdString(curve.name);
    return QString::fromStdString(id);
}

void setLogAxis(QCPAxis *axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("gb"));
}

/// The curve's cost at multiplier `at`, interpolated in log-log between its points (NaN
/// outside them).
double costAt(const std::vector<double> &multipliers, const std::vector<double> &costs, double at)
{
    for (size_t i = 0; i + 1 < multipliers.size() && i + 1 < costs.size(); ++i) {
        if (multipliers[i] > at || multipliers[i + 1] < at)
            continue;
        if (costs[i] <= 0 || costs[i + 1] <= 0 || multipliers[i] == multipliers[i + 1])
            return costs[i];
        const double t = std::log(at / multipliers[i]) / std::log(multipliers[i + 1] / multipliers[i]);
        return std::exp(std::log(costs[i]) + t * std::log(costs[i + 1] / costs[i]));
    }
    return qQNaN();
}

} // namespace

void SweepChart::addBand(const LoadSweepCurve &curve, const CandidateUncertainty &spread,
                         const QColor &color, bool inLegend)
{
    // The spread is measured at the traffic the uncertainty sampled (the slider's multiplier)
    // and scaled along each curve: the names say so, in the legend and the tooltips.
    const double sampledAt = uncertainty() ? uncertainty()->trafficMultiplier : 1.0;
    const double base = costAt(m_sweep->multipliers, curve.monthlyCostUsd, sampledAt);
    if (!(base > 0) || !std::isfinite(base))
        return;
    const double lowFactor = spread.monthlyCostUsd.p10 / base;
    const double highFactor = spread.monthlyCostUsd.p90 / base;
    QVector<double> keys;
    QVector<double> low;
    QVector<double> high;
    for (size_t i = 0; i < m_sweep->multipliers.size() && i < curve.monthlyCostUsd.size(); ++i) {
        keys << m_sweep->multipliers[i];
        low << curve.monthlyCostUsd[i] * lowFactor;
        high << curve.monthlyCostUsd[i] * highFactor;
    }
    const QString name = QString::fromStdString(curve.name);
    QCPGraph *lower = addGraph(xAxis, yAxis);
    const QString at = formatNumber(sampledAt, 3);
    lower->setName(tr("%1 P10 (ranges sampled at traffic ×%2, scaled)").arg(name, at));
    lower->setData(keys, low, true);
    lower->setPen(Qt::NoPen);
    lower->removeFromLegend();
    QCPGraph *upper = addGraph(xAxis, yAxis);
    upper->setName(inLegend ? tr("P10–P90 from ranges sampled at traffic ×%1, scaled").arg(at)
                            : tr("%1 P90 (ranges sampled at traffic ×%2, scaled)").arg(name, at));
    upper->setData(keys, high, true);
    upper->setPen(Qt::NoPen);
    QColor fill = color;
    fill.setAlpha(50);
    upper->setBrush(fill);
    upper->setChannelFillGraph(lower);
    if (!inLegend)
        upper->removeFromLegend();
    upper->setLayer(QStringLiteral("grid")); // behind the curves
    lower->setLayer(QStringLiteral("grid"));
    m_bandGraphs << upper;
}

void SweepChart::rebuild(const Evaluation *, const CandidateEvaluation *)
{
    m_breakEvenGraph = nullptr;
    m_bandGraphs.clear();
    m_breakEvenLabels.clear(); // the items went with the rebuild's clearItems()
    m_breakEvenAnchors.clear();
    const LoadSweep &sweep = *m_sweep;
    setLogAxis(xAxis);
    setLogAxis(yAxis);
    setLogAxis(yAxis2);
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("p99 at the busiest hour (ms, dashed)")); // fitP99Label() may shorten it
    setAxisLabels(tr("Traffic multiplier"), tr("USD per month"));
    QStringList invalid;
    const QVector<double> keys(sweep.multipliers.begin(), sweep.multipliers.end());
    for (size_t c = 0; c < sweep.candidates.size(); ++c) {
        const LoadSweepCurve &curve = sweep.candidates[c];
        if (!curve.valid()) {
            invalid << QString::fromStdString(curve.name);
            continue;
        }
        const QColor color = seriesColor(int(c));
        if (const CandidateUncertainty *spread = uncertaintyOf(curve.id))
            addBand(curve, *spread, color, m_bandGraphs.isEmpty());
        QCPGraph *cost = addGraph(xAxis, yAxis);
        cost->setName(QString::fromStdString(curve.name));
        cost->setData(keys, QVector<double>(curve.monthlyCostUsd.begin(),
                                            curve.monthlyCostUsd.end()), true);
        cost->setPen(QPen(color, 2.0));
        cost->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3.5));
        tagSeries(cost, QString(), color);
        QCPGraph *p99 = addGraph(xAxis, yAxis2);
        p99->setName(tr("%1 p99").arg(QString::fromStdString(curve.name)));
        QVector<double> p99Ms(curve.p99Ms.begin(), curve.p99Ms.end());
        for (double &ms : p99Ms)
            if (std::isinf(ms))
                ms = qQNaN(); // fails at that load: a gap, never a number
        p99->setData(keys, p99Ms, true);
        p99->setPen(QPen(color, 1.0, Qt::DashLine));
        p99->removeFromLegend();
    }
    setTitle(invalid.isEmpty()
                 ? tr("Monthly cost against traffic — %n break-even point(s)", "",
                      int(sweep.breakEven.size()))
                 : tr("Monthly cost against traffic (cannot evaluate: %1)")
                       .arg(invalid.join(QStringLiteral(", "))));
    if (!sweep.breakEven.empty()) {
        m_breakEvenGraph = addGraph(xAxis, yAxis);
        m_breakEvenGraph->setName(tr("Break-even"));
        m_breakEvenGraph->setLineStyle(QCPGraph::lsNone);
        m_breakEvenGraph->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0), QColor(255, 255, 255), 10));
        QVector<QPointF> logPoints;
        for (const CostBreakEven &point : sweep.breakEven) {
            m_breakEvenGraph->addData(point.multiplier, point.monthlyCostUsd);
            logPoints << QPointF(std::log10(std::max(point.multiplier, 1e-300)),
                                 std::log10(std::max(point.monthlyCostUsd, 1e-300)));
        }
        // Crossings within 15 % of each other in traffic and cost share one label (the
        // thumbnails example crosses three times between ×0.12 and ×0.13: three labels there
        // did not fit a small chart).
        constexpr double sameSpotLog10 = 0.06;
        for (const QVector<int> &group : clusterPoints(logPoints, sameSpotLog10)) {
            QStringList lines;
            for (int i : group) {
                const CostBreakEven &point = sweep.breakEven[size_t(i)];
                lines << tr("%1 = %2\n×%3, %4")
                             .arg(nameOf(sweep, point.a), nameOf(sweep, point.b),
                                  formatMultiplier(point.multiplier),
                                  formatUsdPerMonth(point.monthlyCostUsd));
            }
            const CostBreakEven &first = sweep.breakEven[size_t(group.front())];
            auto *label = new QCPItemText(this);
            label->position->setCoords(first.multiplier, first.monthlyCostUsd);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            label->setTextAlignment(Qt::AlignLeft);
            label->setPadding(QMargins(3, 2, 3, 2));
            label->setText(lines.join(QLatin1Char('\n')));
            label->setBrush(QColor(255, 255, 255, 200));
            m_breakEvenLabels << label;
            m_breakEvenAnchors << QPointF(first.multiplier, first.monthlyCostUsd);
        }
    }
    auto *now = new QCPItemStraightLine(this);
    now->point1->setCoords(m_trafficMultiplier, 1);
    now->point2->setCoords(m_trafficMultiplier, 10);
    now->setPen(QPen(QColor(60, 60, 60), 1.5, Qt::DashDotLine));
    auto *nowLabel = new QCPItemText(this);
    nowLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    nowLabel->position->setCoords(m_trafficMultiplier, 1.0);
    nowLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    nowLabel->setText(tr("what-if ×%1").arg(formatNumber(m_trafficMultiplier, 2)));
}

void SweepChart::fitP99Label()
{
    if (!yAxis2->visible() || yAxis2->label().isEmpty())
        return;
    // The axes' sizes are known now; the labels are drawn after this, and the title's length
    // does not change the layout (rotated, only its line height takes room).
    const QFontMetrics metrics(yAxis2->labelFont());
    const QStringList forms{tr("p99 at the busiest hour (ms, dashed)"), tr("p99 (ms, dashed)"),
                            tr("p99 (ms)")};
    QString label = forms.back();
    for (const QString &form : forms) {
        if (metrics.horizontalAdvance(form) <= axisRect()->height()) {
            label = form;
            break;
        }
    }
    yAxis2->setLabel(label);
}

void SweepChart::placeBreakEvenLabels()
{
    if (m_breakEvenLabels.isEmpty())
        return;
    for (const QPointer<QCPItemText> &label : std::as_const(m_breakEvenLabels))
        if (!label)
            return; // a message replaced the chart's items
    QVector<QPointF> anchors;
    QVector<QSizeF> sizes;
    for (int i = 0; i < m_breakEvenLabels.size(); ++i) {
        const QCPItemText *label = m_breakEvenLabels.at(i);
        anchors << QPointF(xAxis->coordToPixel(m_breakEvenAnchors.at(i).x()),
                           yAxis->coordToPixel(m_breakEvenAnchors.at(i).y()));
        // As QCPItemText measures itself: the text's bounding box plus the padding.
        const QRect text = QFontMetrics(label->font()).boundingRect(
            0, 0, 0, 0, Qt::TextDontClip | label->textAlignment(), label->text());
        const QMargins padding = label->padding();
        sizes << QSizeF(text.width() + padding.left() + padding.right() + 1,
                        text.height() + padding.top() + padding.bottom() + 1);
    }
    const QVector<QRectF> rects = placeLabels(anchors, sizes, axisRect()->rect());
    for (int i = 0; i < m_breakEvenLabels.size(); ++i)
        m_breakEvenLabels.at(i)->position->setPixelPosition(rects.at(i).topLeft());
}

} // namespace skyline
