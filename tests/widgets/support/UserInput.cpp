#include "UserInput.h"

#include <QAbstractSpinBox>
#include <QLineEdit>
#include <QTest>

namespace skyline::test {

void typeAndEnter(QWidget *editor, const QString &text)
{
    editor->setFocus();
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(editor))
        spin->selectAll();
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

} // namespace skyline::test
