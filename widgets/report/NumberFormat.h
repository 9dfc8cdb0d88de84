#pragma once
// The one money and quantity formatter of the studio: badges, tables, charts, tooltips,
// warnings and the report all write figures through these functions, in the default QLocale
// (the language chosen in Preferences: thousands separators, decimal comma in German). CSV
// files do not: they stay plain machine-readable numbers.

#include <QLocale>
#include <QString>

namespace skyline {

/// Full: every digit a reader may want ("$13,857", "$12.40"); Compact: short enough for a
/// badge or an axis ("$13.9k", "1.4 s").
enum class FigureStyle { Full, Compact };

/// US dollars: whole dollars from $100 up, cents below; Compact "$13.9k", "$1.2M". The symbol
/// stands where the locale puts a currency ("$13,857", "13.857 $").
QString formatUsd(double usd, FigureStyle style = FigureStyle::Full, const QLocale &locale = {});
/// A monthly amount: formatUsd and "/mo".
QString formatUsdPerMonth(double usd, FigureStyle style = FigureStyle::Full,
                          const QLocale &locale = {});
/// A duration given in milliseconds: "240 ms", "12.5 ms", "1.50 s" (Compact "1.5 s").
QString formatMs(double ms, FigureStyle style = FigureStyle::Full, const QLocale &locale = {});
/// A share in [0, 1] as a percentage with `decimals` after the point: "12.3 %".
QString formatShare(double share, int decimals = 1, const QLocale &locale = {});
/// A number of things: "1,234"; Compact "1.2k", "3.4M" (whole numbers below 1,000).
QString formatCount(double count, FigureStyle style = FigureStyle::Full,
                    const QLocale &locale = {});
/// A plain number with up to `decimals` after the point, trailing zeros dropped: "1.5", "2".
QString formatNumber(double value, int decimals = 2, const QLocale &locale = {});
/// A number with exactly `decimals` after the point: "1.00", "12.5".
QString formatFixed(double value, int decimals, const QLocale &locale = {});
/// Requests per second: formatCount and "req/s" ("1,200 req/s"; Compact "1.2k req/s").
QString formatRps(double rps, FigureStyle style = FigureStyle::Full, const QLocale &locale = {});
/// A value of any size with about four significant digits, grouped, never an exponent:
/// "0.0012", "12.35", "1,234", "33,637,286" (chart tooltips).
QString formatFigure(double value, const QLocale &locale = {});
/// A traffic multiplier (without its "×") to about three significant digits, never an
/// exponent: "25.7", "1.4", "0.0123", "1,000" (break-even points in the chart and the report).
QString formatMultiplier(double multiplier, const QLocale &locale = {});
/// A chart axis label: Compact counts without exponents ("15M", not "1.5·10⁷"; "0.25"), with
/// as many decimals as `tickStep` (the distance between the axis's ticks, 0: unknown) needs,
/// so that neighbouring ticks never read the same: "0.005", "0.015", "1.25k", not "0.01",
/// "0.01", "1.3k".
QString formatAxisNumber(double value, double tickStep = 0, const QLocale &locale = {});

} // namespace skyline
