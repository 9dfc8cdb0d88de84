#include "io/ProjectJson.h"

#include <cmath>
#include <cstdio>

namespace skyline {

// The canonical text of a JSON document: what Save writes and what `skyline-cli` prints.

namespace {

bool isScalar(const OrderedJson &j)
{
    return !j.is_object() && !j.is_array();
}

bool isFlatArray(const OrderedJson &j)
{
    if (!j.is_array() || j.size() > 16)
        return false;
    for (const auto &e : j)
        if (!isScalar(e))
            return false;
    return true;
}

void writeScalar(const OrderedJson &j, std::string &out)
{
    if (j.is_number_float()) {
        const double v = j.get<double>();
        if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.0f", v);
            out += buffer;
            return;
        }
    }
    // Strings are valid UTF-8 by the time they reach a project; should one not be, Save
    // writes U+FFFD for the stray byte instead of throwing and losing the whole file.
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void writeValue(const OrderedJson &j, int indent, std::string &out)
{
    const std::string pad(static_cast<size_t>(indent) * 2, ' ');
    const std::string innerPad(static_cast<size_t>(indent + 1) * 2, ' ');
    if (isScalar(j)) {
        writeScalar(j, out);
    } else if (j.is_array()) {
        if (j.empty()) {
            out += "[]";
        } else if (isFlatArray(j)) {
            out += '[';
            bool first = true;
            for (const auto &e : j) {
                if (!first)
                    out += ", ";
                first = false;
                writeScalar(e, out);
            }
            out += ']';
        } else {
            out += "[\n";
            bool first = true;
            for (const auto &e : j) {
                if (!first)
                    out += ",\n";
                first = false;
                out += innerPad;
                writeValue(e, indent + 1, out);
            }
            out += '\n' + pad + ']';
        }
    } else {
        if (j.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto &[key, value] : j.items()) {
            if (!first)
                out += ",\n";
            first = false;
            out += innerPad + OrderedJson(key).dump() + ": ";
            writeValue(value, indent + 1, out);
        }
        out += '\n' + pad + '}';
    }
}

} // namespace

std::string formatCanonicalJson(const OrderedJson &json)
{
    std::string out;
    writeValue(json, 0, out);
    out += '\n';
    return out;
}

} // namespace skyline
