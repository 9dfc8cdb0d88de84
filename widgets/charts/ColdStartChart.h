#pragma once
// Cold starts per second over the day per function.

#include "ResultChart.h"

namespace skyline {

class ColdStartChart : public ResultChart
{
    Q_OBJECT
public:
    explicit ColdStartChart(QWidget *parent = nullptr);

protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString keyText(double key) const override;
};

} // namespace skyline
