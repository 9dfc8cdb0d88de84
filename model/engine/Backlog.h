#pragma once
// Queue backlog (DESIGN.md §3 "End-to-end latency", the asynchronous side): how many messages a
// queue holds minute by minute when its consumers drain less than arrives, and how old the
// oldest one gets.

#include <vector>

namespace skyline {

struct QueueBacklog
{
    double maxMessages = 0;
    double maxAgeS = 0;       ///< age of the oldest message at the worst minute (FIFO)
    bool neverDrains = false; ///< the backlog is larger at every midnight than the one before
    std::vector<double> messagesPerMinute; ///< backlog at the end of each minute
};

/// Minute-by-minute backlog in steady state (the day repeats): messages arriving at inflowRps
/// drained at most at capacityRps.
QueueBacklog queueBacklog(const std::vector<double> &inflowRps, double capacityRps);

} // namespace skyline
