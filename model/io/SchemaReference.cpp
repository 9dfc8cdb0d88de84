#include "io/SchemaReference.h"

#include "domain/NumberText.h"
#include "domain/ParamSchema.h"

#include <sstream>

namespace skyline {
namespace {

std::string typeText(const ParamSpec &spec)
{
    switch (spec.type) {
    case ParamType::Number: return "number";
    case ParamType::Integer: return "integer";
    case ParamType::Flag: return "boolean";
    case ParamType::Choice: return "string (choice)";
    case ParamType::Text: return "string";
    }
    return {};
}

std::string allowedText(const ParamSpec &spec)
{
    switch (spec.type) {
    case ParamType::Number:
    case ParamType::Integer:
        return numberText(spec.minimum) + " … " + numberText(spec.maximum);
    case ParamType::Flag: return "`true`, `false`";
    case ParamType::Choice: {
        std::string text;
        for (const std::string &choice : spec.choices)
            text += (text.empty() ? "`" : ", `") + choice + "`";
        return text;
    }
    case ParamType::Text: return "up to 200 characters";
    }
    return {};
}

std::string defaultText(const ParamValue &value)
{
    if (const double *number = std::get_if<double>(&value))
        return "`" + numberText(*number) + "`";
    if (const bool *flag = std::get_if<bool>(&value))
        return *flag ? "`true`" : "`false`";
    return "`\"" + std::get<std::string>(value) + "\"`";
}

void writeTable(std::ostringstream &out, const std::vector<ParamSpec> &specs)
{
    out << "| key | type | unit | allowed | default | meaning |\n"
        << "|---|---|---|---|---|---|\n";
    for (const ParamSpec &spec : specs)
        out << "| `" << spec.key << "` | " << typeText(spec) << " | "
            << (spec.unit.empty() ? "—" : spec.unit) << " | " << allowedText(spec) << " | "
            << defaultText(spec.defaultValue) << " | **" << spec.label << "**: " << spec.help
            << " |\n";
}

} // namespace

std::string schemaReferenceMarkdown()
{
    std::ostringstream out;
    out << "### Node parameters (`params`)\n\n";
    for (NodeKind kind : allNodeKinds) {
        out << "#### `" << toString(kind) << "`\n\n";
        const auto &specs = nodeParamSpecs(kind);
        if (specs.empty()) {
            out << "No parameters: a client is bound to a workload by its `workload` field.\n\n";
            continue;
        }
        writeTable(out, specs);
        out << '\n';
    }
    out << "### Workload parameters\n\n"
        << "They sit in the workload object itself, beside `id`, `name` and `shape`.\n\n";
    for (WorkloadShape shape : allWorkloadShapes) {
        out << "#### `" << toString(shape) << "`\n\n";
        const auto &specs = workloadParamSpecs(shape);
        if (specs.empty()) {
            out << "No parameters: `points` holds `[minute, rps]` pairs (minute 0 … 10000000, "
                   "rps 0 … 10000000), at least one.\n\n";
            continue;
        }
        writeTable(out, specs);
        out << '\n';
    }
    return out.str();
}

} // namespace skyline
