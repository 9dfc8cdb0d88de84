// The German catalogue translations/skyline_de.ts is complete and safe to show: every message
// is finished and non-empty, keeps the placeholders, HTML tags and accelerators of its source,
// menus keep unique accelerators, and the compiled catalogue turns real widgets German.

#include "Document.h"
#include "MainWindow.h"
#include "panels/WorkloadEditor.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace skyline;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
    bool obsolete = false;
    QStringList forms; ///< the translation, or its numerus forms
};

QString catalogueSourcePath()
{
    return QStringLiteral(SKYLINE_SOURCE_DIR) + QStringLiteral("/translations/skyline_de.ts");
}

/// Reads <translation>: its text, or its <numerusform> children for a plural message.
void readTranslation(QXmlStreamReader &xml, Message &message)
{
    const QString type = xml.attributes().value(QLatin1String("type")).toString();
    message.unfinished = type == QLatin1String("unfinished");
    message.obsolete = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
    if (!message.numerus) {
        message.forms << xml.readElementText();
        return;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("numerusform"))
            message.forms << xml.readElementText();
        else
            xml.skipCurrentElement();
    }
}

Message readMessage(QXmlStreamReader &xml, const QString &context)
{
    Message message;
    message.context = context;
    message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("source"))
            message.source = xml.readElementText();
        else if (xml.name() == QLatin1String("comment"))
            message.comment = xml.readElementText();
        else if (xml.name() == QLatin1String("translation"))
            readTranslation(xml, message);
        else
            xml.skipCurrentElement();
    }
    return message;
}

QList<Message> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            messages << readMessage(xml, context);
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// Sorted list of every match of a pattern, so that order may change but not the set.
QStringList sortedMatches(const QRegularExpression &pattern, const QString &text)
{
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found << match.captured(0);
    found.sort();
    return found;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:n|[1-9][0-9]?)"));
    return sortedMatches(pattern, text);
}

QStringList htmlTags(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("</?[a-zA-Z][^<>]*>"));
    return sortedMatches(pattern, text);
}

/// The mnemonic characters of a label: every '&' not doubled ("&&" is a literal ampersand).
QString accelerators(const QString &text)
{
    QString keys;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace())
            keys += text[i + 1].toLower();
    }
    return keys;
}

QString lreleasePath()
{
    const QString beside = QLibraryInfo::path(QLibraryInfo::BinariesPath);
    for (const QString &name : {QStringLiteral("lrelease"), QStringLiteral("lrelease-qt6")}) {
        const QString found = QStandardPaths::findExecutable(name, {beside});
        if (!found.isEmpty())
            return found;
    }
    return QStandardPaths::findExecutable(QStringLiteral("lrelease"));
}

QString rowName(const Message &message)
{
    QString source = message.source.left(60);
    source.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return message.context + QStringLiteral(" | ") + source;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private:
    QList<Message> m_messages;
    QTemporaryDir m_compiledDir;
    QString m_compiledPath; ///< empty when lrelease is not available
    QTranslator m_compiled;

    const Message *find(const QString &context, const QString &source) const
    {
        for (const Message &message : m_messages)
            if (message.context == context && message.source == source)
                return &message;
        return nullptr;
    }

    void addMessageRows()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_messages.size(); ++i)
            if (!m_messages[i].obsolete)
                QTest::newRow(qPrintable(rowName(m_messages[i]))) << i;
    }

    void compileCatalogue()
    {
        const QString lrelease = lreleasePath();
        if (lrelease.isEmpty() || !m_compiledDir.isValid())
            return;
        const QString target = m_compiledDir.filePath(QStringLiteral("skyline_de.qm"));
        QProcess process;
        process.start(lrelease, {catalogueSourcePath(), QStringLiteral("-qm"), target});
        QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 process.readAllStandardError().constData());
        QVERIFY(m_compiled.load(target));
        m_compiledPath = target;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_messages = readCatalogue(catalogueSourcePath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_messages.size() > 100, "the German catalogue lost its messages");
        compileCatalogue();
    }

    void messageIsFinishedAndNotEmpty_data() { addMessageRows(); }
    void messageIsFinishedAndNotEmpty()
    {
        QFETCH(int, index);
        const Message &message = m_messages[index];
        QVERIFY2(!message.unfinished, "translation is marked unfinished");
        // German has two plural forms: singular and plural.
        QCOMPARE(message.forms.size(), message.numerus ? 2 : 1);
        for (const QString &form : message.forms)
            QVERIFY2(!form.trimmed().isEmpty(), "translation is empty");
    }

    void messageKeepsPlaceholders_data() { addMessageRows(); }
    void messageKeepsPlaceholders()
    {
        QFETCH(int, index);
        const Message &message = m_messages[index];
        for (const QString &form : message.forms)
            QCOMPARE(placeholders(form), placeholders(message.source));
    }

    void messageKeepsHtmlTags_data() { addMessageRows(); }
    void messageKeepsHtmlTags()
    {
        QFETCH(int, index);
        const Message &message = m_messages[index];
        for (const QString &form : message.forms)
            QCOMPARE(htmlTags(form), htmlTags(message.source));
    }

    void messageKeepsOneAccelerator_data() { addMessageRows(); }
    void messageKeepsOneAccelerator()
    {
        QFETCH(int, index);
        const Message &message = m_messages[index];
        for (const QString &form : message.forms)
            QCOMPARE(accelerators(form).size(), accelerators(message.source).size());
    }

    void menuAcceleratorsAreUniqueInTheWindow_data()
    {
        QTest::addColumn<bool>("german");
        QTest::newRow("English") << false;
        QTest::newRow("German") << true;
    }
    void menuAcceleratorsAreUniqueInTheWindow()
    {
        // The real menus of the main window, in the language the user reads: every entry of
        // one menu (the menu bar included) has its own accelerator, and none has two.
        QFETCH(bool, german);
        QTranslator translator;
        if (german) {
            if (m_compiledPath.isEmpty())
                QSKIP("lrelease is not installed; cannot compile the catalogue");
            QVERIFY(translator.load(m_compiledPath));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        QTemporaryDir recovery;
        MainWindow window(recovery.path());
        QList<QPair<QString, QList<QAction *>>> menus{{QStringLiteral("menu bar"),
                                                       window.menuBar()->actions()}};
        for (int i = 0; i < menus.size(); ++i)
            for (QAction *action : menus[i].second)
                if (QMenu *menu = action->menu())
                    menus.append({action->text(), menu->actions()});
        if (german)
            QCoreApplication::removeTranslator(&translator);
        QVERIFY(menus.size() >= 8); // the bar, File, Edit, View, Candidate, Help and submenus
        for (const auto &[title, actions] : menus) {
            QHash<QChar, QString> owners;
            for (const QAction *action : actions) {
                if (action->isSeparator() || action->text().isEmpty())
                    continue;
                const QString keys = accelerators(action->text());
                QVERIFY2(keys.size() <= 1, qPrintable(title + QStringLiteral(": ") + action->text()));
                if (keys.isEmpty())
                    continue;
                QVERIFY2(!owners.contains(keys[0]),
                         qPrintable(QStringLiteral("%1: '%2' and '%3' share the accelerator %4")
                                        .arg(title, owners.value(keys[0]), action->text())
                                        .arg(keys[0])));
                owners.insert(keys[0], action->text());
            }
        }
    }

    void transientMenuAcceleratorsAreUnique_data()
    {
        // Menus the window builds only when they open (so not in the walk above).
        QTest::addColumn<QString>("context");
        QTest::addColumn<QStringList>("entries");
        const QString window = QStringLiteral("skyline::MainWindow");
        QTest::newRow("candidate tab") << window
                                       << QStringList{"&Rename…", "D&uplicate", "&Delete…"};
        QTest::newRow("recovery") << window << QStringList{"&Restore", "&Discard"};
    }
    void transientMenuAcceleratorsAreUnique()
    {
        QFETCH(QString, context);
        QFETCH(QStringList, entries);
        QHash<QChar, QString> owners;
        for (const QString &entry : entries) {
            const Message *message = find(context, entry);
            QVERIFY2(message, qPrintable(QStringLiteral("%1 is not in the catalogue: update this "
                                                        "list with the menu")
                                             .arg(entry)));
            const QString keys = accelerators(message->forms.value(0));
            QCOMPARE(keys.size(), 1);
            QVERIFY2(!owners.contains(keys[0]),
                     qPrintable(QStringLiteral("'%1' and '%2' share the accelerator %3")
                                    .arg(owners.value(keys[0]), message->forms.value(0))
                                    .arg(keys[0])));
            owners.insert(keys[0], message->forms.value(0));
        }
    }

    void compiledCatalogueMatchesSource_data() { addMessageRows(); }
    void compiledCatalogueMatchesSource()
    {
        QFETCH(int, index);
        if (m_compiledPath.isEmpty())
            QSKIP("lrelease is not installed; cannot compile the catalogue");
        const QTranslator *loaded = &m_compiled;
        const Message &message = m_messages[index];
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QByteArray comment = message.comment.toUtf8();
        if (!message.numerus) {
            QCOMPARE(loaded->translate(context, source, comment.isEmpty() ? nullptr : comment),
                     message.forms.value(0));
            return;
        }
        // German: n == 1 takes the first form, every other count the second.
        for (int count : {1, 2, 7}) {
            QString expected = message.forms.value(count == 1 ? 0 : 1);
            QCOMPARE(loaded->translate(context, source, comment.isEmpty() ? nullptr : comment,
                                       count),
                     expected);
        }
    }

    void pluralsReadNaturally()
    {
        if (m_compiledPath.isEmpty())
            QSKIP("lrelease is not installed; cannot compile the catalogue");
        QTranslator translator;
        QVERIFY(translator.load(m_compiledPath));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const auto tr = [](const char *context, const char *source, int n) {
            return QCoreApplication::translate(context, source, nullptr, n);
        };
        QCOMPARE(tr("skyline::WarningsPanel", "%n warning(s)", 1), QStringLiteral("1 Warnung"));
        QCOMPARE(tr("skyline::WarningsPanel", "%n warning(s)", 3), QStringLiteral("3 Warnungen"));
        QCOMPARE(tr("skyline::Document", "Delete %n connection(s)", 1),
                 QStringLiteral("1 Verbindung löschen"));
        QCOMPARE(tr("skyline::Document", "Delete %n connection(s)", 2),
                 QStringLiteral("2 Verbindungen löschen"));
        QCOMPARE(tr("skyline::Document", "Move %n node(s)", 4),
                 QStringLiteral("4 Knoten verschieben"));
        QCoreApplication::removeTranslator(&translator);
    }

    void widgetShowsGermanWithCatalogueInstalled()
    {
        if (m_compiledPath.isEmpty())
            QSKIP("lrelease is not installed; cannot compile the catalogue");
        QTranslator translator;
        QVERIFY(translator.load(m_compiledPath));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        Document document;
        document.resetProject(Document::newProject());
        WorkloadEditor editor(&document);
        QStringList buttonTexts;
        for (const QPushButton *button : editor.findChildren<QPushButton *>())
            buttonTexts << button->text();
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(buttonTexts.contains(QStringLiteral("Hinzufügen")),
                 qPrintable(buttonTexts.join(QStringLiteral(", "))));
        QVERIFY2(!buttonTexts.contains(QStringLiteral("Add")),
                 qPrintable(buttonTexts.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
