#pragma once
// The range of one numeric parameter (issue 11 point 4) beside its value field: a "±" button
// opens Low and High fields (NumberFields of the same spec and unit) and a Clear button; a
// ranged value shows its range as a hint below it ("(256–1024 MB)") and a bold "±". The value is the mode of a
// triangular distribution from low to high. The field checks low ≤ value ≤ high itself and
// refuses with the reason beside it (nothing is emitted then); the owner stores what is
// emitted through the Document (one undo step) and passes the Document's answer to
// showResult(), which shows a refusal and reverts the fields to the stored range.

#include "domain/ParamSchema.h"

#include <QWidget>

#include <optional>

class QLabel;
class QToolButton;

namespace skyline {

class NumberField;

class RangeField : public QWidget
{
    Q_OBJECT
public:
    /// Lays out `valueField` (the parameter's value editor, reparented into this widget) with
    /// the "±" button and the hint in one row, the range editors below it.
    explicit RangeField(NumberField *valueField, QWidget *parent = nullptr);

    /// Shows the stored value and range (no signals); the range editors keep their open state.
    void setState(double value, const std::optional<ParamRange> &range);
    std::optional<ParamRange> range() const { return m_range; }

    /// The owner's answer to an emitted range: empty clears the refusal, else it is shown and
    /// the fields return to the stored range.
    void showResult(const QString &refusal);
    /// The refusal shown beside the range editors; empty when none is shown.
    QString refusal() const;
    /// "(256–1024 MB)" while a range is stored, empty otherwise.
    QString hint() const;
    /// Whether the Low / High editors are open.
    bool isExpanded() const;
    void setExpanded(bool expanded);

    NumberField *valueField() const { return m_valueField; }
    NumberField *lowField() const { return m_low; }
    NumberField *highField() const { return m_high; }
    QToolButton *toggleButton() const { return m_toggle; }
    QToolButton *clearButton() const { return m_clear; }

    /// "256–1024 MB": low and high of a range as the fields write them.
    static QString rangeText(const ParamSpec &spec, const ParamRange &range);
    /// Why `range` cannot stand around `value` (translated), or empty.
    static QString check(const ParamSpec &spec, double value, const ParamRange &range);

signals:
    /// The user entered a range that passed check(); the owner stores it.
    void rangeEntered(double low, double high);
    /// The user cleared the range; the owner removes it.
    void rangeCleared();

private:
    void enterLow(double low);
    void enterHigh(double high);
    void enter(const ParamRange &range);
    void showRefusal(const QString &why);
    void updateLook();

    NumberField *m_valueField = nullptr;
    NumberField *m_low = nullptr;
    NumberField *m_high = nullptr;
    QToolButton *m_toggle = nullptr;
    QToolButton *m_clear = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_editors = nullptr;
    QLabel *m_error = nullptr;
    QString m_valueToolTip; ///< the value field's own tooltip, before the range's sentence
    double m_value = 0;
    std::optional<ParamRange> m_range;
};

} // namespace skyline
