#pragma once
// The what-if traffic slider: scales every workload from × 0.01 to × 100 on
// a logarithmic scale, with the current factor as text ("× 1.00") and a reset button.

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace skyline {

class TrafficSlider : public QWidget
{
    Q_OBJECT
public:
    static constexpr double minimumMultiplier = 0.01;
    static constexpr double maximumMultiplier = 100.0;
    /// Slider steps per decade (the slider holds 100 × log10(multiplier)).
    static constexpr int stepsPerDecade = 100;

    explicit TrafficSlider(QWidget *parent = nullptr);

    double multiplier() const { return m_multiplier; }
    /// "× 1.00", "× 0.05", "× 12.6".
    static QString multiplierText(double multiplier);
    /// The slider position of a multiplier and back (clamped to the range).
    static int positionOf(double multiplier);
    static double multiplierAt(int position);

    QSlider *slider() const { return m_slider; }
    QLabel *label() const { return m_label; }
    QToolButton *resetButton() const { return m_reset; }

public slots:
    /// Sets the multiplier (clamped to × 0.01 … × 100); emits multiplierChanged when it moves.
    void setMultiplier(double multiplier);
    void reset() { setMultiplier(1.0); }

signals:
    void multiplierChanged(double multiplier);

protected:
    /// A new language (Preferences): the caption, the button and the multiplier's text.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onSliderMoved(int position);
    void showMultiplier();

    double m_multiplier = 1.0;
    QSlider *m_slider = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_label = nullptr;
    QToolButton *m_reset = nullptr;
};

} // namespace skyline
