#pragma once
// The background analyses of the ranges (issue 11 points 4 and 5), EvaluationRunner's pattern:
// listens to a Document and, after every edit, runs on one worker thread first the
// uncertainty (when the project has ranges: Latin hypercube samples, P10/P50/P90 and how often
// each candidate is the cheapest) and then the sensitivity (the tornado's data). Every request
// carries a generation number; an edit or cancel() makes everything in flight stale: the
// engine is stopped through its progress callback and a stale result is dropped, never shown.
// Progress goes out as a percentage and a sentence for the status bar.
// The sensitivity can wait until something shows it (setSensitivityOnDemand, as the studio
// does it: hidden charts catch up when shown): an edit then only announces that it is
// outdated, and requestSensitivity() computes it for the project as it is now.

#include "BackgroundRunner.h"
#include "engine/Sensitivity.h"
#include "engine/Uncertainty.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace skyline {

class Document;

/// Whether any node, connection or workload of the project carries a range.
bool projectHasRanges(const Project &project);

class RangeRunner : public BackgroundRunner
{
    Q_OBJECT
public:
    /// Samples per uncertainty run in the studio. Measured on the checkout example with three
    /// ranges (seeds 1–5 against 5,000 samples): P90 of monthly cost within 2.5 %, P10 within
    /// 6 %, "cheapest in" within 2 points (28.5–31 % against 30.5 %); 200 samples cost 0.8 s
    /// of CPU, so an edit's bands arrive within about a second.
    static constexpr int studioSamples = 200;

    /// Starts analysing `document`'s project on the next event-loop pass.
    explicit RangeRunner(Document *document, QObject *parent = nullptr);
    /// Stops the running analysis (its result is dropped) and waits for the thread.
    ~RangeRunner() override;

    void setSamples(int samples) { m_samples = samples; }
    /// Every workload scaled by it (the studio's what-if slider), as the EvaluationRunner's:
    /// the bands, "cheapest in" and the tornado describe the traffic the charts show. A new
    /// value analyses again, like an edit.
    void setTrafficMultiplier(double multiplier);
    double trafficMultiplier() const { return m_trafficMultiplier; }
    int samples() const { return m_samples; }
    /// How long after an edit the analyses start (a burst of edits restarts them once).
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    /// Off (the default): every edit runs the sensitivity too. On: only when asked
    /// (requestSensitivity()) since the last edit; the edit emits sensitivityOutdated().
    void setSensitivityOnDemand(bool onDemand) { m_sensitivityOnDemand = onDemand; }
    bool isSensitivityOnDemand() const { return m_sensitivityOnDemand; }
    /// Whether latestSensitivity() describes the project as it is (no edit since).
    bool isSensitivityCurrent() const { return m_sensitivityGeneration == generation(); }
    /// Runs started that compute the sensitivity (for tests).
    int sensitivityRunCount() const { return m_sensitivityRuns; }

    /// The newest uncertainty accepted; null before the first one and while the project has
    /// no ranges (then there is no band and no "cheapest in N %" row).
    std::shared_ptr<const UncertaintyResult> latestUncertainty() const { return m_uncertainty; }
    std::shared_ptr<const SensitivityResult> latestSensitivity() const { return m_sensitivity; }
    /// The project snapshot the latest results describe (names, schema labels).
    std::shared_ptr<const Project> latestProject() const { return m_latestProject; }
    bool isCancelled() const { return m_cancelled; }
    /// Results that arrived after a newer request and were dropped (for tests).
    int staleResultsDropped() const { return m_dropped; }

public slots:
    /// Analyses the current project again (after an edit, or after cancel()).
    void restart();
    /// Stops the running analysis; the last results stay until the next edit restarts it.
    void cancel();
    /// The sensitivity of the project as it is now is wanted (the tornado is on screen): it
    /// runs with the coming analysis, or after the one running, unless it is current, already
    /// on its way, or the user cancelled (then the next edit brings it).
    void requestSensitivity();

signals:
    void uncertaintyReady(std::shared_ptr<const skyline::UncertaintyResult> result);
    void sensitivityReady(std::shared_ptr<const skyline::SensitivityResult> result);
    /// On demand only: an edit made latestSensitivity() outdated and no run computes it yet.
    void sensitivityOutdated();

private:
    struct Request
    {
        quint64 generation = 0;
        std::shared_ptr<const Project> project;
        bool uncertainty = true; ///< sample the ranges
        bool sensitivity = true; ///< then the one-at-a-time sensitivity
        int samples = studioSamples;
        double trafficMultiplier = 1.0;
        /// Set when the request becomes stale: the engine stops before its next variant.
        std::shared_ptr<std::atomic<bool>> cancel;
    };

    void start();
    /// Queues `request` on the worker (the runs of one generation go one after the other).
    void launch(Request request);
    void run(const Request &request);
    void acceptUncertainty(quint64 generation, std::shared_ptr<const Project> project,
                           std::shared_ptr<const UncertaintyResult> result);
    void acceptSensitivity(quint64 generation, std::shared_ptr<const Project> project,
                           std::shared_ptr<const SensitivityResult> result);
    void finish(quint64 generation);
    /// Makes everything in flight stale and tells the running engine call to stop.
    void stopCurrent();

    Document *m_document = nullptr;
    QTimer m_debounce;
    QThreadPool m_pool; ///< one thread; the engine spreads its samples over the cores itself
    std::shared_ptr<std::atomic<bool>> m_currentCancel; ///< of the request last started
    int m_samples = studioSamples;
    double m_trafficMultiplier = 1.0;
    bool m_cancelled = false;
    int m_dropped = 0;
    bool m_sensitivityOnDemand = false;
    quint64 m_sensitivityRequested = 0;  ///< generation whose sensitivity was asked for
    quint64 m_sensitivityScheduled = 0;  ///< generation of the last run started with it
    quint64 m_sensitivityGeneration = 0; ///< generation of latestSensitivity()
    int m_sensitivityRuns = 0;
    int m_runsInFlight = 0; ///< runs of the current generation not finished yet
    std::shared_ptr<const UncertaintyResult> m_uncertainty;
    std::shared_ptr<const SensitivityResult> m_sensitivity;
    std::shared_ptr<const Project> m_latestProject;
};

} // namespace skyline

Q_DECLARE_METATYPE(std::shared_ptr<const skyline::UncertaintyResult>)
Q_DECLARE_METATYPE(std::shared_ptr<const skyline::SensitivityResult>)
