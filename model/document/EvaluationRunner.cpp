#include "EvaluationRunner.h"

#include "Document.h"

#include <QMetaObject>

#include <algorithm>
#include <limits>

namespace skyline {

namespace {

constexpr int debounceIntervalMs = 60;
constexpr int sweepShareOfProgress = 40; ///< percent of the bar the sweep fills when both run

/// Relative half-width of a 95 % interval around `mean` (0 when the mean is 0).
double relativeHalfWidth(const Interval &interval, double mean)
{
    return mean > 0 ? 0.5 * (interval.hi - interval.lo) / mean : 0.0;
}

} // namespace

double simulationShortfall(const CandidateEvaluation &candidate)
{
    double widest = 0;
    for (const NodeResult &node : candidate.nodes) {
        const SimulationStats &s = node.simulation;
        if (s.days == 0 || s.precise)
            continue; // analytic figures, or precise
        if (!s.hasIntervals)
            return std::numeric_limits<double>::infinity(); // one day: no interval yet
        const double cold = s.coldStarts >= s.days // as the engine: fewer than one a day is exempt
            ? relativeHalfWidth(s.coldStartProbability, node.coldStartProbability)
            : 0.0;
        widest = std::max({widest, cold,
                           relativeHalfWidth(s.avgAlive, node.instances.avgAlive),
                           relativeHalfWidth(s.avgBusy, node.instances.avgBusy)});
    }
    return widest;
}

std::shared_ptr<LoadSweep> computeSweep(const Project &project,
                                        const std::vector<double> &multipliers,
                                        const std::function<bool(int done)> &keepGoing,
                                        EngineWorkspace &workspace)
{
    auto result = std::make_shared<LoadSweep>();
    result->multipliers = multipliers;
    for (size_t i = 0; i < multipliers.size(); ++i) {
        if (keepGoing && !keepGoing(int(i)))
            return nullptr;
        LoadSweep one = sweep(project, {multipliers[i]}, {}, workspace);
        if (i == 0) {
            result->candidates = std::move(one.candidates);
            continue;
        }
        for (size_t c = 0; c < result->candidates.size() && c < one.candidates.size(); ++c) {
            LoadSweepCurve &curve = result->candidates[c];
            const LoadSweepCurve &point = one.candidates[c];
            curve.monthlyCostUsd.push_back(point.monthlyCostUsd.front());
            curve.p99Ms.push_back(point.p99Ms.front());
            if (curve.error.empty())
                curve.error = point.error;
        }
    }
    if (keepGoing && !keepGoing(int(multipliers.size())))
        return nullptr;
    result->breakEven = findCostBreakEvens(result->multipliers, result->candidates);
    return result;
}

EvaluationRunner::EvaluationRunner(Document *document, QObject *parent)
    : BackgroundRunner(parent), m_document(document)
{
    qRegisterMetaType<std::shared_ptr<const Evaluation>>();
    qRegisterMetaType<std::shared_ptr<const LoadSweep>>();
    m_analyticPool.setMaxThreadCount(1);
    m_backgroundPool.setMaxThreadCount(1);
    m_leadingEdge.setSingleShot(true);
    m_leadingEdge.setInterval(0);
    connect(&m_leadingEdge, &QTimer::timeout, this, &EvaluationRunner::start);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceIntervalMs);
    connect(&m_debounce, &QTimer::timeout, this, &EvaluationRunner::onQuietWindowEnd);
    if (m_document) {
        connect(m_document, &Document::projectChanged, this, [this] {
            m_projectDirty = true;
            requestEvaluation();
        });
    }
    requestEvaluation();
}

EvaluationRunner::~EvaluationRunner()
{
    m_leadingEdge.stop();
    m_debounce.stop();
    advanceGeneration(); // whatever is running now is stale: its result is dropped
    m_analyticPool.clear();
    m_backgroundPool.clear();
    m_analyticPool.waitForDone();
    m_backgroundPool.waitForDone();
}

void EvaluationRunner::setTrafficMultiplier(double multiplier)
{
    if (multiplier <= 0 || multiplier == m_trafficMultiplier)
        return;
    m_trafficMultiplier = multiplier;
    requestEvaluation();
}

void EvaluationRunner::setSimulationEnabled(bool enabled)
{
    if (enabled == m_simulationEnabled)
        return;
    m_simulationEnabled = enabled;
    requestEvaluation();
}

void EvaluationRunner::setSweepEnabled(bool enabled)
{
    if (enabled == m_sweepEnabled)
        return;
    m_sweepEnabled = enabled;
    requestEvaluation();
}

void EvaluationRunner::requestEvaluation()
{
    advanceGeneration(); // from now on, every result in flight is stale
    setBusy(true);
    const bool quiet = !m_debounce.isActive() && !m_analyticInFlight;
    if (quiet)
        m_leadingEdge.start(); // at once: a single edit waits for no timer
    else if (!m_leadingEdge.isActive())
        m_pending = true; // part of a burst: one trailing run after it
    m_debounce.start();    // every edit of a burst extends the quiet window
}

void EvaluationRunner::endQuietWindow()
{
    m_debounce.stop();
    onQuietWindowEnd();
}

void EvaluationRunner::onQuietWindowEnd()
{
    if (m_pending && !m_analyticInFlight)
        start();
}

void EvaluationRunner::start()
{
    m_leadingEdge.stop();
    m_pending = false;
    if (!m_document)
        return;
    if (m_projectDirty || !m_snapshot) {
        m_snapshot = std::make_shared<const Project>(m_document->project());
        ++m_projectRevision;
        m_projectDirty = false;
    }
    Request request;
    request.generation = generation();
    request.projectRevision = m_projectRevision;
    request.project = m_snapshot;
    request.trafficMultiplier = m_trafficMultiplier;
    request.simulate = m_simulationEnabled;
    request.simulationSeconds = m_simulationSeconds;
    request.sweep = m_sweepEnabled && m_sweepRevision != m_projectRevision;
    m_analyticInFlight = true;
    ++m_analyticRuns;
    m_analyticPool.start([this, request] { runAnalytic(request); });
}

void EvaluationRunner::runAnalytic(const Request &request)
{
    std::shared_ptr<const Evaluation> evaluation;
    if (!isStale(request.generation)) { // else a newer request waits for this run to end
        EvalOptions options;
        options.method = EvalMethod::Analytic;
        options.trafficMultiplier = request.trafficMultiplier;
        evaluation = std::make_shared<const Evaluation>(
            m_analyzed ? evaluateReusing(*request.project, options, *m_analyzedProject,
                                         *m_analyzed, m_analyticWorkspace)
                       : evaluate(*request.project, options, m_analyticWorkspace));
        m_analyzedProject = request.project;
        m_analyzed = evaluation;
    }
    QMetaObject::invokeMethod(
        this, [this, request, evaluation] { finishAnalytic(request, evaluation); },
        Qt::QueuedConnection);
}

void EvaluationRunner::finishAnalytic(const Request &request,
                                      std::shared_ptr<const Evaluation> evaluation)
{
    m_analyticInFlight = false;
    if (evaluation)
        accept(request.generation, request.project, std::move(evaluation), false);
    if (isStale(request.generation)) {
        if (m_pending && !m_debounce.isActive())
            start(); // the burst is over: its trailing run
        return;
    }
    if (request.simulate || request.sweep)
        m_backgroundPool.start([this, request] { runBackground(request); });
    else
        setBusy(false);
}

void EvaluationRunner::runBackground(const Request &request)
{
    const quint64 generation = request.generation;
    const int sweepEnd = !request.sweep ? 0 : request.simulate ? sweepShareOfProgress : 100;
    auto post = [this](auto &&fn) {
        QMetaObject::invokeMethod(this, std::forward<decltype(fn)>(fn), Qt::QueuedConnection);
    };

    if (request.sweep) {
        const std::vector<double> multipliers = sweepMultipliers();
        const int total = int(multipliers.size());
        auto keepGoing = [&](int done) {
            if (isStale(generation))
                return false;
            const int percent = sweepEnd * done / total;
            const QString what = done < total
                ? tr("Load sweep: traffic ×%1").arg(multipliers[done], 0, 'g', 3)
                : tr("Load sweep done");
            post([this, generation, percent, what] { reportProgress(generation, percent, what); });
            return true;
        };
        std::shared_ptr<const LoadSweep> sweep =
            computeSweep(*request.project, multipliers, keepGoing, m_backgroundWorkspace);
        if (!sweep)
            return;
        const quint64 revision = request.projectRevision;
        post([this, generation, revision, sweep] { acceptSweep(generation, revision, sweep); });
    }

    if (request.simulate) {
        Evaluation refined;
        refined.method = EvalMethod::Simulation;
        refined.trafficMultiplier = request.trafficMultiplier;
        const auto &candidates = request.project->candidates;
        const int total = int(candidates.size());
        for (int i = 0; i < total; ++i) {
            if (isStale(generation))
                return;
            const int percent = sweepEnd + (100 - sweepEnd) * i / std::max(1, total);
            const QString what = tr("Simulating %1 (%2 of %3)")
                                     .arg(QString::fromStdString(candidates[i].name))
                                     .arg(i + 1)
                                     .arg(total);
            post([this, generation, percent, what] { reportProgress(generation, percent, what); });
            EvalOptions options;
            options.method = EvalMethod::Simulation;
            options.trafficMultiplier = request.trafficMultiplier;
            options.candidateId = candidates[i].id;
            options.simulationMaxSeconds = request.simulationSeconds;
            Evaluation one = evaluate(*request.project, options, m_backgroundWorkspace);
            refined.seed = one.seed;
            refined.engineVersion = one.engineVersion;
            for (CandidateEvaluation &candidate : one.candidates)
                refined.candidates.push_back(std::move(candidate));
        }
        if (isStale(generation))
            return;
        auto result = std::make_shared<const Evaluation>(std::move(refined));
        auto project = request.project;
        post([this, generation, project, result] { accept(generation, project, result, true); });
    }
    post([this, generation] { finishBackground(generation); });
}

void EvaluationRunner::accept(quint64 generation, std::shared_ptr<const Project> project,
                              std::shared_ptr<const Evaluation> evaluation, bool refined)
{
    if (isStale(generation))
        return;
    m_latest = std::move(evaluation);
    m_latestProject = std::move(project);
    m_latestRefined = refined;
    m_shortfalls.clear();
    if (refined)
        for (const CandidateEvaluation &candidate : m_latest->candidates)
            if (const double shortfall = simulationShortfall(candidate); shortfall > 0)
                m_shortfalls.push_back({QString::fromStdString(candidate.name), shortfall});
    emit evaluationReady(m_latest, refined);
}

void EvaluationRunner::acceptSweep(quint64 generation, quint64 projectRevision,
                                   std::shared_ptr<const LoadSweep> sweep)
{
    if (isStale(generation))
        return;
    m_latestSweep = std::move(sweep);
    m_sweepRevision = projectRevision;
    emit sweepReady(m_latestSweep);
}

void EvaluationRunner::finishBackground(quint64 generation)
{
    if (isStale(generation))
        return;
    emit progressChanged(100, tr("Up to date"));
    setBusy(false);
}

} // namespace skyline
