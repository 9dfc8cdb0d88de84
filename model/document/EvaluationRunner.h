#pragma once
// The live evaluation behind the charts (STYLE.md habit 5). Listens to a Document and evaluates
// a snapshot of the project off the GUI thread with the analytic method (instant feedback),
// then refines in the background: the load sweep across traffic multipliers, and the lifecycle
// simulation candidate by candidate. An edit that finds the runner quiet is evaluated at once
// (leading edge, on the next event-loop pass so that changes made together count as one);
// further edits while that runs, or within the debounce interval of the last one, coalesce
// into one trailing evaluation after the burst. Every request carries a generation number; a
// result whose generation is no longer the latest is dropped, so a stale result never replaces
// a newer one.

#include "BackgroundRunner.h"
#include "engine/EngineWorkspace.h"
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

/// The studio's wall-clock budget for simulating one candidate. The CLI keeps 10 s per run
/// (EvalOptions::simulationMaxSeconds); in the studio a user waits after every edit, and a
/// candidate that needs more stops here and says how precise it got (simulationShortfall).
inline constexpr double studioSimulationSecondsPerCandidate = 2.0;

/// How far a candidate's simulation stayed from its ±5 % target when its time budget ended
/// it: the widest relative 95 % half-width (0.12 = ±12 %) of the cold-start probability and the
/// average alive and busy instances over its simulated functions; +infinity when one stopped
/// after a single day (no interval yet). 0 when every simulated function reached the target
/// (or none was simulated).
double simulationShortfall(const CandidateEvaluation &candidate);

/// A candidate whose simulation stopped at its time budget, and the ± it reached.
struct SimulationShortfall
{
    QString candidateName;
    double relativeHalfWidth = 0; ///< 0.12 = ±12 %; +infinity: one day, no interval
};

class EvaluationRunner : public BackgroundRunner
{
    Q_OBJECT
public:
    /// Starts evaluating `document`'s project on the next event-loop pass.
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
    /// How long after the last edit of a burst the trailing evaluation waits (a single edit
    /// is evaluated at once whatever this says). A quiet window already running restarts.
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    /// Whether a burst's quiet window is running (edits now coalesce into a trailing run).
    bool isInQuietWindow() const { return m_debounce.isActive(); }
    /// Ends the quiet window now, as if the debounce interval had passed: the trailing run of
    /// a burst starts (or waits for the analytic run in flight). For tests, which must not
    /// depend on how fast the machine is.
    void endQuietWindow();
    /// Analytic evaluations started so far (each leading or trailing edge counts one).
    int analyticRunCount() const { return m_analyticRuns; }

    /// The newest result accepted (analytic or refined), or null before the first one.
    std::shared_ptr<const Evaluation> latest() const { return m_latest; }
    bool latestIsRefined() const { return m_latestRefined; }
    /// The project snapshot latest() describes (names of nodes, the graph).
    std::shared_ptr<const Project> latestProject() const { return m_latestProject; }
    std::shared_ptr<const LoadSweep> latestSweep() const { return m_latestSweep; }
    /// The candidates of the latest refined result whose simulation stopped at the studio's
    /// budget (studioSimulationSecondsPerCandidate) before reaching ±5 %, in candidate order.
    const std::vector<SimulationShortfall> &simulationShortfalls() const
    {
        return m_shortfalls;
    }
    /// The per-candidate simulation budget (default studioSimulationSecondsPerCandidate).
    void setSimulationSecondsPerCandidate(double seconds) { m_simulationSeconds = seconds; }
    double simulationSecondsPerCandidate() const { return m_simulationSeconds; }

public slots:
    /// Schedules a new evaluation: at once when quiet, else once the burst is over.
    void requestEvaluation();

signals:
    void evaluationReady(std::shared_ptr<const skyline::Evaluation> evaluation, bool refined);
    void sweepReady(std::shared_ptr<const skyline::LoadSweep> sweep);

private:
    struct Request
    {
        quint64 generation = 0;
        quint64 projectRevision = 0;
        std::shared_ptr<const Project> project;
        double trafficMultiplier = 1.0;
        bool simulate = true;
        double simulationSeconds = studioSimulationSecondsPerCandidate;
        bool sweep = true;
    };

    void start();
    void onQuietWindowEnd();
    void runAnalytic(const Request &request);
    /// GUI thread: the analytic run of `request` is over (`evaluation` null when it was
    /// skipped as stale); starts the trailing evaluation when one is waiting.
    void finishAnalytic(const Request &request, std::shared_ptr<const Evaluation> evaluation);
    void runBackground(const Request &request);

    // GUI-thread receivers of the worker results.
    void accept(quint64 generation, std::shared_ptr<const Project> project,
                std::shared_ptr<const Evaluation> evaluation, bool refined);
    void acceptSweep(quint64 generation, quint64 projectRevision,
                     std::shared_ptr<const LoadSweep> sweep);
    void finishBackground(quint64 generation);

    Document *m_document = nullptr;
    QTimer m_leadingEdge; ///< zero interval: coalesces the changes of one event-loop pass
    QTimer m_debounce;    ///< the quiet window: runs while a burst of edits goes on
    bool m_pending = false;          ///< a request waits for the burst or the run to end
    bool m_analyticInFlight = false; ///< one analytic run at a time
    int m_analyticRuns = 0;
    QThreadPool m_analyticPool;   ///< one thread: the instant answer
    QThreadPool m_backgroundPool; ///< one thread: sweep and simulation, never delays the above
    EngineWorkspace m_analyticWorkspace;   ///< the engine's memory, used by m_analyticPool only
    EngineWorkspace m_backgroundWorkspace; ///< used by m_backgroundPool only
    quint64 m_projectRevision = 0;      ///< bumps on project edits only (not the slider)
    quint64 m_sweepRevision = ~0ull;    ///< project revision of m_latestSweep
    bool m_projectDirty = true;
    double m_trafficMultiplier = 1.0;
    bool m_simulationEnabled = true;
    bool m_sweepEnabled = true;
    std::shared_ptr<const Project> m_snapshot;
    /// The last analytic run's project and result, for evaluateReusing(): an edit to one
    /// candidate re-evaluates that one only. Touched only by runAnalytic() (one at a time).
    std::shared_ptr<const Project> m_analyzedProject;
    std::shared_ptr<const Evaluation> m_analyzed;
    std::shared_ptr<const Evaluation> m_latest;
    std::shared_ptr<const Project> m_latestProject;
    bool m_latestRefined = false;
    std::shared_ptr<const LoadSweep> m_latestSweep;
    std::vector<SimulationShortfall> m_shortfalls;
    double m_simulationSeconds = studioSimulationSecondsPerCandidate;
};

/// The engine's sweep() of `project`, run one multiplier at a time so that it can stop early:
/// `keepGoing` is asked before each multiplier (and at the end); when it answers false the
/// sweep stops and returns nothing. The result equals sweep(project, multipliers).
std::shared_ptr<LoadSweep> computeSweep(const Project &project,
                                          const std::vector<double> &multipliers,
                                          const std::function<bool(int done)> &keepGoing,
                                          EngineWorkspace &workspace);

} // namespace skyline

Q_DECLARE_METATYPE(std::shared_ptr<const skyline::Evaluation>)
Q_DECLARE_METATYPE(std::shared_ptr<const skyline::LoadSweep>)
