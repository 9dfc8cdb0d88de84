#pragma once
// Crash recovery: while the document has unsaved changes, a copy of the project is written
// every 30 s to the application's local data folder. A clean save or quit deletes it; a copy
// left behind by a session that is no longer running is offered for restoring at start.

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

    /// `directory` empty: QStandardPaths::AppLocalDataLocation + "/recovery".
    explicit RecoveryManager(Document *document, const QString &directory = {},
                             QObject *parent = nullptr);
    ~RecoveryManager() override;

    QString directory() const { return m_directory; }
    /// This session's recovery copy (it exists only while there are unsaved changes).
    QString recoveryFilePath() const;
    /// Recovery copies of sessions that ended without a clean save or quit.
    QStringList orphanedRecoveryFiles() const;
    /// The file the orphaned copy was a modified version of (empty when it was untitled).
    static QString originalFilePath(const QString &recoveryFile);
    /// Deletes an orphaned copy (after it was restored or declined).
    static void removeRecoveryFile(const QString &recoveryFile);

public slots:
    /// Writes the copy now when there are unsaved changes, else removes it.
    bool writeNow();
    /// Removes this session's copy (clean save, clean quit).
    void discard();

private:
    Document *m_document;
    QString m_directory;
    QTimer m_timer;
    std::unique_ptr<QLockFile> m_sessionLock;
};

} // namespace skyline
