// skyline [FILE]...: the desktop studio. Its options and manual page come from
// app/cli/CliHelp.cpp (studioHelp()).

#include "CliHelp.h"
#include "Document.h"
#include "Language.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "engine/ProcessMemory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

/// The desktop entry, the icons and the AppStream id share this name (resources/desktop/).
constexpr auto desktopId = "io.github.skyline.Skyline";

// For lupdate: the texts of studioHelp() that `skyline --help` shows, translated at run time.
[[maybe_unused]] constexpr const char *helpTexts[] = {
    QT_TRANSLATE_NOOP("main", "A .skyline project to open."),
    QT_TRANSLATE_NOOP("main", "Open the FILEs, then quit: exit status 0 when every file opened, "
                              "1 otherwise, with the problems on standard error instead of a "
                              "dialog. For scripted checks of an installation (e.g. with "
                              "QT_QPA_PLATFORM=offscreen)."),
};

/// The meaning of `option` in studioHelp(), translated.
QString optionMeaning(std::string_view option)
{
    for (const skyline::cli::OptionHelp &o : skyline::cli::studioHelp().options)
        if (o.option == option)
            return QApplication::translate("main", std::string(o.meaning).c_str());
    return {};
}

/// --quit-after-load: loads every file into the window's document without dialogs; the exit
/// code says whether all of them opened.
int loadForCheck(skyline::MainWindow &window, const QStringList &files)
{
    int exitCode = 0;
    for (const QString &file : files) {
        QString error;
        if (!window.document()->load(file, &error)) {
            std::fprintf(stderr, "skyline: cannot open %s:\n%s\n",
                         qPrintable(QDir::toNativeSeparators(file)), qPrintable(error));
            exitCode = 1;
        }
    }
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    skyline::keepFreedMemoryForReuse(); // evaluations on every edit reuse what the last one freed
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Skyline"));
    QApplication::setApplicationName(QStringLiteral("Skyline"));
    QApplication::setApplicationVersion(QStringLiteral(SKYLINE_VERSION));
    // Window managers match the window to the installed launcher (and its icon) by this name.
    QGuiApplication::setDesktopFileName(QLatin1String(desktopId));
    QApplication::setWindowIcon(QIcon::fromTheme(
        QLatin1String(desktopId), QIcon(QStringLiteral(":/desktop/%1.svg").arg(desktopId))));

    // The language of the setting or the system's; Preferences switch it while running.
    skyline::language::apply(skyline::PreferencesDialog::effectiveLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Compare serverless and microservice architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption quitAfterLoad(QStringLiteral("quit-after-load"),
                                           optionMeaning("--quit-after-load"));
    parser.addOption(quitAfterLoad);
    parser.addPositionalArgument(QStringLiteral("FILE"), optionMeaning("FILE"),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    skyline::MainWindow window;
    window.show();
    if (parser.isSet(quitAfterLoad)) {
        const int exitCode = loadForCheck(window, files);
        QTimer::singleShot(0, &app, [exitCode] { QApplication::exit(exitCode); });
        return QApplication::exec();
    }
    // Recovery first (restored work is kept: files then open in windows of their own), then
    // every file in a window of its own; each window keeps its own recovery copy.
    QTimer::singleShot(0, &window, [&window, files] { window.openAtStart(files); });
    return QApplication::exec();
}
