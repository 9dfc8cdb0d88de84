#include "ResultsPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace skyline {

ResultsPanel::ResultsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Evaluation results appear here: warnings, cost per node, "
                                "latency percentiles and the load sweep of every candidate."));
    label->setObjectName(QStringLiteral("placeholder"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false); // greyed: nothing to read yet
    layout->addWidget(label);
}

} // namespace skyline
