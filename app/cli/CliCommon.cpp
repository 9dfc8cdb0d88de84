#include "CliCommon.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace skyline::cli {

std::optional<std::string> readTextFile(const std::string &path, std::ostream &err)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        err << path << ": cannot open: no such file\n";
        return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
        err << path << ": cannot open: it is a folder, not a file\n";
        return std::nullopt;
    }
    constexpr long long maxBytes = 512LL * 1024 * 1024;
    if (info.st_size > maxBytes) {
        err << path << ": too large (" << info.st_size / (1024 * 1024)
            << " MiB; at most 512 MiB)\n";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << path << ": cannot open: permission denied or unreadable\n";
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

bool writeFileAtomically(const std::string &path, const std::string &text, std::string &error)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        error = "it is a folder";
        return false;
    }
    const auto slash = path.find_last_of('/');
    const std::string folder = slash == std::string::npos
                                   ? std::string(".")
                                   : path.substr(0, std::max<size_t>(slash, 1));
    std::string temporary = folder + "/.skyline-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += static_cast<size_t>(n);
    }
    const bool complete = written == text.size() && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!complete) {
        error = std::strerror(savedErrno ? savedErrno : EIO);
        ::unlink(temporary.c_str());
        return false;
    }
    // mkstemp creates the file readable by its owner only; give it the usual permissions.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temporary.c_str(), 0666 & ~mask);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        error = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    return true;
}

std::optional<Project> loadProjectFile(const std::string &path, std::ostream &err)
{
    const auto text = readTextFile(path, err);
    if (!text)
        return std::nullopt;
    ReadResult<Project> result = readProject(*text);
    if (!result.ok()) {
        for (const Problem &problem : result.problems)
            err << path << ": " << describe(problem) << '\n';
        return std::nullopt;
    }
    return std::move(result.value);
}

ParsedArgs parseArgs(const std::vector<std::string> &args,
                     const std::vector<std::string> &valueOptions,
                     const std::vector<std::string> &flagOptions)
{
    ParsedArgs parsed;
    auto contains = [](const std::vector<std::string> &list, const std::string &s) {
        return std::find(list.begin(), list.end(), s) != list.end();
    };
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string value;
        bool hasInlineValue = false;
        if (arg.rfind("--", 0) == 0) {
            const auto eq = arg.find('=');
            if (eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                hasInlineValue = true;
            }
            if (contains(valueOptions, arg)) {
                if (!hasInlineValue) {
                    if (i + 1 >= args.size()) {
                        parsed.error = arg + " needs a value";
                        return parsed;
                    }
                    value = args[++i];
                }
                parsed.options[arg] = value;
            } else if (contains(flagOptions, arg) && !hasInlineValue) {
                parsed.flags.push_back(arg);
            } else {
                parsed.error = "unknown option " + arg;
                return parsed;
            }
        } else {
            parsed.positional.push_back(arg);
        }
    }
    return parsed;
}

std::optional<double> parseNumber(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::string readTrafficMultiplier(const ParsedArgs &parsed, double &multiplier)
{
    const auto it = parsed.options.find("--multiplier");
    if (it == parsed.options.end())
        return {};
    const auto value = parseNumber(it->second);
    if (!value || *value < 0 || *value > maxTrafficMultiplier)
        return "--multiplier: '" + it->second + "' must be a number between 0 and 1000000";
    multiplier = *value;
    return {};
}

std::string readMethodAndSeed(const ParsedArgs &parsed, EvalOptions &options)
{
    const auto &o = parsed.options;
    if (auto it = o.find("--method"); it != o.end()) {
        if (it->second == "analytic")
            options.method = EvalMethod::Analytic;
        else if (it->second == "simulation")
            options.method = EvalMethod::Simulation;
        else
            return "--method: '" + it->second + "' must be analytic or simulation";
    }
    if (auto it = o.find("--seed"); it != o.end()) {
        // Read as an integer, not a double: seeds above 2^53 must not be rounded.
        const std::string &text = it->second;
        std::uint64_t seed = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
        if (text.empty() || error != std::errc() || end != text.data() + text.size())
            return "--seed: '" + text + "' must be a whole number from 0 to " +
                   std::to_string(std::numeric_limits<std::uint64_t>::max());
        options.seed = seed;
    }
    return {};
}

} // namespace skyline::cli
