#include "RecoveryManager.h"

#include "Document.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUuid>

#include <optional>

namespace skyline {
namespace {

const QString lockPrefix = QStringLiteral("session-");
const QString lockSuffix = QStringLiteral(".lock");
const QString copyPrefix = QStringLiteral("recovery-");
const QString copySuffix = QStringLiteral(".skyline");

QString pathSidecar(const QString &recoveryFile) { return recoveryFile + QStringLiteral(".path"); }

/// The session id inside "PREFIXidSUFFIX"; empty when the name is not of that form.
QString idOf(const QString &fileName, const QString &prefix, const QString &suffix)
{
    if (!fileName.startsWith(prefix) || !fileName.endsWith(suffix))
        return {};
    return fileName.mid(prefix.size(), fileName.size() - prefix.size() - suffix.size());
}

/// Session ids of the recovery managers alive in this process.
QSet<QString> &liveSessions()
{
    static QSet<QString> sessions;
    return sessions;
}

/// What a QLockFile writes: pid, application, host name, machine id, boot id (one a line).
struct LockOwner
{
    qint64 pid = 0;
    QString hostName;
    QByteArray hostId;
};

std::optional<LockOwner> readLockOwner(const QString &lockPath)
{
    QFile file(lockPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    const QList<QByteArray> lines = file.readAll().split('\n');
    LockOwner owner;
    bool ok = false;
    owner.pid = lines.value(0).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    owner.hostName = QString::fromUtf8(lines.value(2));
    owner.hostId = lines.value(3);
    return owner;
}

/// Whether Qt could judge the owner's process (same machine): then "alive" is its answer.
bool onThisHost(const LockOwner &owner)
{
    if (!owner.hostId.isEmpty() && !QSysInfo::machineUniqueId().isEmpty())
        return owner.hostId == QSysInfo::machineUniqueId();
    return owner.hostName.isEmpty() || owner.hostName == QSysInfo::machineHostName();
}

qint64 ageMs(const QString &path)
{
    return QFileInfo(path).lastModified().msecsTo(QDateTime::currentDateTime());
}

} // namespace

RecoveryManager::RecoveryManager(Document *document, const QString &directory, QObject *parent)
    : QObject(parent),
      m_document(document),
      m_directory(directory),
      m_sessionId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                      + QStringLiteral("/recovery");
    m_directory = QDir(m_directory).absolutePath();
    QDir().mkpath(m_directory);
    liveSessions().insert(m_sessionId);
    // The lock tells other sessions that this one is alive; it goes stale if we crash.
    m_sessionLock = std::make_unique<QLockFile>(lockFilePath());
    m_sessionLock->setStaleLockTime(0);
    m_sessionLock->tryLock(0);
    removeStaleLocks();

    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::writeNow);
    m_timer.start();
}

RecoveryManager::~RecoveryManager()
{
    liveSessions().remove(m_sessionId);
}

QString RecoveryManager::lockPathOf(const QString &sessionId) const
{
    return QDir(m_directory).filePath(lockPrefix + sessionId + lockSuffix);
}

QString RecoveryManager::lockFilePath() const { return lockPathOf(m_sessionId); }

QString RecoveryManager::recoveryFilePath() const
{
    return QDir(m_directory).filePath(copyPrefix + m_sessionId + copySuffix);
}

bool RecoveryManager::writeNow()
{
    refreshLock();
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
    // Absolute, so that a session started elsewhere (another working folder) finds the file.
    QString original = m_document->filePath();
    if (!original.isEmpty() && !original.startsWith(QLatin1Char(':')))
        original = QFileInfo(original).absoluteFilePath();
    QSaveFile sidecar(pathSidecar(recoveryFilePath()));
    if (sidecar.open(QIODevice::WriteOnly)) {
        sidecar.write(original.toUtf8());
        sidecar.commit();
    }
    return true;
}

void RecoveryManager::discard()
{
    QFile::remove(recoveryFilePath());
    QFile::remove(pathSidecar(recoveryFilePath()));
}

void RecoveryManager::refreshLock()
{
    // The heartbeat that sessions on other hosts judge this one by.
    QFile lock(lockFilePath());
    if (m_sessionLock->isLocked() && lock.open(QIODevice::ReadOnly))
        lock.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
}

bool RecoveryManager::ownerIsGone(const QString &sessionId) const
{
    if (sessionId == m_sessionId || liveSessions().contains(sessionId))
        return false;
    const QString path = lockPathOf(sessionId);
    QLockFile lock(path);
    lock.setStaleLockTime(0); // age alone never makes a lock of this host stale
    if (lock.tryLock(0))
        return true; // no lock, or Qt found its process gone; unlocking removes the file
    if (lock.error() != QLockFile::LockFailedError)
        return false; // cannot tell (permissions): leave it alone
    const std::optional<LockOwner> owner = readLockOwner(path);
    if (!owner)
        return false;
    const bool thisHost = onThisHost(*owner);
    // This process's id under a session id this process does not run: the id was reused.
    const bool reusedPid = thisHost && owner->pid == QCoreApplication::applicationPid();
    // From a host Qt cannot look at: alive only while its owner refreshes it.
    const bool silentForeign = !thisHost && ageMs(path) > foreignLockStaleMs;
    if (!reusedPid && !silentForeign)
        return false;
    lock.removeStaleLockFile();
    return true;
}

void RecoveryManager::removeStaleLocks() const
{
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({lockPrefix + QLatin1Char('*') + lockSuffix},
                                             QDir::Files | QDir::Hidden)) {
        const QString id = idOf(name, lockPrefix, lockSuffix);
        if (!id.isEmpty())
            ownerIsGone(id);
    }
}

QStringList RecoveryManager::orphanedRecoveryFiles() const
{
    QStringList orphans;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({copyPrefix + QLatin1Char('*') + copySuffix},
                                             QDir::Files, QDir::Time)) {
        const QString id = idOf(name, copyPrefix, copySuffix);
        if (!id.isEmpty() && ownerIsGone(id))
            orphans << dir.filePath(name);
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

bool RecoveryManager::removeRecoveryFile(const QString &recoveryFile) const
{
    const QString id = idOf(QFileInfo(recoveryFile).fileName(), copyPrefix, copySuffix);
    if (id.isEmpty() || !ownerIsGone(id))
        return false;
    QFile::remove(recoveryFile);
    QFile::remove(pathSidecar(recoveryFile));
    return true;
}

} // namespace skyline
