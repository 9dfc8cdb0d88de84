#pragma once
// The one CSV writer of Skyline (RFC 4180, "\n" line ends): `evaluate --format csv` (per node
// and per minute), `sweep --format csv`, the studio's CSV exports and every chart's CSV build
// their rows with it, so they quote and neutralise alike.
//
// Text fields are quoted when they hold a comma, a quote or a line break (quotes doubled).
// A text field a spreadsheet would run as a formula (OWASP "CSV injection": it begins with
// '=', '+', '-', '@', a tab or a carriage return) is neutralised: written quoted with a
// leading apostrophe, "'=SUM(A1)", which spreadsheets show as text. Numbers are written as
// plain numbers and never neutralised: -3 stays a number.

#include <string>

namespace skyline {

/// `text` as one CSV field: quoted when needed, neutralised when it could start a formula.
std::string csvText(const std::string &text);

/// `value` as one CSV field with `significantDigits` digits ("%.*g"); a non-finite value (no
/// figure) is an empty field.
std::string csvNumber(double value, int significantDigits = 6);

/// Builds a CSV document row by row.
class CsvWriter
{
public:
    CsvWriter &text(const std::string &field);
    CsvWriter &number(double value, int significantDigits = 6);
    /// A field written as it is (a field already made by csvText or csvNumber).
    CsvWriter &raw(const std::string &field);
    /// Ends the current row with "\n".
    CsvWriter &endRow();

    const std::string &str() const { return m_out; }
    std::string take() { return std::move(m_out); }

private:
    void separate();

    std::string m_out;
    bool m_rowStarted = false;
};

} // namespace skyline
