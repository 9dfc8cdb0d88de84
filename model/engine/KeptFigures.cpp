#include "engine/KeptFigures.h"

#include "engine/Failures.h"

#include <cstring>

namespace skyline {
namespace {

bool sameConfig(const ServiceConfig &a, const ServiceConfig &b)
{
    return a.serviceTimeMs == b.serviceTimeMs && a.serviceTimeCv == b.serviceTimeCv
        && a.concurrencyPerReplica == b.concurrencyPerReplica && a.minReplicas == b.minReplicas
        && a.maxReplicas == b.maxReplicas && a.targetUtilization == b.targetUtilization
        && a.scaleUpDelayS == b.scaleUpDelayS && a.scaleDownDelayS == b.scaleDownDelayS;
}

/// Bitwise equal minutes (0.0 and -0.0 differ, NaN equals itself), as FunctionDayCache.
bool sameRates(const std::vector<double> &a, const std::vector<double> &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::uint64_t serviceHash(const ServiceConfig &c, const std::vector<double> &rps, double timeoutMs)
{
    ContentHash h;
    h.add(c.serviceTimeMs).add(c.serviceTimeCv).add(std::uint64_t(c.concurrencyPerReplica));
    h.add(std::uint64_t(c.minReplicas)).add(std::uint64_t(c.maxReplicas));
    h.add(c.targetUtilization).add(c.scaleUpDelayS).add(c.scaleDownDelayS);
    h.add(rps).add(timeoutMs);
    return h.value();
}

} // namespace

const ServiceDayResult *KeptFigures::findService(const ServiceConfig &config,
                                                 const std::vector<double> &rps,
                                                 double timeoutMs) const
{
    if (m_services.empty())
        return nullptr;
    const auto [first, last] = m_services.equal_range(serviceHash(config, rps, timeoutMs));
    for (auto it = first; it != last; ++it)
        if (sameConfig(it->second.config, config) && sameRates(it->second.rps, rps)
            && it->second.timeoutMs == timeoutMs)
            return &it->second.day;
    return nullptr;
}

void KeptFigures::addService(const ServiceConfig &config, const std::vector<double> &rps,
                             double timeoutMs, const ServiceDayResult &day)
{
    if (findService(config, rps, timeoutMs))
        return;
    m_services.emplace(serviceHash(config, rps, timeoutMs), Service{config, rps, timeoutMs, day});
}

const EntryLatency *KeptFigures::findEntry(std::uint64_t entrySeed,
                                           const std::vector<double> &rps) const
{
    const auto [first, last] = m_entries.equal_range(entrySeed);
    for (auto it = first; it != last; ++it)
        if (sameRates(it->second.rps, rps))
            return &it->second.latency;
    return nullptr;
}

void KeptFigures::addEntry(std::uint64_t entrySeed, const std::vector<double> &rps,
                           const EntryLatency &latency)
{
    if (!findEntry(entrySeed, rps))
        m_entries.emplace(entrySeed, Entry{rps, latency});
}

std::uint64_t KeptFigures::modelHashOf(const void *day) const
{
    const auto it = m_modelHashes.find(day);
    return it == m_modelHashes.end() ? 0 : it->second;
}

void KeptFigures::addModelHash(const void *day, std::uint64_t hash)
{
    if (day)
        m_modelHashes.emplace(day, hash);
}

const KeptCandidate *KeptFigures::findCandidate(const std::string &id) const
{
    const auto it = m_candidates.find(id);
    return it == m_candidates.end() ? nullptr : &it->second;
}

void KeptFigures::addCandidate(KeptCandidate candidate)
{
    const std::string id = candidate.candidate.id;
    m_candidates.emplace(id, std::move(candidate)); // the first evaluation of an id stays
}

} // namespace skyline
