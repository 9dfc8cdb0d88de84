#pragma once
// Alive (solid) and busy (dashed) instances over the day per function or service.

#include "ResultChart.h"

namespace skyline {

class InstancesChart : public ResultChart
{
    Q_OBJECT
public:
    explicit InstancesChart(QWidget *parent = nullptr);

protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString keyText(double key) const override;
};

} // namespace skyline
