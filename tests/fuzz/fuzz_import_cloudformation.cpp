// Fuzzes the cloudformation importer (model/import, `skyline-cli import --as cloudformation`): see ImportHarness.h.
#include "ImportHarness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return skyline::fuzz::importAs(skyline::importing::SourceFormat::CloudFormation, data, size);
}
