#include "CliRun.h"

#include "Cli.h"

#include <sstream>

namespace skyline::test {

CliResult runCli(const std::vector<std::string> &args)
{
    std::ostringstream out, err;
    CliResult result;
    result.exitCode = skyline::cli::run(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

} // namespace skyline::test
