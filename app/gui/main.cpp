// skyline [FILE]: the desktop studio.

#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "engine/ProcessMemory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    skyline::keepFreedMemoryForReuse(); // evaluations on every edit reuse what the last one freed
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Skyline"));
    QApplication::setApplicationName(QStringLiteral("Skyline"));
    QApplication::setApplicationVersion(QStringLiteral(SKYLINE_VERSION));

    // The language is chosen at start (Preferences say so): the setting or the system's.
    const QString language = skyline::PreferencesDialog::effectiveLanguage();
    QTranslator qtTranslator;
    QTranslator appTranslator;
    if (language != QLatin1String("en")) {
        if (qtTranslator.load(QStringLiteral("qtbase_") + language,
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
        if (appTranslator.load(QStringLiteral(":/i18n/skyline_") + language))
            QApplication::installTranslator(&appTranslator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Compare serverless and microservice architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "A .skyline project to open."));
    parser.process(app);

    skyline::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] { window.openAtStart(files); });
    return QApplication::exec();
}
