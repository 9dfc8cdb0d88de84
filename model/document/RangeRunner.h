#pragma once
// The background analyses of the ranges (issue 11 points 4 and 5), EvaluationRunner's pattern:
// listens to a Document and, after every edit, runs on one worker thread first the
// uncertainty (when the project has ranges: Latin hypercube samples, P10/P50/P90 and how often
// each candidate is the cheapest) and then the sensitivity (the tornado's data). Every request
// carries a generation number; an edit or cancel() makes everything in flight stale: the
// engine is stopped through its progress callback and a stale result is dropped, never shown.
// Progress goes out as a percentage and a sentence for the status bar.

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

class RangeRunner : public QObject
{
    Q_OBJECT
public:
    /// Samples per uncertainty run in the studio: the P10 and P90 of 200 Latin hypercube
    /// samples move by about 1–2 % between seeds on the examples, and 200 analytic
    /// evaluations of the checkout example take about 0.2 s on one core.
    static constexpr int studioSamples = 200;

    /// Starts analysing `document`'s project on the next event-loop pass.
    explicit RangeRunner(Document *document, QObject *parent = nullptr);
    /// Stops the running analysis (its result is dropped) and waits for the thread.
    ~RangeRunner() override;

    void setSamples(int samples) { m_samples = samples; }
    int samples() const { return m_samples; }
    /// How long after an edit the analyses start (a burst of edits restarts them once).
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }

    /// The newest uncertainty accepted; null before the first one and while the project has
    /// no ranges (then there is no band and no "cheapest in N %" row).
    std::shared_ptr<const UncertaintyResult> latestUncertainty() const { return m_uncertainty; }
    std::shared_ptr<const SensitivityResult> latestSensitivity() const { return m_sensitivity; }
    /// The project snapshot the latest results describe (names, schema labels).
    std::shared_ptr<const Project> latestProject() const { return m_latestProject; }
    quint64 generation() const { return m_generation.load(); }
    bool isBusy() const { return m_busy; }
    bool isCancelled() const { return m_cancelled; }
    /// Results that arrived after a newer request and were dropped (for tests).
    int staleResultsDropped() const { return m_dropped; }

public slots:
    /// Analyses the current project again (after an edit, or after cancel()).
    void restart();
    /// Stops the running analysis; the last results stay until the next edit restarts it.
    void cancel();

signals:
    void uncertaintyReady(std::shared_ptr<const skyline::UncertaintyResult> result);
    void sensitivityReady(std::shared_ptr<const skyline::SensitivityResult> result);
    void progressChanged(int percent, const QString &what);
    void busyChanged(bool busy);

private:
    struct Request
    {
        quint64 generation = 0;
        std::shared_ptr<const Project> project;
        int samples = studioSamples;
    };

    void start();
    void run(const Request &request);
    bool isStale(quint64 generation) const { return generation != m_generation.load(); }
    void acceptUncertainty(quint64 generation, std::shared_ptr<const Project> project,
                           std::shared_ptr<const UncertaintyResult> result);
    void acceptSensitivity(quint64 generation, std::shared_ptr<const Project> project,
                           std::shared_ptr<const SensitivityResult> result);
    void reportProgress(quint64 generation, int percent, const QString &what);
    void finish(quint64 generation);
    void setBusy(bool busy);

    Document *m_document = nullptr;
    QTimer m_debounce;
    QThreadPool m_pool; ///< one thread; the engine spreads its samples over the cores itself
    std::atomic<quint64> m_generation{0};
    int m_samples = studioSamples;
    bool m_busy = false;
    bool m_cancelled = false;
    int m_dropped = 0;
    std::shared_ptr<const UncertaintyResult> m_uncertainty;
    std::shared_ptr<const SensitivityResult> m_sensitivity;
    std::shared_ptr<const Project> m_latestProject;
};

} // namespace skyline

Q_DECLARE_METATYPE(std::shared_ptr<const skyline::UncertaintyResult>)
Q_DECLARE_METATYPE(std::shared_ptr<const skyline::SensitivityResult>)
