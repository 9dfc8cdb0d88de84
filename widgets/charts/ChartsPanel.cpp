#include "ChartsPanel.h"

#include "BlastRadiusChart.h"
#include "ChartCatalog.h"
#include "ColdStartChart.h"
#include "ComplexityChart.h"
#include "CostChart.h"
#include "EvaluationRunner.h"
#include "InstancesChart.h"
#include "LatencyChart.h"
#include "LoadChart.h"
#include "SweepChart.h"
#include "TornadoChart.h"
#include "RangeRunner.h"

#include "report/NumberFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStringList>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace skyline {

ChartsPanel::ChartsPanel(EvaluationRunner *runner, QWidget *parent)
    : QWidget(parent), m_runner(runner)
{
    setObjectName(QStringLiteral("chartsPanel"));
    for (const ChartInfo &info : chartCatalog()) {
        ResultChart *chart = info.make(this);
        m_charts << chart;
        m_titles << info.translatedTitle();
        connect(chart, &ResultChart::nodeClicked, this, &ChartsPanel::nodeClicked);
    }
    m_load = findChart<LoadChart>();
    m_instances = findChart<InstancesChart>();
    m_latency = findChart<LatencyChart>();
    m_coldStarts = findChart<ColdStartChart>();
    m_cost = findChart<CostChart>();
    m_sweep = findChart<SweepChart>();
    m_complexity = findChart<ComplexityChart>();
    m_blastRadius = findChart<BlastRadiusChart>();
    m_tornado = findChart<TornadoChart>();

    m_progress = new QWidget(this);
    m_progress->setObjectName(QStringLiteral("evaluationProgress"));
    auto *progressLayout = new QHBoxLayout(m_progress);
    progressLayout->setContentsMargins(4, 2, 4, 2);
    m_progressBar = new QProgressBar(m_progress);
    m_progressBar->setRange(0, 100);
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setTextVisible(false);
    m_progressLabel = new QLabel(tr("Evaluating…"), m_progress);
    progressLayout->addWidget(m_progressBar);
    progressLayout->addWidget(m_progressLabel, 1);

    m_rangeProgress = new QWidget(this);
    m_rangeProgress->setObjectName(QStringLiteral("rangeProgress"));
    auto *rangeLayout = new QHBoxLayout(m_rangeProgress);
    rangeLayout->setContentsMargins(4, 2, 4, 2);
    m_rangeProgressBar = new QProgressBar(m_rangeProgress);
    m_rangeProgressBar->setRange(0, 100);
    m_rangeProgressBar->setMaximumWidth(120);
    m_rangeProgressBar->setTextVisible(false);
    m_rangeProgressLabel = new QLabel(m_rangeProgress);
    m_rangeCancel = new QToolButton(m_rangeProgress);
    m_rangeCancel->setObjectName(QStringLiteral("rangeCancel"));
    m_rangeCancel->setText(tr("Cancel"));
    m_rangeCancel->setToolTip(tr("Stop analysing the ranges (Esc); the next edit starts again"));
    rangeLayout->addWidget(m_rangeProgressBar);
    rangeLayout->addWidget(m_rangeProgressLabel, 1);
    rangeLayout->addWidget(m_rangeCancel);
    m_rangeProgress->hide();

    auto *tabs = new QTabWidget(this);
    for (int i = 0; i < m_charts.size(); ++i)
        tabs->addTab(m_charts.at(i), m_titles.at(i));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_progress);

    if (!m_runner)
        return;
    connect(m_runner, &EvaluationRunner::evaluationReady, this, &ChartsPanel::showEvaluation);
    connect(m_runner, &EvaluationRunner::sweepReady, m_sweep, &SweepChart::setSweep);
    connect(m_runner, &EvaluationRunner::progressChanged, this, &ChartsPanel::showProgress);
    connect(m_runner, &EvaluationRunner::busyChanged, this, &ChartsPanel::showBusy);
    if (m_runner->latest())
        showEvaluation();
    if (m_runner->latestSweep())
        m_sweep->setSweep(m_runner->latestSweep());
    showBusy(m_runner->isBusy());
}

void ChartsPanel::setRangeRunner(RangeRunner *runner)
{
    m_rangeRunner = runner;
    if (!m_rangeRunner)
        return;
    connect(m_rangeRunner, &RangeRunner::uncertaintyReady, this, &ChartsPanel::showUncertainty);
    connect(m_rangeRunner, &RangeRunner::sensitivityReady, this, &ChartsPanel::showSensitivity);
    connect(m_rangeRunner, &RangeRunner::progressChanged, this, &ChartsPanel::showRangeProgress);
    connect(m_rangeRunner, &RangeRunner::busyChanged, this, &ChartsPanel::showRangeBusy);
    connect(m_rangeCancel, &QToolButton::clicked, m_rangeRunner, &RangeRunner::cancel);
    // The sensitivity is computed only for a chart on screen that draws it (the tornado):
    // edits while it is hidden start none, bringing it to the front starts one.
    m_rangeRunner->setSensitivityOnDemand(true);
    connect(m_rangeRunner, &RangeRunner::sensitivityOutdated, this,
            &ChartsPanel::markSensitivityOutdated);
    for (ResultChart *chart : std::as_const(m_charts))
        connect(chart, &ResultChart::sensitivityWanted, this,
                [this, chart] { requestSensitivityFor(chart); },
                Qt::QueuedConnection); // not inside the paint that caught up
    showUncertainty();
    if (m_rangeRunner->latestSensitivity())
        showSensitivity();
    if (!m_rangeRunner->isSensitivityCurrent())
        markSensitivityOutdated();
    showRangeBusy(m_rangeRunner->isBusy());
}

void ChartsPanel::showUncertainty()
{
    for (ResultChart *chart : std::as_const(m_charts))
        chart->setUncertainty(m_rangeRunner->latestUncertainty());
}

void ChartsPanel::showSensitivity()
{
    for (ResultChart *chart : std::as_const(m_charts))
        chart->setSensitivity(m_rangeRunner->latestSensitivity(), m_rangeRunner->latestProject());
}

void ChartsPanel::requestSensitivityFor(ResultChart *chart)
{
    if (!m_rangeRunner || !chart->isSensitivityOutdated())
        return;
    // Asked while its window was not shown yet (the studio starting): when the window is up
    // and the chart behind another, it waits again until it comes on screen.
    if (chart->window()->isVisible() && !chart->isOnScreen()) {
        chart->setSensitivityOutdated();
        return;
    }
    m_rangeRunner->requestSensitivity();
}

void ChartsPanel::markSensitivityOutdated()
{
    for (ResultChart *chart : std::as_const(m_charts))
        chart->setSensitivityOutdated();
}

void ChartsPanel::showRangeProgress(int percent, const QString &what)
{
    m_rangeProgressBar->setValue(percent);
    m_rangeProgressLabel->setText(what);
    if (m_rangeRunner && m_rangeRunner->isCancelled())
        m_rangeProgress->show(); // says that it was cancelled
}

void ChartsPanel::showRangeBusy(bool busy)
{
    m_rangeProgressBar->setVisible(busy);
    m_rangeCancel->setVisible(busy);
    // Shown while it runs, or when it was cancelled (the label says so); quiet otherwise.
    m_rangeProgress->setVisible(busy || (m_rangeRunner && m_rangeRunner->isCancelled()));
}

QList<QPair<QString, QWidget *>> ChartsPanel::charts() const
{
    QList<QPair<QString, QWidget *>> result;
    for (int i = 0; i < m_charts.size(); ++i)
        result << qMakePair(m_titles.at(i), static_cast<QWidget *>(m_charts.at(i)));
    return result;
}

void ChartsPanel::setCandidate(const QString &candidateId)
{
    for (ResultChart *chart : std::as_const(m_charts))
        chart->setCandidate(candidateId);
}

void ChartsPanel::setHighlightedNode(const QString &nodeId)
{
    for (ResultChart *chart : std::as_const(m_charts))
        chart->setHighlightedNode(nodeId);
}

void ChartsPanel::setOverlay(bool overlay)
{
    for (ResultChart *chart : std::as_const(m_charts))
        chart->setOverlay(overlay); // charts without an overlay mode ignore it
}

void ChartsPanel::showEvaluation()
{
    const auto evaluation = m_runner->latest();
    const auto project = m_runner->latestProject();
    for (ResultChart *chart : std::as_const(m_charts))
        if (chart != m_sweep && chart != m_tornado) // those two have data of their own
            chart->setEvaluation(evaluation, project);
    m_sweep->setTrafficMultiplier(m_runner->trafficMultiplier());
}

void ChartsPanel::showProgress(int percent, const QString &what)
{
    m_progressBar->setValue(percent);
    m_progressLabel->setText(what);
}

void ChartsPanel::showBusy(bool busy)
{
    m_progressBar->setVisible(busy);
    if (busy)
        return;
    const bool refined = m_runner && m_runner->latestIsRefined();
    QString text = refined ? tr("Up to date (simulated)") : tr("Up to date (analytic)");
    if (refined && !m_runner->simulationShortfalls().empty()) {
        // The studio's budget per candidate is short (studioSimulationSecondsPerCandidate):
        // say which candidates it cut short and how precise their figures are.
        QStringList stopped;
        for (const SimulationShortfall &s : m_runner->simulationShortfalls())
            stopped << (std::isfinite(s.relativeHalfWidth)
                            ? tr("%1 ±%2").arg(s.candidateName,
                                               formatShare(s.relativeHalfWidth, 0))
                            : tr("%1 (one day, no interval yet)").arg(s.candidateName));
        text += QLatin1String("; ")
                + tr("simulation stopped at its %1 s budget: %2")
                      .arg(formatNumber(m_runner->simulationSecondsPerCandidate(), 1),
                           stopped.join(QStringLiteral(", ")));
    }
    m_progressLabel->setText(text);
    m_progressLabel->setToolTip(text);
}

} // namespace skyline
