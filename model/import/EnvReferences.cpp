#include "EnvReferences.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace skyline::importing {

namespace {

/// True when the key says its value is a host: ORDERS_HOST, DB_ADDR, SMTP_SERVER, API_URL ...
bool namesHost(const std::string &key)
{
    static constexpr std::array<const char *, 7> markers = {"HOST", "ADDR",     "SERVER", "URL",
                                                            "URI",  "ENDPOINT", "BROKER"};
    std::string upper = key;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return std::any_of(markers.begin(), markers.end(),
                       [&](const char *marker) { return upper.find(marker) != std::string::npos; });
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

std::vector<HostReference> hostReferences(const std::string &key, const std::string &value)
{
    const bool hostKey = namesHost(key);
    std::vector<HostReference> hosts;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string::npos)
            comma = value.size();
        std::string part = trimmed(value.substr(start, comma - start));
        start = comma + 1;
        bool url = false;
        bool hasPort = false;
        if (const auto scheme = part.find("://"); scheme != std::string::npos) {
            part.erase(0, scheme + 3);
            url = true;
        }
        if (const auto slash = part.find_first_of("/?#"); slash != std::string::npos)
            part.erase(slash);
        if (const auto at = part.rfind('@'); at != std::string::npos)
            part.erase(0, at + 1);
        if (const auto colon = part.find(':'); colon != std::string::npos) {
            const std::string port = part.substr(colon + 1);
            hasPort = !port.empty() && std::all_of(port.begin(), port.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            });
            part.erase(colon); // "a:b" without a port number: "a", but not a certain host
        }
        if (!part.empty())
            hosts.push_back({part, url || hasPort || hostKey});
    }
    return hosts;
}

} // namespace skyline::importing
