#pragma once
// Input the way a user gives it, for the widget tests.

class QString;
class QWidget;

namespace skyline::test {

/// Focuses a spin box or line edit, replaces its text by typing `text`, and presses Enter.
void typeAndEnter(QWidget *editor, const QString &text);

} // namespace skyline::test
