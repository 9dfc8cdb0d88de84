#include "MemorySweepRunner.h"

#include "engine/VariantEvaluation.h"

#include <QMetaObject>

namespace skyline {

MemorySweepRunner::MemorySweepRunner(QObject *parent) : QObject(parent)
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
    const quint64 generation = ++m_generation;
    m_pool.clear(); // a request still waiting is stale now
    m_busy = true;
    m_pool.start([this, generation, project = std::move(project),
                  candidate = candidateId.toStdString(), node = nodeId.toStdString(),
                  trafficMultiplier] {
        run(generation, project, candidate, node, trafficMultiplier);
    });
}

void MemorySweepRunner::cancel()
{
    ++m_generation;
    m_pool.clear();
    m_busy = false;
}

void MemorySweepRunner::run(quint64 generation, std::shared_ptr<const Project> project,
                            std::string candidateId, std::string nodeId,
                            double trafficMultiplier)
{
    if (generation != m_generation.load() || !project)
        return; // a newer request follows
    EvalOptions options;
    options.method = EvalMethod::Analytic;
    options.trafficMultiplier = trafficMultiplier;
    VariantRun variants;
    variants.threads = 1; // one background thread, as the runner's sweep: the GUI stays quick
    variants.callerWorkspace = &m_workspace;
    variants.progress = [this, generation](std::size_t, std::size_t) {
        return generation == m_generation.load(); // a newer request: stop
    };
    auto sweep = std::make_shared<const MemorySweep>(
        memorySweep(*project, nodeId, candidateId, memorySweepSizesMb(), options, variants));
    if (generation != m_generation.load())
        return;
    QMetaObject::invokeMethod(
        this, [this, generation, sweep] { accept(generation, sweep); }, Qt::QueuedConnection);
}

void MemorySweepRunner::accept(quint64 generation, std::shared_ptr<const MemorySweep> sweep)
{
    if (generation != m_generation.load())
        return; // stale: a newer request has replaced it
    m_busy = false;
    emit sweepReady(std::move(sweep));
}

} // namespace skyline
