#include "ResultChart.h"

#include "report/NumberFormat.h"

#include "report/DiagnosticText.h"

#include "io/Csv.h"

#include <QFile>
#include <QFontMetrics>
#include <QSvgGenerator>
#include <QTextStream>
#include <QToolTip>

#include <cmath>
#include <limits>

namespace skyline {

namespace {

/// Tick labels through the one number formatter: "15M", not "1.5·10⁷"; a decimal comma in
/// German (issue 10 point 8); as many decimals as the distance between the ticks needs, so
/// that ticks 0.005 apart do not read "0.01, 0.01, 0.02".
class FigureAxisTicker : public QCPAxisTicker
{
protected:
    QVector<QString> createLabelVector(const QVector<double> &ticks, const QLocale &, QChar,
                                       int) override
    {
        const double step = ticks.size() >= 2 ? ticks[1] - ticks[0] : 0.0;
        QVector<QString> labels;
        labels.reserve(ticks.size());
        for (const double tick : ticks)
            labels << formatAxisNumber(std::abs(tick) < 1e-12 ? 0.0 : tick, step);
        return labels;
    }
};

constexpr int fallbackExportWidth = 900;
constexpr int fallbackExportHeight = 520;
constexpr int maxLegendEntries = 14;
// Lines of width 1 take Qt's fast antialiased path; wider ones are stroked as outlines, about
// 60 times slower (130 ms instead of 2 ms for 8 day series at 1400 px): only the few series
// of the highlighted node pay for their emphasis.
constexpr double seriesPenWidth = 1.0;
constexpr double emphasisedPenWidth = 3.0;
/// Marks the graphs addDaySeries() made, which the next rebuild reuses.
constexpr const char *daySeriesProperty = "daySeries";

} // namespace

ResultChart::ResultChart(QWidget *parent) : QCustomPlot(parent)
{
    setMinimumSize(240, 160);
    setMouseTracking(true);
    setNoAntialiasingOnDrag(true);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), 10, QFont::Bold));
    plotLayout()->addElement(0, 0, m_title);
    legend->setVisible(false);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    legend->setFont(legendFont);
    legend->setBrush(QColor(255, 255, 255, 210));
    // The legend goes below the plot, in rows (placeLegend()): inside the axis rect it
    // covered curves and the break-even labels.
    axisRect()->insetLayout()->take(legend);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    connect(this, &QCustomPlot::mouseMove, this, &ResultChart::onMouseMove);
    connect(this, &QCustomPlot::plottableClick, this, &ResultChart::onPlottableClick);
    showMessage(tr("Waiting for the first evaluation…"));
}

void ResultChart::setEvaluation(std::shared_ptr<const Evaluation> evaluation,
                                std::shared_ptr<const Project> project)
{
    m_evaluation = std::move(evaluation);
    if (project) {
        m_project = project;
        m_nodeNames.clear();
        for (const Candidate &candidate : project->candidates)
            for (const Node &node : candidate.nodes)
                m_nodeNames[node.id] = node.name;
    }
    refresh();
}

void ResultChart::setUncertainty(std::shared_ptr<const UncertaintyResult> uncertainty)
{
    if (uncertainty == m_uncertainty)
        return;
    m_uncertainty = std::move(uncertainty);
    if (usesUncertainty())
        refresh();
}

void ResultChart::setSensitivity(std::shared_ptr<const SensitivityResult> sensitivity,
                                 std::shared_ptr<const Project> project)
{
    m_sensitivity = std::move(sensitivity);
    m_sensitivityProject = std::move(project);
    m_sensitivityOutdated = false;
    if (usesSensitivity())
        refresh();
}

void ResultChart::setSensitivityOutdated()
{
    if (!usesSensitivity())
        return;
    m_sensitivityOutdated = true;
    refresh(); // at once when on screen, else when it comes on screen (catchUp)
}

const CandidateUncertainty *ResultChart::uncertaintyOf(const std::string &candidateId) const
{
    if (!m_uncertainty || m_uncertainty->cancelled)
        return nullptr;
    for (const CandidateUncertainty &candidate : m_uncertainty->candidates)
        if (candidate.id == candidateId && candidate.error.empty())
            return &candidate;
    return nullptr;
}

QString ResultChart::bandLegendText()
{
    return tr("P10–P90 from ranges");
}

void ResultChart::setCandidate(const QString &candidateId)
{
    if (candidateId == m_candidateId)
        return;
    m_candidateId = candidateId;
    refresh();
}

void ResultChart::setHighlightedNode(const QString &nodeId)
{
    if (nodeId == m_highlightedNodeId)
        return;
    m_highlightedNodeId = nodeId;
    if (m_refreshPending || shouldWaitForScreen()) {
        m_refreshPending = true; // the rebuild applies it
        return;
    }
    applyHighlight();
    replot(rpQueuedReplot);
}

bool ResultChart::isOnScreen() const
{
    return isVisible() && !visibleRegion().isEmpty();
}

bool ResultChart::shouldWaitForScreen() const
{
    return (window()->isVisible() || m_deferredWhileHidden) && !isOnScreen();
}

void ResultChart::ensureCurrent()
{
    if (!m_refreshPending)
        return;
    rebuildSeries();
    replot(rpQueuedReplot);
}

void ResultChart::catchUp()
{
    if (!m_refreshPending)
        return;
    rebuildSeries();
    replot(rpQueuedRefresh); // into the buffers now (no repaint inside a paint): the coming
                             // paint shows the newest figures
}

void ResultChart::showEvent(QShowEvent *event)
{
    QCustomPlot::showEvent(event);
    catchUp();
}

void ResultChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QCustomPlot::changeEvent(event);
}

void ResultChart::paintEvent(QPaintEvent *event)
{
    // A tabified dock brought to the front gets no show event (Qt only moves it on screen):
    // its first paint is where it catches up.
    catchUp();
    QCustomPlot::paintEvent(event);
}

void ResultChart::setOverlay(bool overlay)
{
    if (!supportsOverlay() || overlay == m_overlay)
        return;
    m_overlay = overlay;
    refresh();
}

QString ResultChart::title() const
{
    return m_title->text();
}

void ResultChart::setTitle(const QString &title)
{
    // Every chart, on screen and exported, says which method made its figures (issue 10
    // point 11): the analytic figures come first, the simulation refines them.
    if (!m_evaluation) {
        m_title->setText(title);
        return;
    }
    m_title->setText(figuresMethod() == EvalMethod::Simulation
                         ? tr("%1 (simulated)").arg(title)
                         : tr("%1 (analytic)").arg(title));
}

EvalMethod ResultChart::figuresMethod() const
{
    return m_evaluation ? m_evaluation->method : EvalMethod::Analytic;
}

void ResultChart::setAxisLabels(const QString &x, const QString &y)
{
    xAxis->setLabel(x);
    yAxis->setLabel(y);
    m_csvKeyHeader = x;
    m_csvValueHeader = y;
}

void ResultChart::refresh()
{
    // Off screen in a window on screen (a tab or dock behind another, a closed dock), or in a
    // hidden window of the application (setDeferredWhileHidden): wait.
    if (shouldWaitForScreen()) {
        m_refreshPending = true;
        return;
    }
    rebuildSeries();
    replot(rpQueuedReplot);
}

void ResultChart::rebuildSeries()
{
    m_refreshPending = false;
    if (m_sensitivityOutdated)
        emit sensitivityWanted(); // the old figures stay until the new ones arrive
    keepDaySeriesForReuse();
    clearItems(); // also deletes the message item
    m_message = nullptr;
    m_messageText.clear();
    m_categoryLabels.clear();
    m_dayAxis = false;
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new FigureAxisTicker));
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new FigureAxisTicker));
    xAxis->setScaleType(QCPAxis::stLinear);
    yAxis->setScaleType(QCPAxis::stLinear);
    xAxis->setTickLabelRotation(0);
    xAxis->setRangeReversed(false);
    yAxis->setRangeReversed(false);
    // The right axis belongs to the plot that shows it (sweeps: p99): a message or another
    // plot never keeps the previous one's ticks and label.
    yAxis2->setVisible(false);
    yAxis2->setLabel(QString());
    yAxis2->setScaleType(QCPAxis::stLinear);
    yAxis2->setTicker(QSharedPointer<QCPAxisTicker>(new FigureAxisTicker));

    const CandidateEvaluation *candidate = nullptr;
    if (!hasData()) {
        showMessage(tr("Waiting for the first evaluation…"));
    } else if (needsCandidate()) {
        candidate = m_evaluation->findCandidate(m_candidateId.toStdString());
        if (!candidate)
            showMessage(m_candidateId.isEmpty() ? tr("No candidate selected")
                                                : tr("No result for this candidate"));
        else if (!candidate->errors.empty())
            showMessage(tr("Cannot evaluate %1:\n%2")
                            .arg(QString::fromStdString(candidate->name),
                                 diagnosticText(candidate->errors.front())));
    }
    if (hasData() && m_messageText.isEmpty())
        rebuild(m_evaluation.get(), candidate);
    for (QCPGraph *unused : std::as_const(m_spareDaySeries))
        removePlottable(unused);
    m_spareDaySeries.clear();
    if (m_messageText.isEmpty() && plottableCount() == 0)
        showMessage(tr("Nothing to show for this candidate"));

    const bool showLegend = m_messageText.isEmpty() && legend->itemCount() > 0
                            && legend->itemCount() <= maxLegendEntries;
    placeLegend(showLegend);
    if (m_messageText.isEmpty())
        fitAxes();
    else
        setTitle(title().section(QStringLiteral(" — "), 0, 0)); // no stale figures above it
    applyHighlight();
}

void ResultChart::placeLegend(bool shown)
{
    QCPLayoutGrid *grid = plotLayout();
    const int legendRow = 2; // title, axis rect, legend
    const bool placed = grid->rowCount() > legendRow && grid->element(legendRow, 0) == legend;
    if (shown && !placed) {
        grid->addElement(legendRow, 0, legend);
        grid->setRowStretchFactor(legendRow, 0.001); // its own height, the plot the rest
    } else if (!shown && placed) {
        grid->take(legend);
        grid->simplify();
    }
    legend->setVisible(shown);
    if (shown) {
        // As many columns as fit the width: short rows under the plot.
        const int columns = std::max(1, width() / 190);
        if (legend->wrap() != columns)
            legend->setWrap(columns);
    }
}

void ResultChart::fitAxes()
{
    rescaleAxes();
    QCPAxis *categoryAxis = nullptr;
    if (!m_categoryLabels.isEmpty())
        categoryAxis = xAxis->ticker().dynamicCast<QCPAxisTickerText>() ? xAxis : yAxis;
    QCPAxis *valueAxis = categoryAxis == yAxis ? xAxis : yAxis;
    if (valueAxis->scaleType() == QCPAxis::stLinear) {
        const QCPRange range = valueAxis->range();
        valueAxis->setRange(std::min(0.0, range.lower), range.upper > 0 ? range.upper * 1.08 : 1.0);
    }
    else
        valueAxis->setRange(valueAxis->range().lower / 1.5, valueAxis->range().upper * 1.5);
    if (yAxis2->visible() && yAxis2->scaleType() == QCPAxis::stLogarithmic)
        yAxis2->setRange(yAxis2->range().lower / 1.5, yAxis2->range().upper * 1.5);
    if (categoryAxis)
        categoryAxis->setRange(0.4, m_categoryLabels.size() + 0.6);
    if (m_dayAxis)
        xAxis->setRange(0, 24);
}

void ResultChart::setDayAxis()
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(3.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    xAxis->setTicker(ticker);
    m_dayAxis = true;
}

void ResultChart::keepDaySeriesForReuse()
{
    m_spareDaySeries.clear();
    for (int i = plottableCount() - 1; i >= 0; --i) {
        QCPAbstractPlottable *p = plottable(i);
        if (p->property(daySeriesProperty).toBool())
            m_spareDaySeries.prepend(static_cast<QCPGraph *>(p));
        else
            removePlottable(i);
    }
}

QCPGraph *ResultChart::addDaySeries(const std::vector<double> &perMinute, const QString &name,
                                    const QString &nodeId, const QColor &color,
                                    Qt::PenStyle style)
{
    if (perMinute.empty())
        return nullptr;
    // The graph of the previous rebuild in the same place, its data overwritten in place: no
    // plottable, legend item or data container is created for an edit that keeps the series.
    QCPGraph *graph = m_spareDaySeries.isEmpty() ? nullptr : m_spareDaySeries.takeFirst();
    if (graph && graph->dataCount() == int(perMinute.size())) {
        auto value = perMinute.begin();
        for (auto it = graph->data()->begin(); it != graph->data()->end(); ++it)
            it->value = *value++;
    } else {
        QVector<double> keys(int(perMinute.size()));
        QVector<double> values(int(perMinute.size()));
        for (int i = 0; i < int(perMinute.size()); ++i) {
            keys[i] = i / 60.0;
            values[i] = perMinute[size_t(i)];
        }
        if (!graph) {
            graph = addGraph();
            graph->setProperty(daySeriesProperty, true);
        }
        graph->setData(keys, values, true);
    }
    graph->setName(name);
    QPen pen(color, seriesPenWidth);
    pen.setStyle(style);
    graph->setPen(pen);
    tagSeries(graph, nodeId, color);
    return graph;
}

void ResultChart::showMessage(const QString &text)
{
    clearPlottables();
    m_spareDaySeries.clear(); // deleted with the others
    clearItems();
    m_messageText = text;
    m_message = new QCPItemText(this);
    m_message->setClipToAxisRect(false);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setAxisRect(axisRect());
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setTextAlignment(Qt::AlignCenter);
    m_message->setColor(QColor(90, 90, 90));
    m_message->setText(text);
    QFont messageFont = font();
    messageFont.setPointSizeF(messageFont.pointSizeF() * 1.1);
    m_message->setFont(messageFont);
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1);
}

void ResultChart::tagSeries(QCPAbstractPlottable *plottable, const QString &nodeId,
                            const QColor &color)
{
    plottable->setProperty("nodeId", nodeId);
    plottable->setProperty("baseColor", color);
}

void ResultChart::tagPointNodes(QCPAbstractPlottable *plottable, const QStringList &nodeIds)
{
    plottable->setProperty("nodeIds", nodeIds);
}

QString ResultChart::nodeIdOf(QCPAbstractPlottable *plottable, int dataIndex) const
{
    if (!plottable)
        return {};
    const QString single = plottable->property("nodeId").toString();
    if (!single.isEmpty())
        return single;
    const QStringList perPoint = plottable->property("nodeIds").toStringList();
    if (dataIndex >= 0 && dataIndex < perPoint.size())
        return perPoint.at(dataIndex);
    return {};
}

void ResultChart::setCategories(QCPAxis *axis, const QStringList &labels)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < labels.size(); ++i)
        ticker->addTick(i + 1, labels.at(i));
    axis->setTicker(ticker);
    m_categoryLabels = labels;
    // Category names side by side must not run into each other (German cost items are long):
    // tilted when the widest one is wider than its share of the plot.
    if (axis->orientation() == Qt::Horizontal && !labels.isEmpty()) {
        const QFontMetrics metrics(axis->tickLabelFont());
        int widestPx = 0;
        for (const QString &label : labels)
            widestPx = std::max(widestPx, metrics.horizontalAdvance(label));
        const int plotWidthPx = std::max(200, width() - 120); // less the axes' margins
        if (widestPx + 8 > plotWidthPx / int(labels.size()))
            axis->setTickLabelRotation(40);
    }
}

QString ResultChart::nodeName(const std::string &nodeId) const
{
    if (nodeId.empty())
        return tr("Platform");
    const auto it = m_nodeNames.find(nodeId);
    if (it == m_nodeNames.end() || it->second.empty())
        return QString::fromStdString(nodeId);
    return QString::fromStdString(it->second);
}

void ResultChart::applyHighlight()
{
    for (int i = 0; i < plottableCount(); ++i) {
        bool anyHighlight = !m_highlightedNodeId.isEmpty();
        QCPAbstractPlottable *p = plottable(i);
        const QVariant base = p->property("baseColor");
        if (!base.isValid())
            continue;
        QColor color = base.value<QColor>();
        const QString nodeId = p->property("nodeId").toString();
        if (nodeId.isEmpty())
            anyHighlight = false; // series of no single node (line items, candidates) stay
        const bool emphasised = anyHighlight && nodeId == m_highlightedNodeId;
        const bool faded = anyHighlight && !emphasised;
        if (faded)
            color.setAlpha(55);
        QPen pen = p->pen();
        pen.setColor(color);
        if (auto *graph = qobject_cast<QCPGraph *>(p)) {
            pen.setWidthF(emphasised ? emphasisedPenWidth : seriesPenWidth);
            graph->setPen(pen);
            graph->setLayer(emphasised ? QStringLiteral("overlay") : QStringLiteral("main"));
        } else if (auto *bars = qobject_cast<QCPBars *>(p)) {
            QColor fill = color;
            if (!emphasised && !faded)
                fill.setAlpha(200);
            bars->setBrush(fill);
            pen.setColor(emphasised ? color.darker(150) : color.darker(120));
            pen.setWidthF(emphasised ? 2.0 : 1.0);
            bars->setPen(pen);
        }
    }
}

QString ResultChart::keyText(double key) const
{
    const double rounded = std::round(key);
    if (!m_categoryLabels.isEmpty() && std::abs(key - rounded) < 1e-9 && rounded >= 1
        && rounded <= m_categoryLabels.size())
        return m_categoryLabels.at(int(rounded) - 1);
    return QString::number(key, 'g', 6);
}

QString ResultChart::valueText(double value) const
{
    return formatFigure(value);
}

QString ResultChart::hoverText(const QPointF &pos)
{
    ensureCurrent();
    double bestDistance = std::numeric_limits<double>::max();
    QCPAbstractPlottable *best = nullptr;
    int bestIndex = -1;
    for (int i = 0; i < plottableCount(); ++i) {
        QCPAbstractPlottable *p = plottable(i);
        if (!p->visible() || !p->interface1D())
            continue;
        QVariant details;
        const double distance = p->selectTest(pos, false, &details);
        if (distance < 0 || distance > selectionTolerance() || distance >= bestDistance)
            continue;
        const QCPDataSelection selection = details.value<QCPDataSelection>();
        if (selection.isEmpty())
            continue;
        bestDistance = distance;
        best = p;
        bestIndex = selection.dataRange(0).begin();
    }
    if (!best)
        return {};
    QCPPlottableInterface1D *data = best->interface1D();
    QString text = best->name();
    const QString node = nodeIdOf(best, bestIndex);
    if (!node.isEmpty() && !text.contains(nodeName(node.toStdString())))
        text += QStringLiteral(" — ") + nodeName(node.toStdString());
    return QStringLiteral("%1\n%2: %3\n%4: %5")
        .arg(text, m_csvKeyHeader, keyText(data->dataMainKey(bestIndex)), m_csvValueHeader,
             valueText(data->dataMainValue(bestIndex)));
}

void ResultChart::onMouseMove(QMouseEvent *event)
{
    const QString text = hoverText(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void ResultChart::onPlottableClick(QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *)
{
    const QString nodeId = nodeIdOf(plottable, dataIndex);
    if (!nodeId.isEmpty())
        emit nodeClicked(nodeId);
}

QString ResultChart::csvText()
{
    ensureCurrent();
    CsvWriter csv; // the one CSV writer (io/Csv.h): names that could start a formula are neutralised
    csv.text("series").text("node").text(m_csvKeyHeader.toStdString())
        .text(m_csvValueHeader.toStdString()).endRow();
    for (int i = 0; i < plottableCount(); ++i) {
        QCPAbstractPlottable *p = plottable(i);
        QCPPlottableInterface1D *data = p->interface1D();
        if (!data)
            continue;
        const std::string series = skyline::csvText(p->name().toStdString());
        for (int k = 0; k < data->dataCount(); ++k)
            csv.raw(series)
                .text(nodeIdOf(p, k).toStdString())
                .text(keyText(data->dataMainKey(k)).toStdString())
                .number(data->dataMainValue(k), 10)
                .endRow();
    }
    return QString::fromStdString(csv.take());
}

bool ResultChart::exportCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    const QByteArray bytes = csvText().toUtf8();
    return file.write(bytes) == bytes.size();
}

bool ResultChart::exportPng(const QString &path, int width, int height)
{
    ensureCurrent();
    return savePng(path, width, height);
}

bool ResultChart::exportPdf(const QString &path)
{
    ensureCurrent();
    const bool sized = width() >= 100 && height() >= 100;
    return savePdf(path, sized ? width() : fallbackExportWidth,
                   sized ? height() : fallbackExportHeight, QCP::epNoCosmetic, QString(),
                   title());
}

bool ResultChart::exportSvg(const QString &path)
{
    ensureCurrent();
    const bool sized = width() >= 100 && height() >= 100;
    const int w = sized ? width() : fallbackExportWidth;
    const int h = sized ? height() : fallbackExportHeight;
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(w, h));
    generator.setViewBox(QRect(0, 0, w, h));
    generator.setTitle(title().toHtmlEscaped()); // Qt writes the title into the SVG verbatim
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    toPainter(&painter, w, h);
    return painter.end();
}

QColor ResultChart::seriesColor(int index)
{
    // Tableau 10: distinguishable, print-safe.
    static const QColor palette[] = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
        QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
        QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
        QColor(0xba, 0xb0, 0xac)};
    const int n = int(sizeof(palette) / sizeof(palette[0]));
    return palette[((index % n) + n) % n];
}

} // namespace skyline
