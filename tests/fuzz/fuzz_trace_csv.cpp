// Fuzzes the trace CSV import (parseTraceCsv, model/engine/Workloads.h): any bytes give either
// points or problems naming their line, never a crash; the points resample to 1,440 finite,
// non-negative rates per minute.

#include "engine/Workloads.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const skyline::TraceCsvResult result = skyline::parseTraceCsv(text);
    if (!result.ok())
        return 0;
    const std::vector<double> rates = skyline::resampleTrace(result.points);
    if (rates.size() != 1440)
        std::abort();
    for (double rate : rates)
        if (!std::isfinite(rate) || rate < 0)
            std::abort(); // an absurd rate reaching the model
    return 0;
}
