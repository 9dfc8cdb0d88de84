#pragma once
// The studio's memory sweep (issue 11.3) off the GUI thread, as EvaluationRunner does it for
// the evaluation (BackgroundRunner: each request carries a generation number, a result whose
// generation is no longer the latest is dropped, so a stale sweep never replaces a newer one);
// it runs on a thread of its own with its own engine working memory (16 sizes take
// milliseconds: no progress to show). The chart asks; the runner answers.

#include "BackgroundRunner.h"
#include "engine/EngineWorkspace.h"
#include "engine/MemorySweep.h"

#include <QString>
#include <QThreadPool>

#include <memory>

namespace skyline {

class MemorySweepRunner : public BackgroundRunner
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

signals:
    /// The sweep of the latest request (`sweep.error` says when there was nothing to sweep).
    void sweepReady(std::shared_ptr<const skyline::MemorySweep> sweep);

private:
    void run(quint64 generation, std::shared_ptr<const Project> project, std::string candidateId,
             std::string nodeId, double trafficMultiplier);
    void accept(quint64 generation, std::shared_ptr<const MemorySweep> sweep);

    QThreadPool m_pool; ///< one thread
    EngineWorkspace m_workspace; ///< used by m_pool only
};

} // namespace skyline

Q_DECLARE_METATYPE(std::shared_ptr<const skyline::MemorySweep>)
