// Fuzzes the .skyline reader (readProject, model/io/ProjectJson.h): any bytes give either a
// project or problems, never a crash or a sanitizer report; a project read is written and read
// back to the same file (what Save writes, Open must take).

#include "io/ProjectJson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const skyline::ReadResult<skyline::Project> result = skyline::readProject(text);
    if (!result.ok()) {
        if (result.problems.empty())
            std::abort(); // refused without saying why
        for (const skyline::Problem &problem : result.problems)
            (void)skyline::describe(problem);
        return 0;
    }
    const std::string saved = skyline::writeProject(*result.value);
    const skyline::ReadResult<skyline::Project> reopened = skyline::readProject(saved);
    if (!reopened.ok() || skyline::writeProject(*reopened.value) != saved)
        std::abort(); // a saved file that does not open as saved
    return 0;
}
