#pragma once
// The comparison view: every candidate's headline figures side by side (the
// rows of report/Comparison.h), the best of each row marked in bold and colour with a tooltip
// saying why, and the charts overlaid per candidate: load, latency and cost, and the
// cost-versus-load sweep with its break-even points.

#include "engine/Evaluation.h"
#include "engine/Sweep.h"
#include "engine/Uncertainty.h"

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;
class QTabWidget;

namespace skyline {

class ComparisonTable;
class CostChart;
class LatencyChart;
class LoadChart;
class ResultChart;
class SweepChart;

class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    /// Shows `evaluation` (every candidate); `project` gives node names (may be null).
    void setEvaluation(std::shared_ptr<const Evaluation> evaluation,
                       std::shared_ptr<const Project> project = nullptr);
    void setSweep(std::shared_ptr<const LoadSweep> sweep);
    /// The ranges' uncertainty (null: the project has none): the "cheapest in N % of
    /// samples" row and the P10–P90 bands of the cost and sweep charts.
    void setUncertainty(std::shared_ptr<const UncertaintyResult> uncertainty);
    /// Where the what-if slider stands (marked on the sweep chart).
    void setTrafficMultiplier(double multiplier);

    /// The figures table: a row per headline figure, a column per candidate.
    QTableWidget *table() const { return m_table; }
    /// Keys of the table's rows, in order ("monthlyCostUsd", ...).
    QStringList rowKeys() const { return m_rowKeys; }
    /// Whether the cell of that row key and candidate column is marked best.
    bool isMarkedBest(const QString &rowKey, int column) const;
    QTabWidget *chartTabs() const { return m_chartTabs; }
    QList<ResultChart *> charts() const;
    SweepChart *sweepChart() const { return m_sweep; }

    /// The translated label of a comparison row key (falls back to `fallback`).
    static QString rowLabel(const QString &key, const QString &fallback = {});

protected:
    /// A new language (Preferences): tab titles and the table again.
    void changeEvent(QEvent *event) override;

private:
    void fillTable();
    void retranslateTabs();
    /// The table's frame, header and rows: the height that shows every row, nothing more.
    int tableContentHeightPx() const;
    void fitTableHeight();

    std::shared_ptr<const Evaluation> m_evaluation;
    std::shared_ptr<const UncertaintyResult> m_uncertainty;
    QStringList m_rowKeys;
    QLabel *m_caption = nullptr;
    QTableWidget *m_table = nullptr;
    QTabWidget *m_chartTabs = nullptr;
    LoadChart *m_load = nullptr;
    LatencyChart *m_latency = nullptr;
    CostChart *m_cost = nullptr;
    SweepChart *m_sweep = nullptr;
};

} // namespace skyline
