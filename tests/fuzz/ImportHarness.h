#pragma once
// The one check every importer's fuzz harness makes (fuzz_import_<format>.cpp): any bytes,
// read as that format, give either a project that validates and survives a save and a read
// back, or errors that say what is wrong; never a crash, a hang or a silent failure.

#include "import/Import.h"
#include "io/ProjectJson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace skyline::fuzz {

inline int importAs(importing::SourceFormat format, const std::uint8_t *data, std::size_t size)
{
    const importing::SourceFile file{"fuzz.yaml",
                                     std::string(reinterpret_cast<const char *>(data), size)};
    const importing::ImportResult result = importing::importFiles({file}, format);
    if (!result.ok()) {
        if (result.errors.empty())
            std::abort(); // a failure that names no problem
        return 0;
    }
    if (!validateProject(*result.project).empty())
        std::abort(); // an import the studio would refuse to open
    if (!readProject(writeProject(*result.project)).ok())
        std::abort(); // what Save writes must read back
    return 0;
}

} // namespace skyline::fuzz
