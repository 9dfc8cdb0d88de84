#include "RangeRunner.h"

#include "Document.h"

#include <QMetaObject>

#include <algorithm>

namespace skyline {

namespace {

constexpr int debounceIntervalMs = 150;
constexpr int uncertaintyShareOfProgress = 60; ///< percent of the bar when both run

bool hasAny(const RangeMap &ranges)
{
    return !ranges.empty();
}

} // namespace

bool projectHasRanges(const Project &project)
{
    for (const Workload &workload : project.workloads)
        if (hasAny(workload.ranges))
            return true;
    for (const Candidate &candidate : project.candidates) {
        for (const Node &node : candidate.nodes)
            if (hasAny(node.ranges))
                return true;
        for (const Edge &edge : candidate.edges)
            if (hasAny(edge.ranges))
                return true;
    }
    return false;
}

RangeRunner::RangeRunner(Document *document, QObject *parent)
    : BackgroundRunner(parent), m_document(document)
{
    qRegisterMetaType<std::shared_ptr<const UncertaintyResult>>();
    qRegisterMetaType<std::shared_ptr<const SensitivityResult>>();
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceIntervalMs);
    connect(&m_debounce, &QTimer::timeout, this, &RangeRunner::start);
    if (m_document)
        connect(m_document, &Document::projectChanged, this, &RangeRunner::restart);
    restart();
}

RangeRunner::~RangeRunner()
{
    m_debounce.stop();
    stopCurrent(); // its result is dropped
    m_pool.clear();
    m_pool.waitForDone();
}

void RangeRunner::stopCurrent()
{
    advanceGeneration(); // from now on, everything in flight is stale
    m_runsInFlight = 0;
    if (m_currentCancel)
        m_currentCancel->store(true);
}

void RangeRunner::restart()
{
    stopCurrent();
    m_cancelled = false;
    setBusy(true);
    m_debounce.start();
    if (m_sensitivityOnDemand)
        emit sensitivityOutdated(); // a receiver on screen asks again (requestSensitivity)
}

void RangeRunner::setTrafficMultiplier(double multiplier)
{
    if (multiplier == m_trafficMultiplier)
        return;
    m_trafficMultiplier = multiplier;
    restart();
}

void RangeRunner::requestSensitivity()
{
    const quint64 current = generation();
    if (!m_document || m_cancelled || isSensitivityCurrent() || m_sensitivityScheduled == current)
        return;
    m_sensitivityRequested = current;
    if (m_debounce.isActive())
        return; // start() takes it along
    // This generation's run started without it (it may still be sampling the ranges): the
    // sensitivity follows it on the worker, for the same project.
    Request request;
    request.generation = current;
    request.project = std::make_shared<const Project>(m_document->project());
    request.trafficMultiplier = m_trafficMultiplier;
    request.uncertainty = false;
    request.cancel = m_currentCancel ? m_currentCancel
                                     : std::make_shared<std::atomic<bool>>(false);
    m_currentCancel = request.cancel;
    setBusy(true);
    launch(std::move(request));
}

void RangeRunner::cancel()
{
    if (!isBusy())
        return;
    stopCurrent();
    m_debounce.stop();
    m_cancelled = true;
    setBusy(false);
    emit progressChanged(100, tr("Ranges: cancelled — the next edit analyses them again"));
}

void RangeRunner::start()
{
    if (!m_document)
        return;
    Request request;
    request.generation = generation();
    request.project = std::make_shared<const Project>(m_document->project());
    request.samples = m_samples;
    request.trafficMultiplier = m_trafficMultiplier;
    request.sensitivity =
        !m_sensitivityOnDemand || m_sensitivityRequested == request.generation;
    request.cancel = std::make_shared<std::atomic<bool>>(false);
    m_currentCancel = request.cancel;
    launch(std::move(request));
}

void RangeRunner::launch(Request request)
{
    if (request.sensitivity) {
        m_sensitivityScheduled = request.generation;
        ++m_sensitivityRuns;
    }
    ++m_runsInFlight;
    m_pool.start([this, request = std::move(request)] { run(request); });
}

void RangeRunner::run(const Request &request)
{
    const quint64 generation = request.generation;
    if (isStale(generation))
        return;
    auto post = [this](auto &&fn) {
        QMetaObject::invokeMethod(this, std::forward<decltype(fn)>(fn), Qt::QueuedConnection);
    };
    // Progress from the engine's workers: stop when stale, post only when the percentage moves.
    auto progressOf = [this, generation, post](int from, int to, QString what) {
        return [this, generation, post, from, to, what,
                last = -1](std::size_t done, std::size_t total) mutable {
            if (isStale(generation))
                return false;
            const int percent = from + int((to - from) * double(done) / double(std::max<std::size_t>(1, total)));
            if (percent != last) {
                last = percent;
                post([this, generation, percent, what] {
                    reportProgress(generation, percent, what);
                });
            }
            return true;
        };
    };

    const auto project = request.project;
    const bool ranged = request.uncertainty && projectHasRanges(*project);
    const int uncertaintyEnd = !ranged ? 0 : request.sensitivity ? uncertaintyShareOfProgress : 100;
    std::shared_ptr<const UncertaintyResult> uncertainty;
    if (ranged) {
        UncertaintyOptions options;
        options.samples = request.samples;
        options.trafficMultiplier = request.trafficMultiplier;
        options.cancel = request.cancel.get();
        options.progress = progressOf(
            0, uncertaintyEnd,
            tr("Ranges: sampling %n case(s)", "", request.samples));
        auto result = std::make_shared<UncertaintyResult>(analyzeUncertainty(*project, options));
        if (result->cancelled || isStale(generation))
            return;
        uncertainty = std::move(result);
    }
    if (request.uncertainty)
        post([this, generation, project, uncertainty] {
            acceptUncertainty(generation, project, uncertainty);
        });
    if (!request.sensitivity) {
        post([this, generation] { finish(generation); });
        return;
    }

    SensitivityOptions options;
    options.trafficMultiplier = request.trafficMultiplier;
    options.cancel = request.cancel.get();
    options.progress = progressOf(uncertaintyEnd, 100, tr("Ranges: what drives the cost"));
    auto sensitivity = std::make_shared<SensitivityResult>(analyzeSensitivity(*project, options));
    if (sensitivity->cancelled || isStale(generation))
        return;
    post([this, generation, project, sensitivity] {
        acceptSensitivity(generation, project, sensitivity);
    });
    post([this, generation] { finish(generation); });
}

void RangeRunner::acceptUncertainty(quint64 generation, std::shared_ptr<const Project> project,
                                    std::shared_ptr<const UncertaintyResult> result)
{
    if (isStale(generation)) {
        ++m_dropped;
        return;
    }
    m_uncertainty = std::move(result);
    m_latestProject = std::move(project);
    emit uncertaintyReady(m_uncertainty);
}

void RangeRunner::acceptSensitivity(quint64 generation, std::shared_ptr<const Project> project,
                                    std::shared_ptr<const SensitivityResult> result)
{
    if (isStale(generation)) {
        ++m_dropped;
        return;
    }
    m_sensitivity = std::move(result);
    m_sensitivityGeneration = generation;
    m_latestProject = std::move(project);
    emit sensitivityReady(m_sensitivity);
}


void RangeRunner::finish(quint64 generation)
{
    if (isStale(generation) || --m_runsInFlight > 0)
        return; // another run of this generation follows (the sensitivity asked for meanwhile)
    emit progressChanged(100, tr("Ranges: up to date"));
    setBusy(false);
}

} // namespace skyline
