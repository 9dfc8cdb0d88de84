#include "engine/RunTimeDistribution.h"

#include "engine/SeededRandom.h"

#include <algorithm>
#include <cmath>

namespace skyline {

RunTimeDistribution::RunTimeDistribution(double mean, double cv) : m_mean(std::max(0.0, mean))
{
    if (cv <= 1e-9 || m_mean <= 0) {
        m_shape = Shape::Constant;
    } else if (std::abs(cv - 1.0) < 1e-9) {
        m_shape = Shape::Exponential;
    } else {
        m_shape = Shape::Lognormal;
        m_sigma = std::sqrt(std::log1p(cv * cv));
        m_mu = std::log(m_mean) - 0.5 * m_sigma * m_sigma;
    }
}

double RunTimeDistribution::quantile(double u) const
{
    if (m_shape == Shape::Constant)
        return m_mean;
    u = std::clamp(u, 0.0, 1.0 - 1e-16);
    if (m_shape == Shape::Exponential)
        return -m_mean * std::log1p(-u);
    return std::exp(m_mu + m_sigma * normalQuantile(u));
}

double RunTimeDistribution::cdf(double t) const
{
    if (t < 0)
        return 0;
    switch (m_shape) {
    case Shape::Constant: return t >= m_mean ? 1.0 : 0.0;
    case Shape::Exponential: return -std::expm1(-t / m_mean);
    case Shape::Lognormal:
        if (t == 0)
            return 0;
        return 0.5 * std::erfc(-(std::log(t) - m_mu) / (m_sigma * std::sqrt(2.0)));
    }
    return 0;
}

double RunTimeDistribution::shareAbove(double limit) const
{
    switch (m_shape) {
    case Shape::Constant: return m_mean > limit ? 1.0 : 0.0;
    case Shape::Exponential: return std::exp(-limit / m_mean);
    case Shape::Lognormal: {
        const double z = (std::log(limit) - m_mu) / m_sigma;
        return 0.5 * std::erfc(z / std::sqrt(2.0));
    }
    }
    return 0;
}

double RunTimeDistribution::draw(SeededRandom &random) const
{
    switch (m_shape) {
    case Shape::Constant: return m_mean;
    case Shape::Exponential: return random.exponential(m_mean);
    case Shape::Lognormal: return std::exp(m_mu + m_sigma * random.normal());
    }
    return m_mean;
}

/// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
double normalQuantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                               2.445134137142996e+00, 3.754408661907416e+00};
    p = std::clamp(p, 1e-300, 1.0 - 1e-16);
    const double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

} // namespace skyline
