#include "RangeField.h"

#include "NumberField.h"
#include "PropertyPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace skyline {

namespace {

QString rangeMeaning()
{
    return RangeField::tr(
        "A range says how sure you are of this value: low and high are the least and the most "
        "it can plausibly be, the value itself the most likely (a triangular distribution). "
        "Uncertainty samples within it for the P10–P90 bands and the “cheapest in N % of "
        "samples” row; the tornado chart moves it from low to high.");
}

} // namespace

RangeField::RangeField(NumberField *valueField, QWidget *parent)
    : QWidget(parent), m_valueField(valueField), m_valueToolTip(valueField->toolTip())
{
    const ParamSpec &spec = valueField->spec();
    setObjectName(QString::fromStdString(spec.key) + QStringLiteral("Range"));

    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("rangeToggle"));
    m_toggle->setText(QStringLiteral("±"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolTip(tr("Give %1 a range (low and high) instead of one guess.\n%2")
                             .arg(translatedParamLabel(spec), rangeMeaning()));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("rangeHint"));
    m_hint->setStyleSheet(QStringLiteral("color: #5a5a8c;"));
    m_hint->setToolTip(rangeMeaning());
    auto *valueRow = new QHBoxLayout;
    valueRow->setContentsMargins(0, 0, 0, 0);
    valueRow->setSpacing(4);
    valueRow->addWidget(valueField, 1);
    valueRow->addWidget(m_toggle);

    m_editors = new QWidget(this);
    m_low = new NumberField(spec, m_editors);
    m_low->setObjectName(QStringLiteral("rangeLow"));
    m_high = new NumberField(spec, m_editors);
    m_high->setObjectName(QStringLiteral("rangeHigh"));
    m_low->setToolTip(tr("Low: the least %1 can plausibly be (not above the value).\n%2")
                          .arg(translatedParamLabel(spec), NumberField::rangeText(spec)));
    m_high->setToolTip(tr("High: the most %1 can plausibly be (not below the value).\n%2")
                           .arg(translatedParamLabel(spec), NumberField::rangeText(spec)));
    m_clear = new QToolButton(m_editors);
    m_clear->setObjectName(QStringLiteral("rangeClear"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove the range: %1 is one number again.")
                            .arg(translatedParamLabel(spec)));
    // Low and High one below the other: the property panel is narrow.
    auto *editorsGrid = new QGridLayout(m_editors);
    editorsGrid->setContentsMargins(12, 0, 0, 0);
    editorsGrid->setHorizontalSpacing(4);
    editorsGrid->setVerticalSpacing(2);
    auto *lowLabel = new QLabel(tr("Low"), m_editors);
    lowLabel->setBuddy(m_low);
    auto *highLabel = new QLabel(tr("High"), m_editors);
    highLabel->setBuddy(m_high);
    editorsGrid->addWidget(lowLabel, 0, 0);
    editorsGrid->addWidget(m_low, 0, 1);
    editorsGrid->addWidget(m_clear, 0, 2);
    editorsGrid->addWidget(highLabel, 1, 0);
    editorsGrid->addWidget(m_high, 1, 1);
    editorsGrid->setColumnStretch(1, 1);
    m_editors->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("rangeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(valueRow);
    layout->addWidget(m_hint); // below the value: the panel is too narrow for both in a row
    layout->addWidget(m_editors);
    layout->addWidget(m_error);

    connect(m_toggle, &QToolButton::toggled, this, &RangeField::setExpanded);
    connect(m_low, &NumberField::valueEntered, this, &RangeField::enterLow);
    connect(m_high, &NumberField::valueEntered, this, &RangeField::enterHigh);
    connect(m_low, &NumberField::refused, this, &RangeField::showRefusal);
    connect(m_high, &NumberField::refused, this, &RangeField::showRefusal);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        m_error->hide();
        if (m_range)
            emit rangeCleared();
    });
    updateLook();
}

QString RangeField::rangeText(const ParamSpec &spec, const ParamRange &range)
{
    return tr("%1–%2").arg(NumberField::digits(spec, range.low),
                           NumberField::format(spec, range.high));
}

QString RangeField::check(const ParamSpec &spec, double value, const ParamRange &range)
{
    if (range.low > value)
        return tr("Low %1 is above the value %2 (low ≤ value ≤ high); not stored.")
            .arg(NumberField::format(spec, range.low), NumberField::format(spec, value));
    if (range.high < value)
        return tr("High %1 is below the value %2 (low ≤ value ≤ high); not stored.")
            .arg(NumberField::format(spec, range.high), NumberField::format(spec, value));
    return {};
}

void RangeField::setState(double value, const std::optional<ParamRange> &range)
{
    m_value = value;
    m_range = range;
    const QSignalBlocker lowBlocker(m_low);
    const QSignalBlocker highBlocker(m_high);
    m_low->setValue(range ? range->low : value);
    m_high->setValue(range ? range->high : value);
    m_low->setCursorPosition(0); // the number, not the unit, when the field is narrow
    m_high->setCursorPosition(0);
    updateLook();
}

void RangeField::updateLook()
{
    const ParamSpec &spec = m_valueField->spec();
    m_hint->setText(hint());
    m_hint->setVisible(m_range.has_value());
    m_clear->setEnabled(m_range.has_value());
    QFont font = m_toggle->font();
    font.setBold(m_range.has_value());
    m_toggle->setFont(font);
    m_valueField->setToolTip(
        m_range ? tr("%1\nRanged: %2 (the value is the most likely).")
                      .arg(m_valueToolTip, rangeText(spec, *m_range))
                : m_valueToolTip);
}

QString RangeField::hint() const
{
    return m_range ? QStringLiteral("(%1)").arg(rangeText(m_valueField->spec(), *m_range))
                   : QString();
}

bool RangeField::isExpanded() const
{
    return m_toggle->isChecked();
}

void RangeField::setExpanded(bool expanded)
{
    if (m_toggle->isChecked() != expanded) {
        m_toggle->setChecked(expanded); // comes back here through toggled
        return;
    }
    m_editors->setVisible(expanded);
}

void RangeField::enterLow(double low)
{
    enter({low, m_range ? m_range->high : std::max(low, m_value)});
}

void RangeField::enterHigh(double high)
{
    enter({m_range ? m_range->low : std::min(high, m_value), high});
}

void RangeField::enter(const ParamRange &range)
{
    if (const QString why = check(m_valueField->spec(), m_value, range); !why.isEmpty()) {
        showRefusal(why);
        return;
    }
    m_error->hide();
    emit rangeEntered(range.low, range.high);
}

void RangeField::showResult(const QString &refusal)
{
    if (refusal.isEmpty())
        m_error->hide();
    else
        showRefusal(refusal);
}

void RangeField::showRefusal(const QString &why)
{
    m_error->setText(why);
    // A wrapped label nested in the panel's form gets one line unless told its height.
    m_error->setMinimumHeight(m_error->heightForWidth(std::max(width(), 160)));
    m_error->show();
    setState(m_value, m_range); // the fields show what is stored
}

QString RangeField::refusal() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace skyline
