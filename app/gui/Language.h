#pragma once
// The studio's language at run time: its catalogue and Qt's own, and the locale numbers are
// written in (report/NumberFormat). Switching installs the new catalogues, so every widget
// receives QEvent::LanguageChange and retranslates itself: no restart (issue 10 point 12).

#include <QString>

namespace skyline::language {

/// Installs the catalogues of `language` ("de", "en", …; English needs none) from
/// `catalogueDir` (skyline_<language>.qm) and Qt's translations folder, removes those of the
/// language before, and makes the language's locale the default for numbers. Every widget
/// then receives QEvent::LanguageChange, even when only the locale changed.
void apply(const QString &language, const QString &catalogueDir = QStringLiteral(":/i18n"));

/// The language applied last ("en" before any).
QString current();

} // namespace skyline::language
