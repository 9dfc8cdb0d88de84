#pragma once
// The memory sweep of the selected function (issue 11.3): its cost per million requests
// (solid, left axis) and its p99 (dashed, right axis, log) against memory from 128 MB to
// 10,240 MB (log axis), the current size as a vertical line, the cheapest and the balanced
// size (the fastest within 10 % of the cheapest cost) marked. It follows the canvas selection
// and every edit; the sweep runs off the GUI thread (MemorySweepRunner) and a stale one is
// dropped. Without a selected function it says how to get one.

#include "ResultChart.h"

#include "MemorySweepRunner.h"

namespace skyline {

class MemorySweepChart : public ResultChart
{
    Q_OBJECT
public:
    explicit MemorySweepChart(QWidget *parent = nullptr);

    /// The sweep drawn (or about to be drawn): null before the first one arrives.
    std::shared_ptr<const MemorySweep> memorySweep() const { return m_sweep; }
    /// The memory marked as the current size (0 when nothing is drawn).
    double markedMemoryMb() const { return m_markedMemoryMb; }
    MemorySweepRunner *runner() { return &m_runner; }

protected:
    /// Its variants are evaluated with the analytic method, whatever the studio's method.
    EvalMethod figuresMethod() const override { return EvalMethod::Analytic; }
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString keyText(double key) const override;
    /// A new selection is a new function to sweep, not just another emphasis.
    void applyHighlight() override;

private:
    /// What the sweep on screen, or the one running, was asked for.
    struct Request
    {
        const Project *project = nullptr;
        QString candidateId;
        QString nodeId;
        double trafficMultiplier = 1.0;
        bool operator==(const Request &) const = default;
    };
    void acceptSweep(std::shared_ptr<const MemorySweep> sweep);
    void draw(const MemorySweep &sweep, double currentMemoryMb);

    MemorySweepRunner m_runner;
    Request m_requested;
    std::shared_ptr<const MemorySweep> m_sweep;
    QString m_drawnNodeId; ///< the selection the last rebuild saw
    double m_markedMemoryMb = 0;
};

} // namespace skyline
