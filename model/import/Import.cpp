#include "Import.h"

#include <array>
#include <utility>

namespace skyline::importing {

namespace {
constexpr std::array<std::pair<SourceFormat, const char *>, 5> formatNames = {{
    {SourceFormat::Compose, "compose"},
    {SourceFormat::Sam, "sam"},
    {SourceFormat::CloudFormation, "cloudformation"},
    {SourceFormat::Serverless, "serverless"},
    {SourceFormat::Kubernetes, "kubernetes"},
}};

constexpr std::array<std::pair<ReviewKind, const char *>, 5> reviewKindNames = {{
    {ReviewKind::InferredEdge, "inferred-edge"},
    {ReviewKind::AssumedValue, "assumed-value"},
    {ReviewKind::DefaultWorkload, "default-workload"},
    {ReviewKind::Unresolved, "unresolved"},
    {ReviewKind::Ignored, "ignored"},
}};
} // namespace

const char *toString(SourceFormat format)
{
    for (const auto &[value, name] : formatNames)
        if (value == format)
            return name;
    return "";
}

std::optional<SourceFormat> sourceFormatFromString(const std::string &text)
{
    for (const auto &[value, name] : formatNames)
        if (text == name)
            return value;
    return std::nullopt;
}

const char *toString(ReviewKind kind)
{
    for (const auto &[value, name] : reviewKindNames)
        if (value == kind)
            return name;
    return "";
}

std::string describe(const SourceLocation &where)
{
    std::string text = where.path;
    if (where.line > 0) {
        text += ':' + std::to_string(where.line);
        if (where.column > 0)
            text += ':' + std::to_string(where.column);
    }
    return text;
}

} // namespace skyline::importing
