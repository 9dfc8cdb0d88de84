#pragma once
// Blast radius: the share of client traffic that fails when each node is down (%), largest
// first.

#include "ResultChart.h"

namespace skyline {

class BlastRadiusChart : public ResultChart
{
    Q_OBJECT
public:
    explicit BlastRadiusChart(QWidget *parent = nullptr);

protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString valueText(double value) const override;
};

} // namespace skyline
