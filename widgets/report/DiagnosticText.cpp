#include "report/DiagnosticText.h"

#include "report/NumberFormat.h"

#include <QCoreApplication>

namespace skyline {

QString diagnosticArgText(const MessageArg &arg)
{
    using Unit = MessageArg::Unit;
    switch (arg.unit) {
    case Unit::Name:
        return QString::fromStdString(arg.name);
    case Unit::Count:
        return formatCount(arg.value);
    case Unit::Share:
        return formatShare(arg.value, arg.value < 0.01 ? 2 : 1);
    case Unit::Seconds:
        return QCoreApplication::translate("skyline::NumberFormat", "%1 s")
            .arg(formatNumber(arg.value, 1));
    case Unit::Milliseconds:
        return formatMs(arg.value);
    case Unit::RequestsPerSecond:
        return formatRps(arg.value);
    case Unit::Factor:
        return formatNumber(arg.value, 6);
    }
    return {};
}

QString diagnosticText(const Diagnostic &diagnostic)
{
    const char *english = messageTemplate(diagnostic.templateKey());
    if (!english)
        return QString::fromStdString(diagnostic.message);
    const QString text = QCoreApplication::translate("skyline::Diagnostic", english);
    // One pass, so that a name containing "%2" is not replaced again.
    QString out;
    out.reserve(text.size() + 32);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1) >= QLatin1Char('1')
            && text.at(i + 1) <= QLatin1Char('9')) {
            const std::size_t index = std::size_t(text.at(i + 1).unicode() - '1');
            if (index < diagnostic.args.size())
                out += diagnosticArgText(diagnostic.args[index]);
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace skyline
