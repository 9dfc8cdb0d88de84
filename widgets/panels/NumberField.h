#pragma once
// A line edit for one number of a parameter's range and unit (model/domain/ParamSchema is the
// one source of both). Unlike a spin box it never clamps, truncates or drops what the user
// types: "-512", "1e12" and "99999999" reach the check as typed. On Enter or focus loss the
// text is read (the locale's or a plain decimal point, scientific notation, an optional unit)
// and either emitted as valueEntered, or refused with a sentence naming the problem; a refused
// text reverts to the shown value, so nothing is ever stored silently changed.

#include "domain/ParamSchema.h"

#include <QLineEdit>

#include <optional>

namespace skyline {

class NumberField : public QLineEdit
{
    Q_OBJECT
public:
    /// `spec` gives the range, whether whole numbers are required, the unit and the label the
    /// refusals name; its help sentence starts the tooltip, followed by range and unit.
    explicit NumberField(const ParamSpec &spec, QWidget *parent = nullptr);

    const ParamSpec &spec() const { return m_spec; }
    /// Wide enough for the shown figure and the range's largest one, unit included.
    QSize minimumSizeHint() const override;
    /// The value shown (the stored one, or the last entered before the owner refreshes).
    double value() const { return m_value; }
    /// Shows `value` without emitting anything.
    void setValue(double value);

    /// The number in `text`, or nothing with the reason in `why` ("“abc” is not a number.").
    /// Accepts the current locale's format and a plain "1234.5", scientific notation and a
    /// trailing unit (English or translated).
    static std::optional<double> parse(const QString &text, const ParamSpec &spec,
                                       QString *why = nullptr);
    /// Empty when `value` is in the spec's range, else why not ("Memory must be between …").
    static QString check(const ParamSpec &spec, double value);
    /// `value` as the field shows it: locale digits without group separators, then the unit.
    static QString format(const ParamSpec &spec, double value);
    /// `value` as format() writes it, without the unit.
    static QString digits(const ParamSpec &spec, double value);
    /// Marks any editor as holding refused input (a red frame), or clears the mark.
    static void markRefused(QWidget *editor, bool refused);
    /// "Range: 128 to 10240 MB" for tooltips.
    static QString rangeText(const ParamSpec &spec);

signals:
    /// A number in range that differs from the shown one, as the user entered it.
    void valueEntered(double value);
    /// The typed text is not a number or is out of range; the field shows the old value again.
    void refused(const QString &reason);


protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void commitText();
    void stepBy(int steps);
    double stepSize() const;

    ParamSpec m_spec;
    double m_value = 0;
};

} // namespace skyline
