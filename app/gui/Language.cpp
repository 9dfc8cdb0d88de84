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
    if (language != QLatin1String("en") && !language.isEmpty()) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_") + language,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            state.qt = std::move(qt);
        }
        auto app = std::make_unique<QTranslator>();
        if (app->load(QStringLiteral("skyline_") + language, catalogueDir)) {
            QCoreApplication::installTranslator(app.get());
            state.app = std::move(app);
        }
    }
    state.language = language.isEmpty() ? QStringLiteral("en") : language;
    QLocale::setDefault(state.language == QLatin1String("en")
                            ? QLocale(QLocale::English, QLocale::UnitedStates)
                            : QLocale(state.language));
    // Numbers follow the locale even where no catalogue changed (English has none).
    if (qApp) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(qApp, &change);
    }
}

QString current()
{
    return installed().language;
}

} // namespace skyline::language
