#pragma once
// Runs skyline-cli in-process for the CLI tests and keeps what it printed.

#include <QByteArray>

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

/// "exit N", then what it printed on stdout and stderr: a failure message.
QByteArray shown(const CliResult &result);

std::string readWholeFile(const std::string &path);
void writeWholeFile(const std::string &path, const std::string &text);

} // namespace skyline::test
