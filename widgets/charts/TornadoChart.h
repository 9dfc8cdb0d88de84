#pragma once
// What drives the cost (issue 11 point 5): the sensitivity of the current candidate as a
// tornado. One row per parameter, widest cost swing on top; each bar runs from the monthly
// cost with every parameter at its value to the cost with this parameter at its low (light)
// and at its high (dark), both ends labelled with the cost and the parameter's value there.
// Bars whose low or high makes another candidate the cheapest are drawn in another colour.
// Names are the node's name and the schema's (translated) label. Fed by the RangeRunner.

#include "ResultChart.h"

#include "engine/Sensitivity.h"

namespace skyline {

class TornadoChart : public ResultChart
{
    Q_OBJECT
public:
    /// Rows shown at most: the widest swings; the title says how many there are.
    static constexpr int maxRows = 15;

    explicit TornadoChart(QWidget *parent = nullptr);

    /// Draws ResultChart::setSensitivity()'s figures.
    bool usesSensitivity() const override { return true; }

    /// JSON pointers of the rows shown, top (widest swing) first.
    QStringList rowPointers() const { return m_rowPointers; }
    /// Their names as shown ("Place order: Run time").
    QStringList rowNames() const { return m_rowNames; }
    /// Pointers of the rows drawn as flipping the cheapest candidate.
    QStringList flippingPointers() const { return m_flipping; }

protected:
    /// Its variants are evaluated with the analytic method, whatever the studio's method.
    EvalMethod figuresMethod() const override { return EvalMethod::Analytic; }
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    bool needsCandidate() const override { return false; }
    bool hasData() const override { return sensitivity() != nullptr; }
    QString valueText(double value) const override;
    void fitAxes() override;

private:
    const CandidateSensitivity *shownCandidate() const;
    void addEndLabel(double costUsd, double key, const QString &valueText, bool rightOfBase);

    QStringList m_rowPointers;
    QStringList m_rowNames;
    QStringList m_flipping;
};

} // namespace skyline
