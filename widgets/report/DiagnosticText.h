#pragma once
// Warnings and errors in the studio's language: the engine's template of each code
// (engine/Diagnostic.cpp) translated in context "skyline::Diagnostic", its numbers written by
// report/NumberFormat in the default locale. The CLI and the JSON use the English message.

#include "engine/Diagnostic.h"

#include <QString>

namespace skyline {

/// One argument as the studio writes it ("12.5 %", "1.5 s", "1,200 req/s").
QString diagnosticArgText(const MessageArg &arg);

/// The whole text of a warning or error, translated (the English message for an unknown key).
QString diagnosticText(const Diagnostic &diagnostic);

} // namespace skyline
