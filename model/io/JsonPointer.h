#pragma once
// The places of the file format's values, as JSON pointers (RFC 6901). They are built with
// nlohmann::json_pointer, which escapes a key holding '~' or '/' ("~0", "~1"), and turned
// into text only when a problem is reported.

#include <nlohmann/json.hpp>

#include <string>

namespace skyline {

using JsonPointer = nlohmann::ordered_json::json_pointer;

} // namespace skyline
