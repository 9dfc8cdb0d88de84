#include "engine/Queueing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyline {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

/// P(X + Y > t) for independent X ~ Exp(a), Y ~ Exp(b), written so that a == b and
/// a close to b stay exact: e^{-lo t} (1 + lo (1 - e^{-(hi-lo) t}) / (hi - lo)).
double hypoexponentialSurvival(double a, double b, double t)
{
    const double lo = std::min(a, b);
    const double hi = std::max(a, b);
    const double gap = hi - lo;
    const double ratio = gap > 0 ? -std::expm1(-gap * t) / gap : t;
    return std::exp(-lo * t) * (1.0 + lo * ratio);
}

} // namespace

double erlangB(double offeredLoadErlangs, int servers)
{
    if (offeredLoadErlangs <= 0)
        return 0.0;
    if (servers <= 0)
        return 1.0;
    // 1/B(k) = 1 + (k / E) / B(k-1), B(0) = 1: every term is >= 1, so it never underflows;
    // it may overflow to infinity for tiny loads, which correctly gives B = 0.
    const double perErlang = 1.0 / offeredLoadErlangs;
    double inverse = 1.0;
    for (int k = 1; k <= servers; ++k)
        inverse = 1.0 + inverse * (k * perErlang);
    return 1.0 / inverse;
}

double erlangC(double offeredLoadErlangs, int servers)
{
    if (offeredLoadErlangs <= 0)
        return 0.0;
    if (servers <= 0 || offeredLoadErlangs >= servers)
        return 1.0;
    const double blocking = erlangB(offeredLoadErlangs, servers);
    const double k = servers;
    return k * blocking / (k - offeredLoadErlangs * (1.0 - blocking));
}

MmkResult mmk(double arrivalRatePerS, double serviceTimeS, int servers)
{
    MmkResult result;
    const double load = std::max(0.0, arrivalRatePerS) * std::max(0.0, serviceTimeS);
    result.utilization = servers > 0 ? load / servers : (load > 0 ? infinity : 0.0);
    result.overloaded = load > 0 && (servers <= 0 || load >= servers);
    if (result.overloaded) {
        result.waitProbability = 1.0;
        result.meanWaitS = infinity;
        result.meanResponseS = infinity;
        return result;
    }
    result.waitProbability = erlangC(load, servers);
    if (load > 0) {
        const double drainRatePerS = servers / serviceTimeS - arrivalRatePerS;
        result.meanWaitS = result.waitProbability / drainRatePerS;
    }
    result.meanResponseS = result.meanWaitS + std::max(0.0, serviceTimeS);
    return result;
}

double mmkResponseTimeCdf(double arrivalRatePerS, double serviceTimeS, int servers,
                          double timeS)
{
    if (timeS <= 0)
        return 0.0;
    if (serviceTimeS <= 0)
        return 1.0;
    const MmkResult figures = mmk(arrivalRatePerS, serviceTimeS, servers);
    if (figures.overloaded)
        return 0.0;
    const double serviceRate = 1.0 / serviceTimeS;
    const double drainRate = servers * serviceRate - arrivalRatePerS;
    const double waitProbability = figures.waitProbability;
    const double survival = (1.0 - waitProbability) * std::exp(-serviceRate * timeS)
        + waitProbability * hypoexponentialSurvival(serviceRate, drainRate, timeS);
    return std::clamp(1.0 - survival, 0.0, 1.0);
}

double mmkResponseTimeQuantileS(double arrivalRatePerS, double serviceTimeS, int servers,
                                double q)
{
    if (serviceTimeS <= 0 || q <= 0)
        return 0.0;
    if (q >= 1 || mmk(arrivalRatePerS, serviceTimeS, servers).overloaded)
        return infinity;
    auto cdf = [&](double t) {
        return mmkResponseTimeCdf(arrivalRatePerS, serviceTimeS, servers, t);
    };
    double high = serviceTimeS;
    while (cdf(high) < q && high < 1e300)
        high *= 2.0;
    double low = 0.0;
    for (int step = 0; step < 200 && high - low > 1e-12 * high; ++step) {
        const double mid = 0.5 * (low + high);
        if (cdf(mid) < q)
            low = mid;
        else
            high = mid;
    }
    return 0.5 * (low + high);
}

} // namespace skyline
