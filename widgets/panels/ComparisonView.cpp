#include "ComparisonView.h"

#include "report/NumberFormat.h"

#include "charts/CostChart.h"
#include "charts/LatencyChart.h"
#include "charts/LoadChart.h"
#include "charts/SweepChart.h"
#include "report/Comparison.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace skyline {
namespace {

constexpr int bestRole = Qt::UserRole + 1;

QColor bestColor()
{
    return QColor(0x1b, 0x7f, 0x3b); // green, readable on white and on alternating rows
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("comparisonView"));

    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("comparisonCaption"));
    m_caption->setWordWrap(true);
    m_caption->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Rows get their real height only once the table is polished and shown (before that
    // they have the default section size), so the cap follows every change of a row.
    connect(m_table->verticalHeader(), &QHeaderView::sectionResized, this,
            &ComparisonView::fitTableHeight);
    connect(m_table->horizontalHeader(), &QHeaderView::geometriesChanged, this,
            &ComparisonView::fitTableHeight);

    m_load = new LoadChart(this);
    m_latency = new LatencyChart(this);
    m_cost = new CostChart(this);
    m_sweep = new SweepChart(this);
    for (ResultChart *chart : charts())
        chart->setOverlay(true); // the sweep shows every candidate anyway

    m_chartTabs = new QTabWidget(this);
    m_chartTabs->setObjectName(QStringLiteral("comparisonCharts"));
    m_chartTabs->addTab(m_cost, QString());
    m_chartTabs->addTab(m_sweep, QString());
    m_chartTabs->addTab(m_latency, QString());
    m_chartTabs->addTab(m_load, QString());
    retranslateTabs();

    // The table takes the height of its rows (sizeHint follows its contents) and the charts
    // everything else: no blank band below the figures, whatever the window's height.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_table);
    layout->addWidget(m_chartTabs, 1);
    fillTable();
}

ComparisonView::~ComparisonView() = default;

QList<ResultChart *> ComparisonView::charts() const
{
    return {m_load, m_latency, m_cost, m_sweep};
}

QString ComparisonView::rowLabel(const QString &key, const QString &fallback)
{
    if (key == QLatin1String("monthlyCostUsd"))
        return tr("Monthly cost");
    if (key == QLatin1String("costPerMillionUsd"))
        return tr("Cost per million requests");
    if (key == QLatin1String("p99PeakMs"))
        return tr("p99 at peak (worst entry)");
    if (key == QLatin1String("failedShare"))
        return tr("Failed requests");
    if (key == QLatin1String("coldStartShare"))
        return tr("Cold-start share");
    if (key == QLatin1String("peakInstances"))
        return tr("Peak instances");
    if (key == QLatin1String("complexityScore"))
        return tr("Operational complexity");
    if (key == QLatin1String("worstBlastRadius"))
        return tr("Worst blast radius");
    if (key == QLatin1String("availability"))
        return tr("Availability (worst entry)");
    if (key == QLatin1String("warningCount"))
        return tr("Warnings");
    if (key == QLatin1String("cheapestShare"))
        return tr("Cheapest in % of samples");
    return fallback.isEmpty() ? key : fallback;
}

void ComparisonView::setEvaluation(std::shared_ptr<const Evaluation> evaluation,
                                   std::shared_ptr<const Project> project)
{
    m_evaluation = evaluation;
    for (ResultChart *chart : charts())
        if (chart != m_sweep)
            chart->setEvaluation(evaluation, project);
    fillTable();
}

void ComparisonView::setSweep(std::shared_ptr<const LoadSweep> sweep)
{
    m_sweep->setSweep(std::move(sweep));
}

void ComparisonView::setUncertainty(std::shared_ptr<const UncertaintyResult> uncertainty)
{
    m_uncertainty = uncertainty;
    for (ResultChart *chart : charts())
        chart->setUncertainty(uncertainty);
    fillTable();
}

void ComparisonView::setTrafficMultiplier(double multiplier)
{
    m_sweep->setTrafficMultiplier(multiplier);
}

bool ComparisonView::isMarkedBest(const QString &rowKey, int column) const
{
    const int row = int(m_rowKeys.indexOf(rowKey));
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, column) : nullptr;
    return item && item->data(bestRole).toBool();
}

int ComparisonView::tableContentHeightPx() const
{
    const QHeaderView *header = m_table->horizontalHeader();
    const int headerHeightPx = header->isVisible() ? std::max(header->height(),
                                                              header->sizeHint().height())
                                                   : header->sizeHint().height();
    int heightPx = headerHeightPx + m_table->verticalHeader()->length()
                   + 2 * m_table->frameWidth();
    if (m_table->horizontalScrollBar()->isVisible())
        heightPx += m_table->horizontalScrollBar()->height();
    return heightPx;
}

void ComparisonView::retranslateTabs()
{
    m_chartTabs->setTabText(m_chartTabs->indexOf(m_cost), tr("Cost"));
    m_chartTabs->setTabText(m_chartTabs->indexOf(m_sweep), tr("Cost vs load"));
    m_chartTabs->setTabText(m_chartTabs->indexOf(m_latency), tr("Latency"));
    m_chartTabs->setTabText(m_chartTabs->indexOf(m_load), tr("Load"));
}

void ComparisonView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_chartTabs) {
        retranslateTabs();
        fillTable();
    }
    QWidget::changeEvent(event);
}

void ComparisonView::fitTableHeight()
{
    // No taller than its rows; on a short window it may shrink to a few rows and scroll.
    const int heightPx = tableContentHeightPx();
    const int fewRowsPx = m_table->horizontalHeader()->sizeHint().height()
                          + 3 * m_table->verticalHeader()->defaultSectionSize()
                          + 2 * m_table->frameWidth();
    m_table->setMaximumHeight(heightPx);
    m_table->setMinimumHeight(std::min(heightPx, fewRowsPx));
    m_table->updateGeometry();
}

void ComparisonView::fillTable()
{
    m_table->clear();
    m_rowKeys.clear();
    if (!m_evaluation) {
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        m_caption->setText(tr("No evaluation yet."));
        fitTableHeight();
        return;
    }
    const ComparisonTable comparison =
        ComparisonTable::build(*m_evaluation, m_uncertainty.get());
    m_table->setColumnCount(comparison.columnCount());
    m_table->setHorizontalHeaderLabels(comparison.candidateNames());
    m_table->setRowCount(int(comparison.rows().size()));
    QStringList verticalLabels;
    int row = 0;
    for (const ComparisonRow &figures : comparison.rows()) {
        m_rowKeys << figures.key;
        const QString label = rowLabel(figures.key, figures.label);
        verticalLabels << label;
        for (int column = 0; column < comparison.columnCount(); ++column) {
            auto *item = new QTableWidgetItem(figures.texts.value(column));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const bool best = figures.isBest(column);
            item->setData(bestRole, best);
            if (best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setForeground(bestColor());
                item->setText(QStringLiteral("★ ") + item->text());
                item->setToolTip(figures.better == ComparisonRow::Better::Lower
                                     ? tr("Best: the lowest %1 of the candidates").arg(label)
                                     : tr("Best: the highest %1 of the candidates").arg(label));
            } else if (figures.isTied(column)) {
                item->setToolTip(tr("≈: as fast as the fastest within the 95 % confidence "
                                    "intervals of the simulated figures; none is marked best"));
            } else {
                item->setToolTip(label);
            }
            if (figures.key == QLatin1String("cheapestShare") && m_uncertainty)
                item->setToolTip(tr("%1 is the cheapest in %2 of the %3 samples drawn from the "
                                    "ranges (Latin hypercube, triangular around each value).")
                                     .arg(comparison.candidateNames().value(column),
                                          figures.texts.value(column))
                                     .arg(m_uncertainty->samples));
            m_table->setItem(row, column, item);
        }
        ++row;
    }
    m_table->setVerticalHeaderLabels(verticalLabels);
    m_table->resizeRowsToContents();
    m_caption->setText(
        tr("%n candidate(s) on the same workloads (traffic × %1); the best of each row is "
           "marked ★ in bold green; ≈ marks figures that cannot be told apart within their "
           "95 % confidence intervals, and a candidate with more than 1 % failed requests is "
           "never best on latency.", "", comparison.columnCount())
            .arg(formatNumber(m_evaluation->trafficMultiplier, 2)));
    fitTableHeight();
}

} // namespace skyline
