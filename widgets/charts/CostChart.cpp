#include "CostChart.h"

#include "report/FigureLabels.h"
#include "report/NumberFormat.h"

#include <map>

namespace skyline {

CostChart::CostChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("costChart"));
}

QString CostChart::valueText(double value) const
{
    return formatUsdPerMonth(value);
}

namespace {

/// Line items in the order they first appear.
QStringList itemsOf(const std::vector<CostLine> &lines)
{
    QStringList items;
    for (const CostLine &line : lines)
        if (!items.contains(QString::fromStdString(line.item)))
            items << QString::fromStdString(line.item);
    return items;
}

} // namespace

void CostChart::addTotalBand(const Evaluation &evaluation, const CandidateEvaluation &candidate,
                             QStringList &labels)
{
    const CandidateUncertainty *spread = uncertaintyOf(candidate.id);
    // The ranges are sampled at the Traffic slider's multiplier: while they catch up with a
    // new one, the band of the old one is not shown.
    if (!spread || evaluation.trafficMultiplier != uncertainty()->trafficMultiplier)
        return;
    int index = 0;
    for (size_t c = 0; c < evaluation.candidates.size(); ++c)
        if (evaluation.candidates[c].id == candidate.id)
            index = int(c);
    labels << tr("Total");
    m_categoryNodes << QString();
    setCategories(xAxis, labels);
    const double key = labels.size();
    QColor fill = seriesColor(index);
    fill.setAlpha(70);
    m_bandBars = new QCPBars(xAxis, yAxis);
    m_bandBars->setName(bandLegendText());
    m_bandBars->setWidth(0.5);
    m_bandBars->setBaseValue(spread->monthlyCostUsd.p10);
    m_bandBars->addData(key, spread->monthlyCostUsd.p90 - spread->monthlyCostUsd.p10);
    m_bandBars->setBrush(fill);
    m_bandBars->setPen(QPen(fill.darker(160), 1.0));
    auto *total = addGraph(xAxis, yAxis);
    total->setName(tr("Total as evaluated"));
    total->setLineStyle(QCPGraph::lsNone);
    total->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, QPen(Qt::black, 2.0), Qt::NoBrush, 14));
    total->addData(key, candidate.monthlyCostUsd);
    // An invisible point at P90 so that fitting the axes keeps the band's top in view.
    auto *top = addGraph(xAxis, yAxis);
    top->setLineStyle(QCPGraph::lsNone);
    top->setScatterStyle(QCPScatterStyle::ssNone);
    top->addData(key, spread->monthlyCostUsd.p90);
    top->removeFromLegend();
    top->setName(tr("P90 from ranges"));
}

void CostChart::rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate)
{
    m_highlightBand = nullptr; // cleared with the items
    m_bandBars = nullptr;
    m_categoryNodes.clear();
    yAxis->setLabel(tr("USD per month"));
    m_csvValueHeader = tr("USD per month");
    if (!isOverlay()) {
        const CandidateUncertainty *spread = uncertaintyOf(candidate->id);
        if (spread && evaluation->trafficMultiplier == uncertainty()->trafficMultiplier)
            setTitle(tr("Cost per month — %1: total %2, P10–P90 %3–%4 from ranges")
                         .arg(QString::fromStdString(candidate->name),
                              formatUsd(candidate->monthlyCostUsd),
                              formatUsd(spread->monthlyCostUsd.p10),
                              formatUsd(spread->monthlyCostUsd.p90)));
        else
            setTitle(tr("Cost per month — %1: total %2")
                         .arg(QString::fromStdString(candidate->name),
                              formatUsd(candidate->monthlyCostUsd)));
        xAxis->setLabel(QString());
        m_csvKeyHeader = tr("node");
        // Categories: nodes that cost something, in the candidate's order, platform fees last.
        QStringList labels;
        std::map<std::string, int> category;
        for (const NodeResult &node : candidate->nodes) {
            for (const CostLine &line : candidate->cost) {
                if (line.node == node.id && !category.count(node.id)) {
                    labels << nodeName(node.id);
                    m_categoryNodes << QString::fromStdString(node.id);
                    category[node.id] = int(labels.size());
                }
            }
        }
        for (const CostLine &line : candidate->cost) {
            if (!category.count(line.node)) { // platform fees, or a node the results lack
                labels << nodeName(line.node);
                m_categoryNodes << QString::fromStdString(line.node);
                category[line.node] = int(labels.size());
            }
        }
        if (labels.isEmpty())
            return;
        addTotalBand(*evaluation, *candidate, labels);
        setCategories(xAxis, labels);
        if (labels.size() > 6)
            xAxis->setTickLabelRotation(40);
        QCPBars *below = nullptr;
        const QStringList items = itemsOf(candidate->cost);
        for (int i = 0; i < items.size(); ++i) {
            QVector<double> sums(labels.size(), 0.0);
            for (const CostLine &line : candidate->cost)
                if (QString::fromStdString(line.item) == items.at(i))
                    sums[category[line.node] - 1] += line.usd;
            QVector<double> keys;
            QVector<double> values;
            for (int k = 0; k < labels.size(); ++k) {
                keys << k + 1;
                values << sums[k];
            }
            auto *bars = new QCPBars(xAxis, yAxis);
            bars->setName(costItemLabel(items.at(i).toStdString()));
            bars->setWidth(0.65);
            bars->setData(keys, values, true);
            // One colour per line item in every chart and export (issue 10 point 9).
            tagSeries(bars, QString(), costItemColor(items.at(i).toStdString()));
            tagPointNodes(bars, m_categoryNodes);
            if (below)
                bars->moveAbove(below);
            below = bars;
        }
        return;
    }
    // Overlay: line items as categories, one bar per candidate.
    QStringList titleParts;
    std::vector<CostLine> all;
    for (const CandidateEvaluation &each : evaluation->candidates) {
        titleParts << tr("%1 %2").arg(QString::fromStdString(each.name),
                                      formatUsd(each.monthlyCostUsd));
        all.insert(all.end(), each.cost.begin(), each.cost.end());
    }
    setTitle(tr("Cost per month by line item — %1").arg(titleParts.join(QStringLiteral(" · "))));
    xAxis->setLabel(tr("Line item"));
    m_csvKeyHeader = tr("line item");
    const QStringList items = itemsOf(all);
    if (items.isEmpty())
        return;
    QStringList itemLabels;
    for (const QString &item : items)
        itemLabels << costItemLabel(item.toStdString());
    setCategories(xAxis, itemLabels);
    auto *group = new QCPBarsGroup(this);
    const double width = 0.8 / std::max<size_t>(1, evaluation->candidates.size());
    for (size_t c = 0; c < evaluation->candidates.size(); ++c) {
        const CandidateEvaluation &each = evaluation->candidates[c];
        if (!each.errors.empty())
            continue;
        QVector<double> sums(items.size(), 0.0);
        for (const CostLine &line : each.cost)
            sums[items.indexOf(QString::fromStdString(line.item))] += line.usd;
        QVector<double> keys;
        for (int k = 0; k < items.size(); ++k)
            keys << k + 1;
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(QString::fromStdString(each.name));
        bars->setWidth(width);
        bars->setData(keys, sums, true);
        bars->setBarsGroup(group);
        tagSeries(bars, QString(), seriesColor(int(c)));
    }
}

void CostChart::applyHighlight()
{
    ResultChart::applyHighlight();
    // The band may already be gone with the items a refresh cleared.
    if (m_highlightBand && hasItem(m_highlightBand))
        removeItem(m_highlightBand);
    m_highlightBand = nullptr;
    const int index = m_categoryNodes.indexOf(highlightedNode());
    if (isOverlay() || highlightedNode().isEmpty() || index < 0 || !message().isEmpty())
        return;
    // A band behind the highlighted node's stack (bars of line items carry no single node).
    m_highlightBand = new QCPItemRect(this);
    m_highlightBand->setLayer(QStringLiteral("grid"));
    m_highlightBand->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_highlightBand->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_highlightBand->topLeft->setCoords(index + 1 - 0.45, 0.0);
    m_highlightBand->bottomRight->setCoords(index + 1 + 0.45, 1.0);
    m_highlightBand->setPen(QPen(QColor(0x4e, 0x79, 0xa7), 1.5, Qt::DashLine));
    m_highlightBand->setBrush(QColor(0x4e, 0x79, 0xa7, 40));
}

} // namespace skyline
