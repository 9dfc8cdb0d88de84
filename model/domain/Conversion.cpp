#include "domain/Conversion.h"

#include "domain/FunctionMemory.h"
#include "domain/ParamSchema.h"

#include <algorithm>
#include <cmath>

namespace skyline {

namespace {

double clampTo(const ParamSpec *spec, double v)
{
    if (!spec)
        return v;
    v = std::clamp(v, spec->minimum, spec->maximum);
    return spec->type == ParamType::Integer ? std::round(v) : v;
}

} // namespace

double workersPerReplica(double vcpu, double cpuBoundShare)
{
    if (!(cpuBoundShare > 0))
        return defaultIoBoundWorkers;
    // A worker keeps cpuBoundShare of a vCPU busy; a little slack so that 1.0 / 0.25 is 4.
    return std::max(1.0, std::floor(vcpu / cpuBoundShare + 1e-9));
}

bool canConvert(NodeKind kind)
{
    return kind == NodeKind::Function || kind == NodeKind::Service;
}

Node convertedNode(const Node &n)
{
    const bool toFunction = n.kind == NodeKind::Service;
    Node out = makeDefaultNode(toFunction ? NodeKind::Function : NodeKind::Service, n.id, n.name,
                               n.pos);
    out.context = n.context;
    auto set = [&out](const std::string &key, double v) {
        out.params[key] = clampTo(findNodeParamSpec(out.kind, key), v);
    };
    out.params["arch"] = n.text("arch");
    out.params["runtime"] = n.text("runtime");
    set("cpuBoundShare", n.number("cpuBoundShare"));
    if (toFunction) {
        set("durationMs", n.number("serviceTimeMs"));
        set("durationCv", n.number("serviceTimeCv"));
        set("memoryMb", n.number("memoryGb") * 1024.0);
        set(runTimeAtMemoryKey, out.number("memoryMb")); // the service time is at this memory
        set("concurrencyLimit", n.number("maxReplicas") * n.number("concurrencyPerReplica"));
    } else {
        // AWS gives a function one vCPU per 1,769 MB; replicas come in quarter vCPUs.
        set("vcpu", std::max(0.25, std::round(n.number("memoryMb") / lambdaMbPerVcpu * 4.0) / 4.0));
        set("memoryGb", std::max(0.5, n.number("memoryMb") / 1024.0));
        set("serviceTimeMs", functionRunTimesMs(n).run); // at the function's own memory
        set("serviceTimeCv", n.number("durationCv"));
        set("concurrencyPerReplica", workersPerReplica(out.number("vcpu"),
                                                       n.number("cpuBoundShare")));
        const double workers = out.number("concurrencyPerReplica");
        set("maxReplicas", std::ceil(n.number("concurrencyLimit") / workers));
        set("minReplicas", std::min(out.number("minReplicas"), out.number("maxReplicas")));
    }
    return out;
}

} // namespace skyline
