#include "MemorySweepChart.h"


#include <cmath>

namespace skyline {

MemorySweepChart::MemorySweepChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("memorySweepChart"));
    connect(&m_runner, &MemorySweepRunner::sweepReady, this, &MemorySweepChart::acceptSweep);
}

QString MemorySweepChart::keyText(double key) const
{
    return tr("%1 MB").arg(key, 0, 'f', 0);
}

void MemorySweepChart::applyHighlight()
{
    if (highlightedNode() != m_drawnNodeId) {
        // Another function (or none): sweep it. Noted first, so that a rebuild that never
        // reaches rebuild() (no evaluation yet) cannot come back here and recurse.
        m_drawnNodeId = highlightedNode();
        refresh();
        return;
    }
    ResultChart::applyHighlight();
}

void MemorySweepChart::acceptSweep(std::shared_ptr<const MemorySweep> sweep)
{
    m_sweep = std::move(sweep);
    refresh();
}

void MemorySweepChart::rebuild(const Evaluation *evaluation, const CandidateEvaluation *)
{
    m_drawnNodeId = highlightedNode();
    m_markedMemoryMb = 0;
    const std::shared_ptr<const Project> project = this->project();
    const Candidate *candidate =
        project ? project->findCandidate(this->candidate().toStdString()) : nullptr;
    const Node *node = candidate ? candidate->findNode(m_drawnNodeId.toStdString()) : nullptr;
    if (!node || node->kind != NodeKind::Function) {
        m_runner.cancel();
        m_requested = {};
        m_sweep.reset();
        // " — " ends the part the hint keeps (ResultChart drops the figures after it).
        setTitle(tr("Memory sweep — select a function"));
        showMessage(tr("Select a function on the canvas to see its cost per million requests "
                       "and its p99 at every memory size."));
        return;
    }
    const Request wanted{project.get(), this->candidate(), m_drawnNodeId,
                         evaluation->trafficMultiplier};
    if (!(wanted == m_requested)) {
        m_requested = wanted;
        m_runner.request(project, wanted.candidateId, wanted.nodeId, wanted.trafficMultiplier);
    }
    const QString name = QString::fromStdString(node->name);
    // The previous sweep of the same function stays on screen while its update runs (the
    // current size moves at once); another function's never does.
    if (!m_sweep || m_sweep->nodeId != node->id || m_sweep->candidateId != candidate->id) {
        showMessage(tr("Sweeping the memory of %1…").arg(name));
        return;
    }
    if (!m_sweep->ok()) {
        showMessage(tr("Cannot sweep the memory of %1:\n%2")
                        .arg(name, QString::fromStdString(m_sweep->error)));
        return;
    }
    draw(*m_sweep, node->number("memoryMb"));
}

namespace {

void setMemoryAxis(QCPAxis *axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (double mb : {128.0, 256.0, 512.0, 1024.0, 2048.0, 4096.0, 10240.0})
        ticker->addTick(mb, QString::number(mb, 'f', 0));
    axis->setTicker(ticker);
}

void setLogAxis(QCPAxis *axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("gb"));
}

/// A labelled marker at (memory, cost).
void addMark(QCustomPlot *plot, QCPGraph *marks, const MemorySweepPoint &point,
             const QString &text, bool above)
{
    marks->addData(point.memoryMb, point.functionCostPerMillionUsd);
    auto *label = new QCPItemText(plot);
    label->position->setCoords(point.memoryMb, point.functionCostPerMillionUsd);
    // At the ends of the axis the label reaches inwards, never past the plot's edge.
    const Qt::Alignment across = point.memoryMb <= memorySweepSizesMb().front() ? Qt::AlignLeft
                               : point.memoryMb >= memorySweepSizesMb().back()  ? Qt::AlignRight
                                                                                : Qt::AlignHCenter;
    label->setPositionAlignment(across | (above ? Qt::AlignBottom : Qt::AlignTop));
    label->setPadding(QMargins(3, 6, 3, 6));
    label->setText(text);
    label->setBrush(QColor(255, 255, 255, 200));
}

} // namespace

void MemorySweepChart::draw(const MemorySweep &sweep, double currentMemoryMb)
{
    setMemoryAxis(xAxis);
    setLogAxis(yAxis2);
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("p99 (ms, dashed)"));
    setAxisLabels(tr("Memory (MB)"), tr("USD per million requests"));
    QVector<double> memory, cost, p99;
    for (const MemorySweepPoint &p : sweep.points) {
        memory << p.memoryMb;
        cost << (std::isfinite(p.functionCostPerMillionUsd) ? p.functionCostPerMillionUsd
                                                            : qQNaN());
        p99 << (std::isfinite(p.functionP99Ms) ? p.functionP99Ms : qQNaN()); // fails: a gap
    }
    const QColor color = seriesColor(0);
    QCPGraph *costGraph = addGraph(xAxis, yAxis);
    costGraph->setName(tr("Cost per million requests"));
    costGraph->setData(memory, cost, true);
    costGraph->setPen(QPen(color, 2.0));
    costGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    tagSeries(costGraph, QString::fromStdString(sweep.nodeId), color);
    QCPGraph *p99Graph = addGraph(xAxis, yAxis2);
    p99Graph->setName(tr("p99"));
    p99Graph->setData(memory, p99, true);
    p99Graph->setPen(QPen(seriesColor(1), 1.5, Qt::DashLine));
    p99Graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));

    const QString name = QString::fromStdString(sweep.nodeName);
    if (sweep.cheapest >= 0) {
        QCPGraph *marks = addGraph(xAxis, yAxis);
        marks->setName(tr("Cheapest / balanced"));
        marks->setLineStyle(QCPGraph::lsNone);
        marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0),
                                               QColor(255, 255, 255), 11));
        const MemorySweepPoint &cheapest = sweep.points[std::size_t(sweep.cheapest)];
        const MemorySweepPoint &balanced = sweep.points[std::size_t(sweep.balanced)];
        if (sweep.cheapest == sweep.balanced) {
            addMark(this, marks, cheapest, tr("cheapest and balanced\n%1 MB")
                                               .arg(cheapest.memoryMb, 0, 'f', 0), true);
        } else {
            addMark(this, marks, cheapest, tr("cheapest\n%1 MB").arg(cheapest.memoryMb, 0, 'f', 0),
                    true);
            addMark(this, marks, balanced,
                    tr("balanced\n%1 MB").arg(balanced.memoryMb, 0, 'f', 0), false);
        }
        setTitle(tr("Memory sweep of %1 — cheapest %2 MB, balanced %3 MB")
                     .arg(name, QString::number(cheapest.memoryMb, 'f', 0),
                          QString::number(balanced.memoryMb, 'f', 0)));
    } else if (sweep.everySizeFails()) {
        setTitle(tr("Memory sweep of %1 — every size fails more than 1 % of its requests")
                     .arg(name));
    } else {
        setTitle(tr("Memory sweep of %1 — it gets no requests").arg(name));
    }

    m_markedMemoryMb = currentMemoryMb;
    auto *now = new QCPItemStraightLine(this);
    now->point1->setCoords(currentMemoryMb, 0);
    now->point2->setCoords(currentMemoryMb, 1);
    now->setPen(QPen(QColor(60, 60, 60), 1.5, Qt::DashDotLine));
    auto *nowLabel = new QCPItemText(this);
    nowLabel->setObjectName(QStringLiteral("currentMemoryLabel"));
    nowLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    nowLabel->position->setCoords(currentMemoryMb, 0.0);
    nowLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    nowLabel->setText(tr("now %1 MB").arg(currentMemoryMb, 0, 'f', 0));
}

} // namespace skyline
