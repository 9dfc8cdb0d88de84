#include "Language.h"

#include <QApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace skyline::language {
namespace {

struct Installed
{
    QString language = QStringLiteral("en");
    std::unique_ptr<QTranslator> qt;
    std::unique_ptr<QTranslator> app;
};

Installed &installed()
{
    static Installed state;
    return state;
}

} // namespace

void apply(const QString &language, const QString &catalogueDir)
{
    Installed &state = installed();
    for (std::unique_ptr<QTranslator> *translator : {&state.qt, &state.app}) {
        if (*translator)
            QCoreApplication::removeTranslator(translator->get());
        translator->reset();
    }
    const QString effective = language.isEmpty() ? QStringLiteral("en") : language;
    if (effective != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_") + effective,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            state.qt = std::move(qt);
        }
    }
    // English too has a catalogue: its plural forms only ("1 candidate", "3 candidates" for
    // the source's "%n candidate(s)"), as Qt does it (translations/skyline_en.ts). A language
    // without a catalogue of its own (a system locale such as "C" or "fr") shows English.
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral("skyline_") + effective, catalogueDir)
        || app->load(QStringLiteral("skyline_en"), catalogueDir)) {
        QCoreApplication::installTranslator(app.get());
        state.app = std::move(app);
    }
    state.language = effective;
    QLocale::setDefault(state.language == QLatin1String("en")
                            ? QLocale(QLocale::English, QLocale::UnitedStates)
                            : QLocale(state.language));
    // Numbers follow the locale even where no catalogue changed (English has none). The
    // application posts the event to every window; it is delivered now, so the caller sees
    // the new language on return.
    if (qApp) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(qApp, &change);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }
}

QString current()
{
    return installed().language;
}

} // namespace skyline::language
