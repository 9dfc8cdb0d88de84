#pragma once
// The results dock: where the evaluation's charts and tables will appear (issue 4). Until then
// it says so plainly and shows no numbers.

#include <QWidget>

namespace skyline {

class ResultsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPanel(QWidget *parent = nullptr);
};

} // namespace skyline
