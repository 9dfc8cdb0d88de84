#pragma once
// Preferences: the user-interface language (System, English, Deutsch), applied on next start.

#include <QDialog>

class QComboBox;

namespace skyline {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// The stored choice: "" (follow the system), "en" or "de".
    static QString languageSetting();
    /// The language to load at start: the setting, or the system locale's language.
    static QString effectiveLanguage();

    void accept() override;

private:
    QComboBox *m_language;
};

} // namespace skyline
