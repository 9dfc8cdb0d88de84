#pragma once
// What every result chart shares (STYLE.md habit 5): it shows one evaluation (one candidate,
// or all of them in overlay mode), rebuilds its series when a new evaluation arrives and
// replots once per event loop turn (rpQueuedReplot); a title, axis labels with units, a legend;
// a tooltip with the exact value of the nearest data point; selection linking with the canvas
// (highlighted node emphasised, a click on a series names its node); PNG, PDF, SVG and CSV
// exports; and a clear message instead of figures when there is nothing honest to show.

#include "engine/Evaluation.h"
#include "engine/Sensitivity.h"
#include "engine/Sweep.h"
#include "engine/Uncertainty.h"

#include <qcustomplot.h>

#include <QColor>
#include <QString>
#include <QStringList>

#include <memory>

namespace skyline {

class ResultChart : public QCustomPlot
{
    Q_OBJECT
public:
    explicit ResultChart(QWidget *parent = nullptr);

    /// Shows `evaluation` of `project` (the project gives node names; may be null).
    void setEvaluation(std::shared_ptr<const Evaluation> evaluation,
                       std::shared_ptr<const Project> project = nullptr);
    std::shared_ptr<const Evaluation> evaluation() const { return m_evaluation; }
    /// The ranges' P10/P50/P90 (null: the project has none); charts that draw bands
    /// (usesUncertainty()) rebuild, the others only keep it.
    void setUncertainty(std::shared_ptr<const UncertaintyResult> uncertainty);
    std::shared_ptr<const UncertaintyResult> uncertainty() const { return m_uncertainty; }
    virtual bool usesUncertainty() const { return false; }
    /// The sensitivity of every candidate and the project snapshot it was computed from (null:
    /// none yet); charts that draw it (usesSensitivity(): the tornado) rebuild, the others
    /// only keep it. The studio, the report and `skyline-cli render` feed every chart alike.
    void setSensitivity(std::shared_ptr<const SensitivityResult> sensitivity,
                        std::shared_ptr<const Project> project);
    std::shared_ptr<const SensitivityResult> sensitivity() const { return m_sensitivity; }
    /// The project the sensitivity describes (names, schema labels).
    std::shared_ptr<const Project> sensitivityProject() const { return m_sensitivityProject; }
    virtual bool usesSensitivity() const { return false; }
    /// An edit made the sensitivity outdated: a chart that draws it asks for a new one
    /// (sensitivityWanted()) once it is on screen, as hidden charts catch up; until then
    /// nothing computes it. Cleared by the next setSensitivity().
    void setSensitivityOutdated();
    bool isSensitivityOutdated() const { return m_sensitivityOutdated; }
    /// The method that made the chart's figures: the evaluation's, unless the chart computes
    /// its own (analytic) variants, as the tornado and the memory sweep do.
    virtual EvalMethod figuresMethod() const;
    /// The project the evaluation describes (null when it was not given).
    std::shared_ptr<const Project> project() const { return m_project; }
    /// Charts of the comparison view ignore it (they show every candidate).
    void setCandidate(const QString &candidateId);
    QString candidate() const { return m_candidateId; }
    /// Whether the user can see the chart: shown, and not behind another tab or dock.
    bool isOnScreen() const;
    /// Whether a change (evaluation, candidate, highlight…) waits for the chart to come on
    /// screen: a chart in a visible window that the user cannot see does not rebuild or
    /// replot; it catches up when shown, before it paints, so what the user sees is never
    /// stale. Charts of a window that is not shown (tests, headless exports) rebuild at once.
    bool isRefreshPending() const { return m_refreshPending; }
    /// Also wait while off screen when the chart's own window is hidden (a closed floating
    /// dock, such as the comparison's): for charts that live in a window of the application.
    void setDeferredWhileHidden(bool deferred) { m_deferredWhileHidden = deferred; }
    /// Rebuilds now if a change is pending (exports and hover call it themselves).
    void ensureCurrent();
    /// Emphasises that node's series (thicker, saturated), fades the others; empty: none.
    void setHighlightedNode(const QString &nodeId);
    QString highlightedNode() const { return m_highlightedNodeId; }
    /// Overlays every candidate, one colour each (only where supportsOverlay()).
    void setOverlay(bool overlay);
    bool isOverlay() const { return m_overlay; }
    virtual bool supportsOverlay() const { return false; }

    QString title() const;
    /// The message shown instead of figures (no evaluation, an error), or empty.
    QString message() const { return m_messageText; }
    /// Tooltip text for the data point nearest to `pos` (widget pixels), or empty.
    QString hoverText(const QPointF &pos);
    /// The node a plottable's data point belongs to (empty: none).
    QString nodeIdOf(QCPAbstractPlottable *plottable, int dataIndex = 0) const;

    bool exportPng(const QString &path, int width, int height);
    bool exportPdf(const QString &path);
    bool exportSvg(const QString &path);
    /// The numbers shown, one row per data point: series, node, x, y (with units in the header).
    bool exportCsv(const QString &path);
    QString csvText();

    /// Colour of the i-th series or candidate (a fixed, distinguishable palette).
    static QColor seriesColor(int index);

signals:
    void nodeClicked(const QString &nodeId);
    /// The chart is on screen (or in no window) with an outdated sensitivity.
    void sensitivityWanted();

protected:
    /// Builds the plottables from the evaluation (called with plottables and items cleared).
    /// `candidate` is the current one (null in overlay mode or for comparison charts).
    virtual void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) = 0;
    /// Whether the chart needs a current candidate (false: it shows every candidate).
    virtual bool needsCandidate() const { return !m_overlay; }
    /// Whether there is anything to show yet (the default: an evaluation).
    virtual bool hasData() const { return m_evaluation != nullptr; }
    /// The uncertainty of that candidate (null: none, or it could not be sampled).
    const CandidateUncertainty *uncertaintyOf(const std::string &candidateId) const;
    /// The legend's name of every P10–P90 band ("P10–P90 from ranges").
    static QString bandLegendText();
    /// Text of a key in tooltips and CSV (hours, category names).
    virtual QString keyText(double key) const;
    virtual QString valueText(double value) const;
    /// Re-applies pens and brushes after a highlight change (the default handles series tagged
    /// with a node id through tagSeries()).
    virtual void applyHighlight();

    /// Clears everything and rebuilds from the current evaluation and candidate, then queues
    /// a replot; deferred while the chart is off screen (see isRefreshPending()).
    void refresh();
    void showEvent(QShowEvent *event) override;
    /// A new language or locale (Preferences): titles, labels and numbers rebuilt.
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    /// Fits the axes to the data: value axis from 0, category axis around its labels.
    virtual void fitAxes();
    void setTitle(const QString &title);
    void setAxisLabels(const QString &x, const QString &y);
    void showMessage(const QString &text);
    /// Records a series' node and colour so that highlight and clicks find them.
    void tagSeries(QCPAbstractPlottable *plottable, const QString &nodeId, const QColor &color);
    /// Per-data-point nodes (bars whose categories are nodes).
    void tagPointNodes(QCPAbstractPlottable *plottable, const QStringList &nodeIds);
    /// Category axis: ticks at 1..n with these labels.
    void setCategories(QCPAxis *axis, const QStringList &labels);
    QString nodeName(const std::string &nodeId) const;
    /// A line over the day (x in hours 0-24) from 1,440 per-minute values; null when empty.
    QCPGraph *addDaySeries(const std::vector<double> &perMinute, const QString &name,
                           const QString &nodeId, const QColor &color,
                           Qt::PenStyle style = Qt::SolidLine);
    /// x axis of the day charts: hours 0-24, a tick every 3 hours.
    void setDayAxis();
    /// Column headers of the CSV (x and y with units).
    QString m_csvKeyHeader = QStringLiteral("x");
    QString m_csvValueHeader = QStringLiteral("y");
    QStringList m_categoryLabels;

private:
    /// The plottables, axes and legend from the current state (no replot).
    void rebuildSeries();
    /// Removes every plottable except the day series, which addDaySeries() refills in order.
    void keepDaySeriesForReuse();
    /// Puts the legend in a row below the plot when shown, takes it out of the layout if not.
    void placeLegend(bool shown);
    /// Rebuilds a pending change and draws it into the paint buffers now (before a paint).
    void catchUp();
    void onMouseMove(QMouseEvent *event);
    void onPlottableClick(QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *event);

    std::shared_ptr<const Evaluation> m_evaluation;
    std::shared_ptr<const UncertaintyResult> m_uncertainty;
    std::shared_ptr<const SensitivityResult> m_sensitivity;
    std::shared_ptr<const Project> m_sensitivityProject;
    bool m_sensitivityOutdated = false;
    std::shared_ptr<const Project> m_project;
    QString m_candidateId;
    QString m_highlightedNodeId;
    bool m_overlay = false;
    bool m_refreshPending = false;
    bool m_deferredWhileHidden = false;
    /// Whether a change now should wait for the chart to come on screen.
    bool shouldWaitForScreen() const;
    QString m_messageText;
    bool m_dayAxis = false;
    QCPTextElement *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    QList<QCPGraph *> m_spareDaySeries; ///< of the previous rebuild, while rebuilding
    std::map<std::string, std::string> m_nodeNames; ///< the evaluation carries ids only
};

} // namespace skyline
