#pragma once
// The studio's memory sweep (issue 11.3) off the GUI thread, as EvaluationRunner does it for
// the evaluation: each request carries a generation number, runs on a thread of its own with
// its own engine working memory, and a result whose generation is no longer the latest is
// dropped, so a stale sweep never replaces a newer one. The chart asks; the runner answers.

#include "engine/EngineWorkspace.h"
#include "engine/MemorySweep.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace skyline {

class MemorySweepRunner : public QObject
{
    Q_OBJECT
public:
    explicit MemorySweepRunner(QObject *parent = nullptr);
    /// Waits for the running sweep (its result is dropped); never leaves a thread behind.
    ~MemorySweepRunner() override;

    /// Sweeps the memory of function `nodeId` of candidate `candidateId` in `project` (analytic,
    /// at the traffic multiplier); replaces any request still waiting or running.
    void request(std::shared_ptr<const Project> project, const QString &candidateId,
                 const QString &nodeId, double trafficMultiplier);
    /// Drops whatever is waiting or running (no function selected any more).
    void cancel();
    quint64 generation() const { return m_generation.load(); }
    bool isBusy() const { return m_busy; }

signals:
    /// The sweep of the latest request (`sweep.error` says when there was nothing to sweep).
    void sweepReady(std::shared_ptr<const skyline::MemorySweep> sweep);

private:
    void run(quint64 generation, std::shared_ptr<const Project> project, std::string candidateId,
             std::string nodeId, double trafficMultiplier);
    void accept(quint64 generation, std::shared_ptr<const MemorySweep> sweep);

    QThreadPool m_pool; ///< one thread
    EngineWorkspace m_workspace; ///< used by m_pool only
    std::atomic<quint64> m_generation{0};
    bool m_busy = false;
};

} // namespace skyline

Q_DECLARE_METATYPE(std::shared_ptr<const skyline::MemorySweep>)
