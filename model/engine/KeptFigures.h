#pragma once
// Figures of one evaluation kept for its variants (analyzeSensitivity: one parameter at a
// time): function days, service days and entry latencies, each found again by everything it
// depends on. A variant's evaluation then recomputes only what its change reaches, and its
// figures are the same to the last bit as without them (each kept result is what the same
// computation on the same inputs gives). Recorded by one evaluate() call
// (EngineWorkspace::record), then read, never changed, by any number of threads at once
// (EngineWorkspace::reuse).

#include "engine/FunctionDayCache.h"
#include "engine/Latency.h"
#include "engine/LoadPropagation.h"
#include "engine/ServiceModel.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace skyline {

/// A candidate as the base evaluation left it, per node, before pricing: what a variant of it
/// takes for every node its change does not reach (Evaluate.cpp's nodesReachedByChange), so
/// that the variant propagates load and models only the nodes it reaches.
struct KeptCandidate
{
    Candidate candidate;                      ///< as evaluated
    std::vector<Workload> workloads;          ///< the project's, as evaluated
    double trafficMultiplier = 1;
    std::uint64_t seed = 0;
    LoadResult load;                          ///< without errors
    std::vector<double> timeoutMs;            ///< per node, as CandidateWork::timeoutMs
    std::vector<NodeResult> nodes;            ///< before pricing (monthlyCostUsd not set)
    std::vector<NodeLatencyModel> latencyModels;
    std::vector<double> coldStartsPerDay;     ///< functions: what pricing reads of their day
    std::vector<double> throttledPerDay;
    std::vector<double> servicePeakUtilization; ///< WarningInputs, per node
    std::vector<char> backlogNeverDrains;
    std::vector<std::uint64_t> modelHashes;   ///< latencyContentHash per node (empty: no client)
};

class KeptFigures
{
public:
    /// The options the figures were recorded with: only evaluations with the same method and
    /// series setting may reuse them (a day without series cannot serve one that wants them).
    EvalMethod method = EvalMethod::Analytic;
    bool computeSeries = true;

    FunctionDayCache functionDays; ///< recorded by reference, copied at the evaluation's end

    /// The day of a service with these settings, this rate per minute and this timeout.
    const ServiceDayResult *findService(const ServiceConfig &config,
                                        const std::vector<double> &rps, double timeoutMs) const;
    void addService(const ServiceConfig &config, const std::vector<double> &rps,
                    double timeoutMs, const ServiceDayResult &day);

    /// The latency of an entry whose Monte Carlo has this seed (a hash of the evaluation's
    /// seed, the client's rates and every node and call of its synchronous call tree: equal
    /// seeds, equal inputs) and these rates.
    const EntryLatency *findEntry(std::uint64_t entrySeed, const std::vector<double> &rps) const;
    void addEntry(std::uint64_t entrySeed, const std::vector<double> &rps,
                  const EntryLatency &latency);

    /// The content hash of the latency model (Evaluate.cpp's latencyContentHash) that a kept
    /// function or service day gives (the day's address), or 0 when not recorded: equal
    /// inputs, equal model, so the Monte Carlo's seeds need not hash its minutes again.
    std::uint64_t modelHashOf(const void *day) const;
    void addModelHash(const void *day, std::uint64_t hash);

    /// The base evaluation's candidate with this id, or nullptr.
    const KeptCandidate *findCandidate(const std::string &id) const;
    void addCandidate(KeptCandidate candidate);

private:
    struct Service
    {
        ServiceConfig config;
        std::vector<double> rps;
        double timeoutMs;
        ServiceDayResult day;
    };
    struct Entry
    {
        std::vector<double> rps;
        EntryLatency latency;
    };
    std::unordered_multimap<std::uint64_t, Service> m_services;
    std::unordered_multimap<std::uint64_t, Entry> m_entries;
    std::unordered_map<const void *, std::uint64_t> m_modelHashes;
    std::unordered_map<std::string, KeptCandidate> m_candidates;
};

} // namespace skyline
