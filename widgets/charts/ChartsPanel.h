#pragma once
// All result charts, fed by one EvaluationRunner, for the main window to place: each chart is
// a widget of its own (with a stable objectName for QMainWindow::saveState) so the window can
// put it in a QDockWidget; a progress indicator shows what the runner is refining.

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QToolButton;

namespace skyline {

class BlastRadiusChart;
class ColdStartChart;
class ComplexityChart;
class CostChart;
class EvaluationRunner;
class InstancesChart;
class LatencyChart;
class LoadChart;
class RangeRunner;
class ResultChart;
class SweepChart;
class TornadoChart;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Creates every chart and connects them to `runner` (not owned; must outlive the panel).
    explicit ChartsPanel(EvaluationRunner *runner, QWidget *parent = nullptr);

    /// The charts with their (translated) titles, in the order of chartCatalog(). The panel lays them out in
    /// tabs until the main window takes them: reparenting a chart into a QDockWidget is fine.
    QList<QPair<QString, QWidget *>> charts() const;
    QList<ResultChart *> resultCharts() const { return m_charts; }
    /// The progress indicator (bar + label), for a status bar or a dock of its own.
    QWidget *progressWidget() const { return m_progress; }
    /// Feeds the ranges' analyses (not owned; must outlive the panel): the P10–P90 bands and
    /// the tornado chart, and their own progress line with a Cancel button. The sensitivity
    /// runs on demand: only while a chart that draws it is on screen.
    void setRangeRunner(RangeRunner *runner);
    /// The ranges' progress (bar, label, Cancel), for the status bar; shown while they run.
    QWidget *rangeProgressWidget() const { return m_rangeProgress; }
    QToolButton *rangeCancelButton() const { return m_rangeCancel; }

    LoadChart *loadChart() const { return m_load; }
    InstancesChart *instancesChart() const { return m_instances; }
    LatencyChart *latencyChart() const { return m_latency; }
    ColdStartChart *coldStartChart() const { return m_coldStarts; }
    CostChart *costChart() const { return m_cost; }
    SweepChart *sweepChart() const { return m_sweep; }
    ComplexityChart *complexityChart() const { return m_complexity; }
    BlastRadiusChart *blastRadiusChart() const { return m_blastRadius; }
    TornadoChart *tornadoChart() const { return m_tornado; }

public slots:
    /// The candidate of the current canvas tab.
    void setCandidate(const QString &candidateId);
    /// Selection linking: emphasise this node's series in every chart (empty: none).
    void setHighlightedNode(const QString &nodeId);
    /// Overlay every candidate in the load, latency and cost charts (comparison view).
    void setOverlay(bool overlay);

signals:
    /// A series of a node was clicked in one of the charts.
    void nodeClicked(const QString &nodeId);

private:
    /// The chart of that class among the catalog's charts.
    template <typename Chart>
    Chart *findChart() const
    {
        for (ResultChart *chart : m_charts)
            if (auto *found = dynamic_cast<Chart *>(chart))
                return found;
        return nullptr;
    }
    void showEvaluation();
    void showProgress(int percent, const QString &what);
    void showBusy(bool busy);
    void showRangeProgress(int percent, const QString &what);
    void showRangeBusy(bool busy);
    void showUncertainty();
    void showSensitivity();
    void markSensitivityOutdated();
    /// A chart that draws the sensitivity wants it (queued from its rebuild).
    void requestSensitivityFor(ResultChart *chart);

    EvaluationRunner *m_runner = nullptr;
    QList<ResultChart *> m_charts;
    QList<QString> m_titles;
    LoadChart *m_load = nullptr;
    InstancesChart *m_instances = nullptr;
    LatencyChart *m_latency = nullptr;
    ColdStartChart *m_coldStarts = nullptr;
    CostChart *m_cost = nullptr;
    SweepChart *m_sweep = nullptr;
    ComplexityChart *m_complexity = nullptr;
    BlastRadiusChart *m_blastRadius = nullptr;
    TornadoChart *m_tornado = nullptr;
    RangeRunner *m_rangeRunner = nullptr;
    QWidget *m_rangeProgress = nullptr;
    QProgressBar *m_rangeProgressBar = nullptr;
    QLabel *m_rangeProgressLabel = nullptr;
    QToolButton *m_rangeCancel = nullptr;
    QWidget *m_progress = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressLabel = nullptr;
};

} // namespace skyline
