#pragma once
// Monthly cost against the traffic multiplier (log-log), one curve per candidate, with the
// break-even points where two candidates cost the same marked and labelled; p99 dashed on the
// right axis; the current what-if multiplier as a vertical line.

#include "ResultChart.h"

#include <QPointer>

namespace skyline {

class SweepChart : public ResultChart
{
    Q_OBJECT
public:
    explicit SweepChart(QWidget *parent = nullptr);

    void setSweep(std::shared_ptr<const LoadSweep> sweep);
    std::shared_ptr<const LoadSweep> sweep() const { return m_sweep; }
    /// Where the what-if slider stands (marked by a vertical line).
    void setTrafficMultiplier(double multiplier);
    /// The series of break-even markers (null when there is none).
    QCPGraph *breakEvenGraph() const { return m_breakEvenGraph; }
    /// The shaded P10–P90 bands (upper edge graphs, one per ranged candidate).
    QList<QCPGraph *> bandGraphs() const { return m_bandGraphs; }
    bool usesUncertainty() const override { return true; }
    /// The break-even labels (crossings at nearly the same place share one), placed beside
    /// their markers without covering each other at every layout (placeLabels).
    const QVector<QPointer<QCPItemText>> &breakEvenLabels() const { return m_breakEvenLabels; }

protected:
    void rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate) override;
    bool needsCandidate() const override { return false; }
    bool hasData() const override { return m_sweep != nullptr; }
    QString keyText(double key) const override;

private:
    /// The P10–P90 band of one candidate's curve: the relative spread the ranges give at ×1
    /// (P10 and P90 over the curve's cost there) applied at every multiplier.
    void addBand(const LoadSweepCurve &curve, const CandidateUncertainty &spread,
                 const QColor &color, bool inLegend);

    std::shared_ptr<const LoadSweep> m_sweep;
    QList<QCPGraph *> m_bandGraphs;
    void placeBreakEvenLabels();
    /// The p99 axis title in full where the axis is long enough, else its short form: a
    /// low chart (the bottom docks of a 1024 × 700 window) cut the full one at the top.
    void fitP99Label();

    QVector<QPointer<QCPItemText>> m_breakEvenLabels; ///< null once a message cleared the items
    QVector<QPointF> m_breakEvenAnchors; ///< plot coordinates of each label's marker
    double m_trafficMultiplier = 1.0;
    QCPGraph *m_breakEvenGraph = nullptr;
};

} // namespace skyline
