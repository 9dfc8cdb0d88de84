// Fuzzes the sam importer (model/import, `skyline-cli import --as sam`): see ImportHarness.h.
#include "ImportHarness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return skyline::fuzz::importAs(skyline::importing::SourceFormat::Sam, data, size);
}
