#include "RecoveryManager.h"

#include "Document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace skyline {
namespace {

QString sessionLockName(qint64 pid) { return QStringLiteral("session-%1.lock").arg(pid); }
QString recoveryName(qint64 pid) { return QStringLiteral("recovery-%1.skyline").arg(pid); }
QString pathSidecar(const QString &recoveryFile) { return recoveryFile + QStringLiteral(".path"); }

} // namespace

RecoveryManager::RecoveryManager(Document *document, const QString &directory, QObject *parent)
    : QObject(parent), m_document(document), m_directory(directory)
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                      + QStringLiteral("/recovery");
    QDir().mkpath(m_directory);
    // The lock tells other sessions that this one is alive; it goes stale if we crash.
    m_sessionLock = std::make_unique<QLockFile>(
        QDir(m_directory).filePath(sessionLockName(QCoreApplication::applicationPid())));
    m_sessionLock->setStaleLockTime(0);
    m_sessionLock->tryLock(0);

    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::writeNow);
    m_timer.start();
}

RecoveryManager::~RecoveryManager() = default;

QString RecoveryManager::recoveryFilePath() const
{
    return QDir(m_directory).filePath(recoveryName(QCoreApplication::applicationPid()));
}

bool RecoveryManager::writeNow()
{
    if (!m_document->isModified()) {
        discard();
        return false;
    }
    QSaveFile file(recoveryFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const std::string text = writeProject(m_document->project());
    file.write(text.data(), qint64(text.size()));
    if (!file.commit())
        return false;
    QFile sidecar(pathSidecar(recoveryFilePath()));
    if (sidecar.open(QIODevice::WriteOnly | QIODevice::Truncate))
        sidecar.write(m_document->filePath().toUtf8());
    return true;
}

void RecoveryManager::discard()
{
    removeRecoveryFile(recoveryFilePath());
}

QStringList RecoveryManager::orphanedRecoveryFiles() const
{
    QStringList orphans;
    const QDir dir(m_directory);
    const qint64 ownPid = QCoreApplication::applicationPid();
    for (const QString &name : dir.entryList({QStringLiteral("recovery-*.skyline")}, QDir::Files)) {
        const qint64 pid = name.section(QLatin1Char('-'), 1).section(QLatin1Char('.'), 0, 0)
                               .toLongLong();
        if (pid == ownPid)
            continue;
        // A lock we can take belongs to a session that is gone (Qt removes stale locks of
        // processes that no longer run).
        QLockFile lock(dir.filePath(sessionLockName(pid)));
        if (lock.tryLock(0)) {
            lock.unlock();
            orphans << dir.filePath(name);
        }
    }
    return orphans;
}

QString RecoveryManager::originalFilePath(const QString &recoveryFile)
{
    QFile sidecar(pathSidecar(recoveryFile));
    if (!sidecar.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(sidecar.readAll());
}

void RecoveryManager::removeRecoveryFile(const QString &recoveryFile)
{
    QFile::remove(recoveryFile);
    QFile::remove(pathSidecar(recoveryFile));
}

} // namespace skyline
