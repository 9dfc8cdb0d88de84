#pragma once
// Time of day for the day charts' tooltips and CSV ("14:35" from 14.583 hours).

#include <QString>

#include <cmath>

namespace skyline {

inline QString timeOfDayText(double hours)
{
    const int minutes = int(std::lround(hours * 60.0));
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace skyline
