#include "domain/FunctionMemory.h"

#include "domain/Conversion.h"

#include <algorithm>

namespace skyline {

double lambdaVcpuShare(double memoryMb)
{
    return memoryMb / lambdaMbPerVcpu;
}

double memoryRunTimeFactor(double memoryMb, double statedMemoryMb, double cpuBoundShare)
{
    if (memoryMb == statedMemoryMb || !(memoryMb > 0) || !(statedMemoryMb > 0))
        return 1.0;
    const double share = std::clamp(cpuBoundShare, 0.0, 1.0);
    return 1.0 + share * (lambdaVcpuShare(statedMemoryMb) / lambdaVcpuShare(memoryMb) - 1.0);
}

double statedMemoryMb(const Node &function)
{
    const auto it = function.params.find(runTimeAtMemoryKey);
    if (it != function.params.end())
        if (const double *mb = std::get_if<double>(&it->second))
            return *mb;
    return function.number("memoryMb");
}

FunctionRunTimesMs functionRunTimesMs(const Node &function)
{
    const double factor = memoryRunTimeFactor(function.number("memoryMb"),
                                              statedMemoryMb(function),
                                              function.number("cpuBoundShare"));
    return {function.number("durationMs") * factor, function.number("coldStartMs") * factor};
}

} // namespace skyline
