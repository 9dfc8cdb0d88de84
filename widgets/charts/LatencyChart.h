#pragma once
// End-to-end latency percentiles (p50, p95, p99 at the busiest hour) per entry point as grouped
// bars in ms; in overlay mode one bar colour per candidate.

#include "ResultChart.h"

namespace skyline {

class LatencyChart : public ResultChart
{
    Q_OBJECT
public:
    explicit LatencyChart(QWidget *parent = nullptr);
    bool supportsOverlay() const override { return true; }
protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString valueText(double value) const override;
};

} // namespace skyline
