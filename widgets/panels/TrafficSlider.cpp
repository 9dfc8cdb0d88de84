#include "TrafficSlider.h"

#include "report/NumberFormat.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace skyline {

TrafficSlider::TrafficSlider(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("trafficSlider"));
    m_caption = new QLabel(this);
    auto *caption = m_caption;
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("trafficMultiplierSlider"));
    m_slider->setRange(positionOf(minimumMultiplier), positionOf(maximumMultiplier));
    m_slider->setSingleStep(5);
    m_slider->setPageStep(stepsPerDecade / 2);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(stepsPerDecade); // a tick per decade: 0.01, 0.1, 1, 10, 100
    m_slider->setMinimumWidth(160);
    m_slider->setValue(0);
    connect(m_slider, &QSlider::valueChanged, this, &TrafficSlider::onSliderMoved);

    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("trafficMultiplierLabel"));
    m_label->setMinimumWidth(QFontMetrics(m_label->font()).horizontalAdvance(
                                 multiplierText(88.8)) + 6);

    m_reset = new QToolButton(this);
    m_reset->setObjectName(QStringLiteral("trafficMultiplierReset"));
    connect(m_reset, &QToolButton::clicked, this, &TrafficSlider::reset);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(caption);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_reset);
    retranslate();
    showMultiplier();
}

void TrafficSlider::retranslate()
{
    setToolTip(tr("Traffic multiplier: scales every workload (what-if)"));
    m_caption->setText(tr("Traffic"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Back to the workloads as drawn (× 1)"));
}

void TrafficSlider::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_caption) {
        retranslate();
        showMultiplier();
    }
    QWidget::changeEvent(event);
}

QString TrafficSlider::multiplierText(double multiplier)
{
    const int decimals = multiplier >= 10 ? 1 : 2;
    return tr("× %1").arg(formatFixed(multiplier, decimals));
}

int TrafficSlider::positionOf(double multiplier)
{
    const double clamped = std::clamp(multiplier, minimumMultiplier, maximumMultiplier);
    return int(std::lround(std::log10(clamped) * stepsPerDecade));
}

double TrafficSlider::multiplierAt(int position)
{
    const double value = std::pow(10.0, double(position) / stepsPerDecade);
    return std::clamp(value, minimumMultiplier, maximumMultiplier);
}

void TrafficSlider::setMultiplier(double multiplier)
{
    if (!std::isfinite(multiplier))
        return;
    const double clamped = std::clamp(multiplier, minimumMultiplier, maximumMultiplier);
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(positionOf(clamped));
    }
    if (clamped == m_multiplier)
        return;
    m_multiplier = clamped;
    showMultiplier();
    emit multiplierChanged(m_multiplier);
}

void TrafficSlider::onSliderMoved(int position)
{
    const double multiplier = multiplierAt(position);
    if (multiplier == m_multiplier)
        return;
    m_multiplier = multiplier;
    showMultiplier();
    emit multiplierChanged(m_multiplier);
}

void TrafficSlider::showMultiplier()
{
    m_label->setText(multiplierText(m_multiplier));
    m_reset->setEnabled(m_multiplier != 1.0);
}

} // namespace skyline
