#pragma once
// The run-time distribution of DESIGN.md §3: a mean and a coefficient of variation, where cv 0
// is a constant run time, cv 1 exponential, any other cv lognormal with that mean and cv. One
// type for the analytic function model, the simulation, the latency Monte Carlo and the
// warnings, so that they all mean the same distribution.

namespace skyline {

class SeededRandom;

/// Times in any unit: quantiles and draws come out, and limits go in, in the unit of the mean
/// (the function lifecycle works in seconds, latency and warnings in milliseconds). The
/// lognormal parameters are computed once, at construction.
class RunTimeDistribution
{
public:
    enum class Shape { Constant, Exponential, Lognormal };

    RunTimeDistribution() = default; ///< always 0
    /// A mean of 0 or less, or a cv at most 1e-9, is a constant max(0, mean); a cv within 1e-9
    /// of 1 is exponential.
    RunTimeDistribution(double mean, double cv);

    Shape shape() const { return m_shape; }
    double mean() const { return m_mean; }

    /// The run time at probability u (u clamped to [0, 1 - 1e-16]).
    double quantile(double u) const;
    /// P(run time <= t).
    double cdf(double t) const;
    /// P(run time > limit): the share of runs over a limit.
    double shareAbove(double limit) const;
    /// A run time drawn from `random` (the simulation's draws: exponential by inversion of one
    /// uniform, lognormal from one Box-Muller normal).
    double draw(SeededRandom &random) const;

private:
    Shape m_shape = Shape::Constant;
    double m_mean = 0;
    double m_mu = 0;    ///< lognormal: mean of the log
    double m_sigma = 0; ///< lognormal: standard deviation of the log, sqrt(ln(1 + cv²))
};

/// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
double normalQuantile(double p);

} // namespace skyline
