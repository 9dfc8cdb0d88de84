#pragma once
// Monthly cost per node, stacked by line item, with the total in the title; in overlay mode
// every candidate's cost per line item side by side, one colour per candidate.

#include "ResultChart.h"

namespace skyline {

class CostChart : public ResultChart
{
    Q_OBJECT
public:
    explicit CostChart(QWidget *parent = nullptr);
    bool supportsOverlay() const override { return true; }
protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString valueText(double value) const override;
    void applyHighlight() override;

private:
    QCPItemRect *m_highlightBand = nullptr;
    QStringList m_categoryNodes; ///< node id of each category (empty: platform fees)
};

} // namespace skyline
