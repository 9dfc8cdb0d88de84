#pragma once
// The live evaluation behind the charts (STYLE.md habit 5). Listens to a Document, debounces a
// burst of edits, evaluates a snapshot of the project off the GUI thread with the analytic
// method (instant feedback), then refines in the background: the load sweep across traffic
// multipliers, and the lifecycle simulation candidate by candidate. Every request carries a
// generation number; a result whose generation is no longer the latest is dropped, so a stale
// result never replaces a newer one.

#include "engine/Evaluation.h"
#include "engine/Sweep.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace skyline {

class Document;

class EvaluationRunner : public QObject
{
    Q_OBJECT
public:
    /// Starts evaluating `document`'s project at once (after the debounce).
    explicit EvaluationRunner(Document *document, QObject *parent = nullptr);
    /// Waits for the running engine call to finish (its result is dropped); never leaves a
    /// thread behind.
    ~EvaluationRunner() override;

    Document *document() const { return m_document; }

    /// The what-if slider: scales every workload; re-evaluates.
    void setTrafficMultiplier(double multiplier);
    double trafficMultiplier() const { return m_trafficMultiplier; }
    /// Whether the simulation refines each analytic result (on by default).
    void setSimulationEnabled(bool enabled);
    bool isSimulationEnabled() const { return m_simulationEnabled; }
    /// Whether the load sweep runs after each analytic result (on by default).
    void setSweepEnabled(bool enabled);
    bool isSweepEnabled() const { return m_sweepEnabled; }
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }

    /// The newest result accepted (analytic or refined), or null before the first one.
    std::shared_ptr<const Evaluation> latest() const { return m_latest; }
    bool latestIsRefined() const { return m_latestRefined; }
    /// The project snapshot latest() describes (names of nodes, the graph).
    std::shared_ptr<const Project> latestProject() const { return m_latestProject; }
    std::shared_ptr<const LoadSweep> latestSweep() const { return m_latestSweep; }
    /// Generation of the newest request (each edit or option change adds one).
    quint64 generation() const { return m_generation.load(); }
    bool isBusy() const { return m_busy; }

public slots:
    /// Schedules a new evaluation after the debounce interval.
    void requestEvaluation();

signals:
    void evaluationReady(std::shared_ptr<const skyline::Evaluation> evaluation, bool refined);
    void sweepReady(std::shared_ptr<const skyline::LoadSweep> sweep);
    void progressChanged(int percent, const QString &what);
    void busyChanged(bool busy);

private:
    struct Request
    {
        quint64 generation = 0;
        quint64 projectRevision = 0;
        std::shared_ptr<const Project> project;
        double trafficMultiplier = 1.0;
        bool simulate = true;
        bool sweep = true;
    };

    void start();
    void runAnalytic(const Request &request);
    void runBackground(const Request &request);
    bool isStale(quint64 generation) const { return generation != m_generation.load(); }

    // GUI-thread receivers of the worker results.
    void accept(quint64 generation, std::shared_ptr<const Project> project,
                std::shared_ptr<const Evaluation> evaluation, bool refined);
    void acceptSweep(quint64 generation, quint64 projectRevision,
                     std::shared_ptr<const LoadSweep> sweep);
    void reportProgress(quint64 generation, int percent, const QString &what);
    void finishBackground(quint64 generation);
    void setBusy(bool busy);

    Document *m_document = nullptr;
    QTimer m_debounce;
    QThreadPool m_analyticPool;   ///< one thread: the instant answer
    QThreadPool m_backgroundPool; ///< one thread: sweep and simulation, never delays the above
    std::atomic<quint64> m_generation{0};
    quint64 m_projectRevision = 0;      ///< bumps on project edits only (not the slider)
    quint64 m_sweepRevision = ~0ull;    ///< project revision of m_latestSweep
    bool m_projectDirty = true;
    double m_trafficMultiplier = 1.0;
    bool m_simulationEnabled = true;
    bool m_sweepEnabled = true;
    bool m_busy = false;
    std::shared_ptr<const Project> m_snapshot;
    std::shared_ptr<const Evaluation> m_latest;
    std::shared_ptr<const Project> m_latestProject;
    bool m_latestRefined = false;
    std::shared_ptr<const LoadSweep> m_latestSweep;
};

/// The engine's sweep() of `project`, run one multiplier at a time so that it can stop early:
/// `keepGoing` is asked before each multiplier (and at the end); when it answers false the
/// sweep stops and returns nothing. The result equals sweep(project, multipliers).
std::shared_ptr<LoadSweep> computeSweep(const Project &project,
                                          const std::vector<double> &multipliers,
                                          const std::function<bool(int done)> &keepGoing);

} // namespace skyline

Q_DECLARE_METATYPE(std::shared_ptr<const skyline::Evaluation>)
Q_DECLARE_METATYPE(std::shared_ptr<const skyline::LoadSweep>)
