#pragma once
// Crash recovery: while the document has unsaved changes, a copy of the project is written
// every 30 s to the application's local data folder. A clean save or quit deletes it; a copy
// left behind by a session that is no longer running is offered for restoring at start.
//
// Every session (one per main window) has a unique id (a QUuid, never the process id, which
// repeats in containers) and names its files by it: session-ID.lock (a QLockFile held while
// the session runs), recovery-ID.skyline (the copy) and recovery-ID.skyline.path (the
// absolute path of the file the copy is a modified version of). A copy whose owner is alive
// is never touched; one whose owner is gone is always offered. The owner is gone when its
// lock is stale: Qt finds its process dead (or the machine rebooted), or the lock carries this
// process's id under a session id this process does not run (the id was reused), or the lock
// comes from another host and its owner stopped refreshing it (every tick) for
// foreignLockStaleMs. Stale locks are removed when found.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class QLockFile;

namespace skyline {

class Document;

class RecoveryManager : public QObject
{
    Q_OBJECT
public:
    static constexpr int intervalMs = 30'000;
    /// A lock from another host whose owner has not refreshed it for this long is stale.
    static constexpr int foreignLockStaleMs = 10 * intervalMs;

    /// `directory` empty: QStandardPaths::AppLocalDataLocation + "/recovery".
    explicit RecoveryManager(Document *document, const QString &directory = {},
                             QObject *parent = nullptr);
    ~RecoveryManager() override;

    QString directory() const { return m_directory; }
    /// This session's unique id (a QUuid without braces).
    QString sessionId() const { return m_sessionId; }
    /// This session's recovery copy (it exists only while there are unsaved changes).
    QString recoveryFilePath() const;
    /// This session's lock file (held while the session runs).
    QString lockFilePath() const;
    /// Recovery copies of sessions that are gone, newest first. Removes the stale locks found.
    QStringList orphanedRecoveryFiles() const;
    /// The absolute path of the file the copy was a modified version of (empty when untitled).
    static QString originalFilePath(const QString &recoveryFile);
    /// Deletes an orphaned copy (after it was restored or declined) with its owner's lock.
    /// A copy whose owner is alive (this session's own included) is left alone: false.
    bool removeRecoveryFile(const QString &recoveryFile) const;

public slots:
    /// Writes the copy now when there are unsaved changes, else removes it; refreshes the
    /// session's lock either way (the timer's tick).
    bool writeNow();
    /// Removes this session's copy (clean save, clean quit).
    void discard();

private:
    QString lockPathOf(const QString &sessionId) const;
    /// True when the session's owner is gone; its stale lock is then removed.
    bool ownerIsGone(const QString &sessionId) const;
    void removeStaleLocks() const;
    void refreshLock();

    Document *m_document;
    QString m_directory;
    QString m_sessionId;
    QTimer m_timer;
    std::unique_ptr<QLockFile> m_sessionLock;
};

} // namespace skyline
