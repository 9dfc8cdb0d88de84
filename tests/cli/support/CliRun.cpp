#include "CliRun.h"

#include "Cli.h"

#include <fstream>
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

QByteArray shown(const CliResult &result)
{
    return QByteArray("exit ") + QByteArray::number(result.exitCode) + "\nstdout:\n" +
           QByteArray::fromStdString(result.out) + "stderr:\n" +
           QByteArray::fromStdString(result.err);
}

std::string readWholeFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeWholeFile(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

} // namespace skyline::test
