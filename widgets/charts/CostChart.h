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
    bool usesUncertainty() const override { return true; }
    /// The P10–P90 bar of the candidate's total (null without ranges or in overlay mode).
    QCPBars *bandBars() const { return m_bandBars; }
protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    QString valueText(double value) const override;
    void applyHighlight() override;

private:
    /// A "Total" category: the candidate's total as evaluated (a tick) and, translucent in
    /// the candidate's colour, P10–P90 of its monthly cost from the ranges.
    void addTotalBand(const Evaluation &evaluation, const CandidateEvaluation &candidate,
                      QStringList &labels);

    QCPItemRect *m_highlightBand = nullptr;
    QCPBars *m_bandBars = nullptr;
    QStringList m_categoryNodes; ///< node id of each category (empty: platform fees)
};

} // namespace skyline
