#pragma once
// What the studio's background runners share (EvaluationRunner, RangeRunner,
// MemorySweepRunner): a generation number that every request carries and every edit (or
// cancel) advances, so that a result of an older generation is stale and dropped, never
// shown; a busy flag; and progress reports from worker threads, delivered on the GUI thread
// unless they became stale on the way.

#include <QObject>
#include <QString>

#include <atomic>

namespace skyline {

class BackgroundRunner : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Generation of the newest request (each edit or option change adds one).
    quint64 generation() const { return m_generation.load(); }
    bool isBusy() const { return m_busy; }

signals:
    void progressChanged(int percent, const QString &what);
    void busyChanged(bool busy);

protected:
    /// Whether a request of `generation` is no longer the newest (safe from any thread).
    bool isStale(quint64 generation) const { return generation != m_generation.load(); }
    /// Makes everything in flight stale; returns the new generation.
    quint64 advanceGeneration() { return ++m_generation; }
    void setBusy(bool busy);
    /// GUI thread: passes a worker's progress on unless its request is stale.
    void reportProgress(quint64 generation, int percent, const QString &what);

private:
    std::atomic<quint64> m_generation{0};
    bool m_busy = false;
};

} // namespace skyline
