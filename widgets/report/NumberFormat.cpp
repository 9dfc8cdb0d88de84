#include "report/NumberFormat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace skyline {
namespace {

/// A unit or suffix marked with QT_TRANSLATE_NOOP in context "skyline::NumberFormat".
QString translated(const char *text)
{
    return QCoreApplication::translate("skyline::NumberFormat", text);
}

struct CompactStep
{
    double scale;
    const char *suffix;
};

/// The largest step of "k", "M", "B" that `magnitude` reaches (999,950 rounds to "1.0M", not
/// "1000.0k"), or null below 1,000.
const CompactStep *compactStepOf(double magnitude)
{
    static const CompactStep steps[] = {{1e9, QT_TRANSLATE_NOOP("skyline::NumberFormat", "B")},
                                        {1e6, QT_TRANSLATE_NOOP("skyline::NumberFormat", "M")},
                                        {1e3, QT_TRANSLATE_NOOP("skyline::NumberFormat", "k")}};
    for (const CompactStep &step : steps)
        if (magnitude >= step.scale * 0.99995)
            return &step;
    return nullptr;
}

/// What `value` is divided by in its compact form: 1e3 for "1.2k", 1 below 1,000.
double compactScale(double value)
{
    const CompactStep *step = compactStepOf(std::abs(value));
    return step ? step->scale : 1.0;
}

/// The fewest decimals that write a multiple of `step` exactly (0.005: 3, 0.25: 2, 250: 0);
/// 0 for an unknown (0) step.
int decimalsOfStep(double step)
{
    step = std::abs(step);
    if (!std::isfinite(step) || step == 0)
        return 0;
    for (int decimals = 0; decimals < 9; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) <= 1e-6 * scaled)
            return decimals;
    }
    return 9;
}

/// "1.2k", "13.9k", "139k", "1.4M", "2.1B"; whole numbers below 1,000. At least
/// `minDecimals` after the point for "k", "M" and "B" (an axis whose ticks are 250 apart
/// writes "1.25k").
QString compactNumber(double value, const QLocale &locale, int minDecimals = 0)
{
    if (const CompactStep *step = compactStepOf(std::abs(value))) {
        const double scaled = value / step->scale;
        const int decimals = std::max(std::abs(scaled) >= 99.95 ? 0 : 1, minDecimals);
        return locale.toString(scaled, 'f', decimals) + translated(step->suffix);
    }
    const double magnitude = std::abs(value);
    if (magnitude > 0 && magnitude < 10 && magnitude != std::round(magnitude))
        return locale.toString(value, 'f', 1);
    return locale.toString(std::llround(value));
}

/// The locale's place for the currency symbol, as a pattern with %1 for the digits.
QString currencyPattern(const QLocale &locale)
{
    QString pattern = locale.toCurrencyString(1.0, QStringLiteral("$"), 0);
    pattern.replace(QLatin1Char('1'), QStringLiteral("%1"));
    return pattern;
}

/// The "C" locale (LANG=C, a CI machine) writes "1234": the studio's English is en_US.
QLocale figureLocale(const QLocale &locale)
{
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : locale;
}

} // namespace

QString formatUsd(double usd, FigureStyle style, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    QString digits;
    const double magnitude = std::abs(usd);
    if (style == FigureStyle::Compact && magnitude >= 1000)
        digits = compactNumber(magnitude, locale);
    else
        digits = locale.toString(magnitude, 'f', magnitude >= 100 ? 0 : 2);
    const QString text = currencyPattern(locale).arg(digits);
    return usd < 0 ? locale.negativeSign() + text : text;
}

QString formatUsdPerMonth(double usd, FigureStyle style, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    //: a monthly amount, e.g. "$1,234/mo"; %1 is the amount with its currency symbol
    return QCoreApplication::translate("skyline::NumberFormat", "%1/mo")
        .arg(formatUsd(usd, style, locale));
}

QString formatMs(double ms, FigureStyle style, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    const double magnitude = std::abs(ms);
    if (magnitude >= 1000) {
        const double s = ms / 1000.0;
        const int decimals = style == FigureStyle::Compact ? (std::abs(s) >= 9.95 ? 0 : 1) : 2;
        //: seconds
        return QCoreApplication::translate("skyline::NumberFormat", "%1 s")
            .arg(locale.toString(s, 'f', decimals));
    }
    const int decimals = magnitude >= 100 || (style == FigureStyle::Compact && magnitude >= 10)
                             ? 0
                             : 1;
    //: milliseconds
    return QCoreApplication::translate("skyline::NumberFormat", "%1 ms")
        .arg(locale.toString(ms, 'f', decimals));
}

QString formatShare(double share, int decimals, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    //: a percentage, e.g. "12.5 %"
    return QCoreApplication::translate("skyline::NumberFormat", "%1 %")
        .arg(locale.toString(share * 100.0, 'f', decimals));
}

QString formatCount(double count, FigureStyle style, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    if (style == FigureStyle::Compact)
        return compactNumber(count, locale);
    return locale.toString(std::llround(count));
}

QString formatNumber(double value, int decimals, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    QString text = locale.toString(value, 'f', decimals);
    const QString point = locale.decimalPoint();
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString formatFixed(double value, int decimals, const QLocale &given)
{
    return figureLocale(given).toString(value, 'f', decimals);
}

QString formatRps(double rps, FigureStyle style, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    //: requests per second
    return QCoreApplication::translate("skyline::NumberFormat", "%1 req/s")
        .arg(std::abs(rps) < 10 && style == FigureStyle::Full ? formatNumber(rps, 2, locale)
                                                               : formatCount(rps, style, locale));
}

QString formatFigure(double value, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    const double magnitude = std::abs(value);
    if (!std::isfinite(value))
        return QStringLiteral("—");
    if (magnitude >= 1000 || magnitude == 0)
        return locale.toString(std::llround(value));
    const int decimals = std::clamp(3 - int(std::floor(std::log10(magnitude))), 0, 9);
    return formatNumber(value, decimals, locale);
}

QString formatMultiplier(double multiplier, const QLocale &given)
{
    const double magnitude = std::abs(multiplier);
    if (!std::isfinite(multiplier) || magnitude == 0)
        return formatFigure(multiplier, given);
    const int decimals = std::clamp(2 - int(std::floor(std::log10(magnitude))), 0, 9);
    return formatNumber(multiplier, decimals, given);
}

QString formatAxisNumber(double value, double tickStep, const QLocale &given)
{
    const QLocale locale = figureLocale(given);
    if (std::abs(value) >= 1000)
        return compactNumber(value, locale, decimalsOfStep(tickStep / compactScale(value)));
    return formatNumber(value, std::max(2, decimalsOfStep(tickStep)), locale);
}

} // namespace skyline
