#pragma once
// The operational complexity breakdown: points per item, each labelled with its count and
// weight, so the score is never a bare number.

#include "ResultChart.h"

namespace skyline {

class ComplexityChart : public ResultChart
{
    Q_OBJECT
public:
    explicit ComplexityChart(QWidget *parent = nullptr);

protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString valueText(double value) const override;
};

} // namespace skyline
