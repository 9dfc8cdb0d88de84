#pragma once
// Runs skyline-cli in-process for the CLI tests and keeps what it printed.

#include <string>
#include <vector>

namespace skyline::test {

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

CliResult runCli(const std::vector<std::string> &args);

} // namespace skyline::test
