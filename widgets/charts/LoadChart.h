#pragma once
// Requests per second over the day per client (x in hours); in overlay mode every candidate's
// clients, one colour per candidate.

#include "ResultChart.h"

namespace skyline {

class LoadChart : public ResultChart
{
    Q_OBJECT
public:
    explicit LoadChart(QWidget *parent = nullptr);
    bool supportsOverlay() const override { return true; }
protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString keyText(double key) const override;
};

} // namespace skyline
