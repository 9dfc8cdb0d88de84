#include "BackgroundRunner.h"

namespace skyline {

void BackgroundRunner::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void BackgroundRunner::reportProgress(quint64 generation, int percent, const QString &what)
{
    if (!isStale(generation))
        emit progressChanged(percent, what);
}

} // namespace skyline
