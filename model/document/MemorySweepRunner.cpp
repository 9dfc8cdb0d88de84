#include "MemorySweepRunner.h"

#include "engine/VariantEvaluation.h"

#include <QMetaObject>

namespace skyline {

MemorySweepRunner::MemorySweepRunner(QObject *parent) : BackgroundRunner(parent)
{
    qRegisterMetaType<std::shared_ptr<const MemorySweep>>();
    m_pool.setMaxThreadCount(1);
}

MemorySweepRunner::~MemorySweepRunner()
{
    cancel();
    m_pool.waitForDone();
}

void MemorySweepRunner::request(std::shared_ptr<const Project> project,
                                const QString &candidateId, const QString &nodeId,
                                double trafficMultiplier)
{
    const quint64 generation = advanceGeneration();
    m_pool.clear(); // a request still waiting is stale now
    setBusy(true);
    m_pool.start([this, generation, project = std::move(project),
                  candidate = candidateId.toStdString(), node = nodeId.toStdString(),
                  trafficMultiplier] {
        run(generation, project, candidate, node, trafficMultiplier);
    });
}

void MemorySweepRunner::cancel()
{
    advanceGeneration();
    m_pool.clear();
    setBusy(false);
}

void MemorySweepRunner::run(quint64 generation, std::shared_ptr<const Project> project,
                            std::string candidateId, std::string nodeId,
                            double trafficMultiplier)
{
    if (isStale(generation) || !project)
        return; // a newer request follows
    EvalOptions options;
    options.method = EvalMethod::Analytic;
    options.trafficMultiplier = trafficMultiplier;
    VariantRun variants;
    variants.threads = 1; // one background thread, as the runner's sweep: the GUI stays quick
    variants.callerWorkspace = &m_workspace;
    variants.progress = [this, generation](std::size_t, std::size_t) {
        return !isStale(generation); // a newer request: stop
    };
    auto sweep = std::make_shared<const MemorySweep>(
        memorySweep(*project, nodeId, candidateId, memorySweepSizesMb(), options, variants));
    if (isStale(generation))
        return;
    QMetaObject::invokeMethod(
        this, [this, generation, sweep] { accept(generation, sweep); }, Qt::QueuedConnection);
}

void MemorySweepRunner::accept(quint64 generation, std::shared_ptr<const MemorySweep> sweep)
{
    if (isStale(generation))
        return; // stale: a newer request has replaced it
    setBusy(false);
    emit sweepReady(std::move(sweep));
}

} // namespace skyline
