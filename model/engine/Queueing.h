#pragma once
// Queueing formulas shared by the engine: Erlang B (loss), Erlang C (delay) and the M/M/k
// response-time distribution. Numerically stable for thousands of servers and large loads:
// everything uses the Erlang B recursion, never factorials or powers of the load.

namespace skyline {

/// Blocking probability of an M/G/k/k loss system (Erlang B) for a load in Erlangs
/// (arrival rate x mean service time). 1 for servers <= 0 with a positive load.
double erlangB(double offeredLoadErlangs, int servers);

/// Probability that an arrival has to wait in an M/M/k queue (Erlang C). 1 when the load
/// is at or above the number of servers (the queue grows without bound).
double erlangC(double offeredLoadErlangs, int servers);

struct MmkResult
{
    double waitProbability = 0; ///< Erlang C
    double meanWaitS = 0;       ///< mean time in the queue (infinity when overloaded)
    double meanResponseS = 0;   ///< mean wait + mean service time
    double utilization = 0;     ///< offered load / servers (may exceed 1 when overloaded)
    bool overloaded = false;    ///< utilization >= 1: no steady state
};

/// Steady-state M/M/k figures for Poisson arrivals and exponential service.
MmkResult mmk(double arrivalRatePerS, double serviceTimeS, int servers);

/// Probability that the M/M/k response time (wait + service) is at most timeS.
double mmkResponseTimeCdf(double arrivalRatePerS, double serviceTimeS, int servers,
                          double timeS);

/// The q-quantile (0 < q < 1) of the M/M/k response time in seconds; infinity when
/// overloaded. Solved by bisection on the exact CDF.
double mmkResponseTimeQuantileS(double arrivalRatePerS, double serviceTimeS, int servers,
                                double q);

} // namespace skyline
