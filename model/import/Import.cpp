#include "Import.h"

#include "Readers.h"

#include "io/Utf8.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <exception>
#include <sstream>
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

const std::vector<FormatReader> &formatReaders()
{
    // One row per format, most specific first (SAM before plain CloudFormation).
    static const std::vector<FormatReader> readers = {
        {SourceFormat::Compose, detectsCompose, readCompose},
        {SourceFormat::Kubernetes, detectsKubernetes, readKubernetes},
        // A serverless.yml may embed CloudFormation; a SAM template is CloudFormation with a
        // transform: Serverless before SAM before plain CloudFormation.
        {SourceFormat::Serverless, detectsServerless, readServerless},
        {SourceFormat::Sam, detectsSam, readSam},
        {SourceFormat::CloudFormation, detectsCloudFormation, readCloudFormation},
    };
    return readers;
}

SourceLocation locate(const ParsedFile &file, const YAML::Node &node)
{
    SourceLocation where;
    if (file.file)
        where.path = file.file->path;
    if (!node.IsDefined())
        return where;
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0)
        return where;
    where.line = mark.line + 1;
    where.column = mark.column + 1;
    return where;
}

namespace {
SourceLocation placeOf(const std::string &path, const YAML::Mark &mark)
{
    SourceLocation where{path, 0, 0};
    if (!mark.is_null() && mark.line >= 0) {
        where.line = mark.line + 1;
        where.column = mark.column + 1;
    }
    return where;
}

/// The file's YAML documents, or a message "path:line:column: what is wrong".
/// A file whose first document is one flow collection (`{` or `[`, as JSON is) but whose
/// brackets do not balance: the place of the first bracket that closes nothing, or of the
/// text after the top-level collection closed. yaml-cpp 0.7 exhausts memory on such input
/// (found by fuzzing) instead of reporting it, so it is refused before yaml-cpp sees it.
std::optional<std::size_t> unbalancedFlowDocument(const std::string &text)
{
    std::size_t i = 0;
    const auto skipSpaceAndComments = [&text](std::size_t at) {
        while (at < text.size()) {
            if (std::isspace(static_cast<unsigned char>(text[at])))
                ++at;
            else if (text[at] == '#')
                at = std::min(text.find('\n', at), text.size());
            else
                break;
        }
        return at;
    };
    i = skipSpaceAndComments(i);
    if (i >= text.size() || (text[i] != '{' && text[i] != '['))
        return std::nullopt;
    int depth = 0;
    char previous = ' '; // the last significant character: quotes start strings after these
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '"' || c == '\'') && std::strchr("{[,:? \t\n", previous)) {
            for (++i; i < text.size() && text[i] != c; ++i)
                if (c == '"' && text[i] == '\\')
                    ++i;
            if (i >= text.size())
                return std::nullopt; // an unterminated string: yaml-cpp reports it
            previous = c;
            continue;
        }
        if (c == '#' && std::isspace(static_cast<unsigned char>(previous))) {
            i = std::min(text.find('\n', i), text.size());
            previous = '\n';
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            if (--depth == 0) {
                const std::size_t next = skipSpaceAndComments(i + 1);
                if (next < text.size() && text.compare(next, 3, "---") != 0 &&
                    text.compare(next, 3, "...") != 0)
                    return next;
                return std::nullopt;
            }
        }
        previous = c;
    }
    return std::nullopt;
}

/// Sees where each document starts; two documents starting at one place mean the parser no
/// longer reads on.
class DocumentStarts : public YAML::EventHandler
{
public:
    std::optional<YAML::Mark> stuckAt;

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (m_seen && mark.pos == m_last.pos)
            stuckAt = mark;
        m_seen = true;
        m_last = mark;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    bool m_seen = false;
    YAML::Mark m_last;
};

/// The place where yaml-cpp 0.7's LoadAll would never end: a `,` outside brackets where a
/// document's node belongs (a line starting with `,`, or `[a] ,`) makes its parser report the
/// same empty document again and again without reading on, adding a node each time until
/// memory runs out (yaml-cpp issue 1040, found by fuzzing). A first pass over the parser's
/// events, which keeps nothing, finds it; YAML errors throw here as they would in LoadAll.
std::optional<YAML::Mark> endlessDocuments(const std::string &text)
{
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentStarts starts;
    while (parser.HandleNextDocument(starts))
        if (starts.stuckAt)
            return starts.stuckAt;
    return std::nullopt;
}

/// "path:line:column" of a byte offset (columns count characters).
SourceLocation placeOfOffset(const SourceFile &file, std::size_t offset)
{
    const std::size_t lineStart = offset == 0 ? std::string::npos : file.text.rfind('\n', offset - 1);
    const std::size_t from = lineStart == std::string::npos ? 0 : lineStart + 1;
    const auto line = 1 + std::count(file.text.begin(), file.text.begin() + long(offset), '\n');
    const std::size_t column =
        1 + utf8Characters(std::string_view(file.text).substr(from), offset - from);
    return SourceLocation{file.path, int(line), int(column)};
}

std::optional<ParsedFile> parse(const SourceFile &file, std::string &error)
{
    ParsedFile parsed;
    parsed.file = &file;
    // YAML is Unicode; yaml-cpp does not check, and names with stray bytes would reach the
    // project (and the file Save writes). Refuse them here, at their place.
    if (const std::size_t bad = firstInvalidUtf8Byte(file.text); bad != std::string::npos) {
        static const char hex[] = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(file.text[bad]);
        error = describe(placeOfOffset(file, bad)) + ": not valid UTF-8 (byte 0x" +
                hex[byte >> 4] + hex[byte & 0xF] +
                "); save the file as UTF-8 and import it again";
        return std::nullopt;
    }
    if (const std::optional<std::size_t> at = unbalancedFlowDocument(file.text)) {
        error = describe(placeOfOffset(file, *at)) +
                ": not valid YAML: the brackets { } and [ ] do not pair up here";
        return std::nullopt;
    }
    try {
        if (const std::optional<YAML::Mark> at = endlessDocuments(file.text)) {
            error = describe(placeOf(file.path, *at)) +
                    ": not valid YAML: a ',' outside brackets { } or [ ] where a value belongs";
            return std::nullopt;
        }
        for (YAML::Node &document : YAML::LoadAll(file.text))
            if (document.IsDefined() && !document.IsNull())
                parsed.documents.push_back(std::move(document));
    } catch (const YAML::DeepRecursion &e) {
        error = describe(placeOf(file.path, e.mark)) +
                ": nested too deeply to read (lists or maps inside each other beyond the YAML "
                "parser's depth limit)";
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        error = describe(placeOf(file.path, e.mark)) + ": not valid YAML: " + e.msg;
        return std::nullopt;
    } catch (const std::exception &e) {
        error = file.path + ": not valid YAML: " + e.what();
        return std::nullopt;
    }
    return parsed;
}

const FormatReader *readerFor(SourceFormat format)
{
    for (const FormatReader &reader : formatReaders())
        if (reader.format == format)
            return &reader;
    return nullptr;
}

const FormatReader *detectReader(const ParsedFile &file)
{
    for (const FormatReader &reader : formatReaders()) {
        try {
            if (reader.detects(file))
                return &reader;
        } catch (const YAML::Exception &) {
            // a detector that trips over an odd shape simply does not recognise the file
        }
    }
    return nullptr;
}

std::string triedFormats()
{
    std::string list;
    for (const FormatReader &reader : formatReaders())
        list += (list.empty() ? "" : ", ") + std::string(toString(reader.format));
    return list;
}

std::string fileName(const std::string &path)
{
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// "compose.yaml", or "a.yaml + 2 more" for several files.
std::string candidateName(const std::vector<SourceFile> &files)
{
    std::string name = fileName(files.front().path);
    if (name.empty())
        name = "Imported";
    if (files.size() > 1)
        name += " + " + std::to_string(files.size() - 1) + " more";
    return name;
}

ImportResult failed(std::optional<SourceFormat> format, std::vector<std::string> errors)
{
    ImportResult result;
    if (format)
        result.format = *format;
    result.errors = std::move(errors);
    return result;
}
} // namespace

std::optional<SourceFormat> detectFormat(const SourceFile &file)
{
    std::string error;
    const std::optional<ParsedFile> parsed = parse(file, error);
    if (!parsed)
        return std::nullopt;
    const FormatReader *reader = detectReader(*parsed);
    return reader ? std::optional<SourceFormat>(reader->format) : std::nullopt;
}

ImportResult importFiles(const std::vector<SourceFile> &files, std::optional<SourceFormat> format)
{
    if (files.empty())
        return failed(format, {"no files to import"});
    std::vector<std::string> errors;
    std::vector<ParsedFile> parsed;
    parsed.reserve(files.size());
    for (const SourceFile &file : files) {
        std::string error;
        if (std::optional<ParsedFile> p = parse(file, error)) {
            if (p->documents.empty())
                errors.push_back(file.path + ": the file is empty (no YAML document in it)");
            else
                parsed.push_back(std::move(*p));
        } else {
            errors.push_back(error);
        }
    }
    if (!errors.empty())
        return failed(format, errors);

    const FormatReader *reader = nullptr;
    if (format) {
        reader = readerFor(*format);
        if (!reader)
            return failed(format, {std::string("importing ") + toString(*format) +
                                   " files is not available (this build reads: " +
                                   triedFormats() + ")"});
    } else {
        const ParsedFile *first = nullptr;
        for (const ParsedFile &file : parsed) {
            const FormatReader *detected = detectReader(file);
            if (!detected) {
                errors.push_back(file.file->path + ": valid YAML, but not a format Skyline "
                                 "imports (tried " + triedFormats() + "); use --as FORMAT if "
                                 "it is one of them");
                continue;
            }
            if (!reader) {
                reader = detected;
                first = &file;
            } else if (detected != reader) {
                errors.push_back(file.file->path + " is " + toString(detected->format) +
                                 " but " + first->file->path + " is " +
                                 toString(reader->format) +
                                 ": all files of one import must have the same format");
            }
        }
        if (!errors.empty())
            return failed(reader ? std::optional<SourceFormat>(reader->format) : std::nullopt,
                          errors);
    }

    ModelBuilder builder(reader->format, candidateName(files));
    std::vector<std::string> paths;
    for (const SourceFile &file : files)
        paths.push_back(file.path);
    builder.setFileOrder(paths);
    try {
        reader->read(parsed, builder);
    } catch (const YAML::Exception &e) {
        // A reader met a shape it did not expect (a map where a number belongs ...).
        const SourceLocation where = placeOf(files.size() == 1 ? files.front().path : "", e.mark);
        builder.error("unexpected content: " + e.msg,
                      where.path.empty() ? SourceLocation{} : where);
    } catch (const std::exception &e) {
        builder.error(std::string("cannot import: ") + e.what(), {});
    }
    ImportResult result = builder.finish();
    if (result.ok() && result.summary.nodes == 0) {
        result.project.reset();
        result.errors.push_back(candidateName(files) + ": nothing to import (no services, "
                                "functions or resources found)");
    }
    return result;
}

} // namespace skyline::importing
