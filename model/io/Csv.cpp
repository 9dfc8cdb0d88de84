#include "io/Csv.h"

#include <cmath>
#include <cstdio>

namespace skyline {
namespace {

bool couldStartFormula(const std::string &text)
{
    if (text.empty())
        return false;
    switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
    }
}

} // namespace

std::string csvText(const std::string &text)
{
    const bool neutralise = couldStartFormula(text);
    if (!neutralise && text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string out = neutralise ? "\"'" : "\"";
    for (char ch : text) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + '"';
}

std::string csvNumber(double value, int significantDigits)
{
    if (!std::isfinite(value))
        return {};
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*g", significantDigits, value);
    return buffer;
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_out += ',';
    m_rowStarted = true;
}

CsvWriter &CsvWriter::text(const std::string &field)
{
    separate();
    m_out += csvText(field);
    return *this;
}

CsvWriter &CsvWriter::number(double value, int significantDigits)
{
    separate();
    m_out += csvNumber(value, significantDigits);
    return *this;
}

CsvWriter &CsvWriter::raw(const std::string &field)
{
    separate();
    m_out += field;
    return *this;
}

CsvWriter &CsvWriter::endRow()
{
    m_out += '\n';
    m_rowStarted = false;
    return *this;
}

} // namespace skyline
