#pragma once
// Host names an environment value points at, shared by the importers that infer calls from
// environments (Compose, Kubernetes): "http://orders:8080/x", "redis://:pw@cache:6379",
// "kafka:9092,kafka2:9092", and a bare name under a key that names a host (ORDERS_HOST=orders).
// Each reader decides which of the names are its services.

#include <string>
#include <vector>

namespace skyline::importing {

struct HostReference
{
    std::string host;     ///< "orders", "orders.shop.svc.cluster.local"
    bool certain = false; ///< a URL, host:port, or a key naming a host; else just a bare word
};

/// Every comma-separated item of `value` as a host name: a URL's host, the host of host:port,
/// or the whole item (up to a colon). Only URLs, host:port and host-naming keys are certain.
std::vector<HostReference> hostReferences(const std::string &key, const std::string &value);

} // namespace skyline::importing
