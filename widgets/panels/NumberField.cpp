#include "NumberField.h"

#include "PropertyPanel.h"

#include <QKeyEvent>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace skyline {
namespace {

QLocale editLocale()
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale;
}

/// The text without a trailing unit, English or translated ("512 MB" -> "512").
QString withoutUnit(QString text, const ParamSpec &spec)
{
    text = text.trimmed();
    if (spec.unit.empty())
        return text;
    const QString translated = unitSuffix(spec).trimmed();
    const QString singular = unitSuffix(spec, 1.0).trimmed(); // "1 instance"
    for (const QString &unit : {translated, QString::fromStdString(spec.unit), singular}) {
        if (!unit.isEmpty() && text.endsWith(unit, Qt::CaseInsensitive)) {
            text.chop(unit.size());
            return text.trimmed();
        }
    }
    return text;
}

} // namespace

NumberField::NumberField(const ParamSpec &spec, QWidget *parent)
    : QLineEdit(parent), m_spec(spec)
{
    QString toolTip = translatedParamHelp(spec);
    if (!toolTip.isEmpty())
        toolTip += QLatin1Char('\n');
    toolTip += rangeText(spec);
    if (spec.type != ParamType::Integer && spec.maximum >= 1e5)
        toolTip += QLatin1Char('\n') + tr("Scientific notation such as 1e6 is accepted.");
    setToolTip(toolTip);
    connect(this, &QLineEdit::editingFinished, this, &NumberField::commitText);
}

void NumberField::setValue(double value)
{
    m_value = value;
    setText(format(m_spec, value));
    updateGeometry(); // the minimum width follows the shown figure
}

QSize NumberField::minimumSizeHint() const
{
    // Wide enough for the figure it shows and for its range's largest one, unit included: a
    // form in a narrow column (a 1024 px window) then puts the field under its label instead
    // of cutting "1000 instances" to "000 instances".
    constexpr int framePx = 14; // the frame and the text margins of a line edit
    constexpr int capPx = 180;  // beyond this the text scrolls rather than widen the column
    const QFontMetrics metrics = fontMetrics();
    const int textPx = std::max(metrics.horizontalAdvance(format(m_spec, m_value)),
                                metrics.horizontalAdvance(format(m_spec, m_spec.maximum)));
    QSize size = QLineEdit::minimumSizeHint();
    size.setWidth(std::max(size.width(), std::min(textPx + framePx, capPx)));
    return size;
}

std::optional<double> NumberField::parse(const QString &text, const ParamSpec &spec,
                                         QString *why)
{
    QString number = withoutUnit(text, spec);
    number.replace(QChar(0x2212), QLatin1Char('-')); // a typographic minus
    bool ok = false;
    double value = QLocale().toDouble(number, &ok);
    if (!ok)
        value = QLocale::c().toDouble(number, &ok);
    if (ok && !std::isfinite(value))
        ok = false;
    if (!ok) {
        if (why) {
            *why = number.isEmpty()
                       ? tr("%1 needs a number.").arg(translatedParamLabel(spec))
                       : tr("“%1” is not a number; %2 needs a number (%3).")
                             .arg(text.trimmed(), translatedParamLabel(spec), rangeText(spec));
        }
        return std::nullopt;
    }
    return value;
}

QString NumberField::check(const ParamSpec &spec, double value)
{
    if (checkParamValue(spec, value).empty())
        return {};
    if (spec.type == ParamType::Integer && std::floor(value) != value)
        return tr("%1 must be a whole number; %2 was not stored.")
            .arg(translatedParamLabel(spec), format(spec, value));
    return tr("%1 must be between %2 and %3; %4 was not stored.")
        .arg(translatedParamLabel(spec), digits(spec, spec.minimum),
             format(spec, spec.maximum), format(spec, value));
}

QString NumberField::format(const ParamSpec &spec, double value)
{
    return digits(spec, value) + unitSuffix(spec, value);
}

QString NumberField::digits(const ParamSpec &spec, double value)
{
    const QLocale locale = editLocale();
    QString text;
    if (std::abs(value) >= 1e15 || (value != 0 && std::abs(value) < 1e-4)) {
        text = locale.toString(value, 'g', 6);
    } else {
        text = locale.toString(value, 'f', spec.type == ParamType::Integer ? 0 : 6);
        if (text.contains(locale.decimalPoint())) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(locale.decimalPoint()))
                text.chop(locale.decimalPoint().size());
        }
    }
    return text;
}

QString NumberField::rangeText(const ParamSpec &spec)
{
    return tr("Range: %1 to %2").arg(digits(spec, spec.minimum), format(spec, spec.maximum));
}

void NumberField::markRefused(QWidget *editor, bool refused)
{
    if (editor->property("refused").toBool() == refused)
        return;
    editor->setProperty("refused", refused);
    editor->setStyleSheet(refused ? QStringLiteral("*[refused=\"true\"] { border: 2px solid "
                                                   "#b3261e; }")
                                  : QString());
}

void NumberField::commitText()
{
    if (text() == format(m_spec, m_value))
        return; // unchanged (editingFinished also comes on focus loss after Enter)
    QString why;
    const std::optional<double> value = parse(text(), m_spec, &why);
    if (value && *value == m_value) {
        setValue(m_value); // the same number written differently
        return;
    }
    if (value)
        why = check(m_spec, *value);
    if (!why.isEmpty()) {
        setValue(m_value);
        emit refused(why);
        return;
    }
    emit valueEntered(*value);
}

void NumberField::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up: stepBy(1); return;
    case Qt::Key_Down: stepBy(-1); return;
    case Qt::Key_PageUp: stepBy(10); return;
    case Qt::Key_PageDown: stepBy(-10); return;
    default: QLineEdit::keyPressEvent(event);
    }
}

double NumberField::stepSize() const
{
    if (m_spec.type == ParamType::Integer)
        return 1;
    const double span = m_spec.maximum - m_spec.minimum;
    return span <= 1 ? 0.01 : span <= 100 ? 0.1 : 1;
}

void NumberField::stepBy(int steps)
{
    const double step = stepSize();
    const double stepped = std::clamp(std::round(m_value / step + steps) * step,
                                      m_spec.minimum, m_spec.maximum);
    if (stepped != m_value)
        emit valueEntered(stepped);
}

} // namespace skyline
