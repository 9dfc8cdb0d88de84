#pragma once
// Warnings and errors as a stable code plus typed arguments (names, numbers with their unit),
// not as finished sentences: the CLI and the JSON print the English text built here
// (englishMessage), the studio formats the same template in its language and locale
// (widgets/report/DiagnosticText.h). The templates live in one table, Diagnostic.cpp.

#include <string>
#include <vector>

namespace skyline {

/// One argument of a warning or error text: a name as the user wrote it, or a number.
struct MessageArg
{
    enum class Unit {
        Name,              ///< a node, context, candidate, provider or workload name
        Count,             ///< a whole number (instances, hops, connections)
        Share,             ///< 0.25 reads "25%"
        Seconds,
        Milliseconds,
        RequestsPerSecond,
        Factor             ///< a multiplier ("× 1.5")
    };
    Unit unit = Unit::Name;
    std::string name; ///< Unit::Name
    double value = 0; ///< every other unit
    bool operator==(const MessageArg &) const = default;
};

MessageArg nameArg(std::string name);
MessageArg numberArg(double value, MessageArg::Unit unit);

/// A warning or an error of one candidate.
struct Diagnostic
{
    std::string code;    ///< stable (DESIGN.md §3): function-timeout, overload, cycle, ...
    std::string node;    ///< the node it concerns (its id, for selecting it), or empty
    std::string textKey; ///< the template of its text (messageTemplate); the code if empty
    std::vector<MessageArg> args;
    std::string message; ///< English (CLI, JSON), from the template and the arguments

    const std::string &templateKey() const { return textKey.empty() ? code : textKey; }
};

/// A diagnostic with its English message filled in from the template of textKey (or code).
Diagnostic makeDiagnostic(std::string code, std::string node, std::vector<MessageArg> args,
                          std::string textKey = {});

/// The English template of a text key with %1, %2 … for its arguments; marked for
/// translation in context "skyline::Diagnostic". nullptr for an unknown key.
const char *messageTemplate(const std::string &textKey);

/// Every text key of the table (the studio's tests check each one formats).
std::vector<std::string> messageTextKeys();

/// An argument as the English text writes it, as the studio writes it in English ("12.5%",
/// "1.5 s", "240 ms", "1,200,000 req/s", "2.5 req/s", "1,000" instances).
std::string englishArg(const MessageArg &arg);

/// The template of textKey with its %N replaced by the English form of args[N-1].
std::string englishMessage(const std::string &textKey, const std::vector<MessageArg> &args);

} // namespace skyline
