#pragma once
// Kubernetes resource quantities ("100m", "0.5", "64Mi", "1G", "1e3"), read by the exact rules
// of k8s.io/apimachinery's resource.Quantity: a signed decimal number followed by a binary
// suffix (Ki Mi Gi Ti Pi Ei: powers of 1024), a decimal suffix (n u m "" k M G T P E: powers
// of 1000) or a decimal exponent (e3, E-2). Plain C++, no Qt, no locale.

#include <optional>
#include <string>

namespace skyline::importing {

/// The quantity in base units (cores for CPU, bytes for memory), or nullopt with `problem`
/// saying what is wrong ("unknown suffix 'Qx'").
std::optional<double> parseKubernetesQuantity(const std::string &text, std::string &problem);

} // namespace skyline::importing
