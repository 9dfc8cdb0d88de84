#pragma once
// How the model writes a number into a sentence or a table a person reads: every digit the
// value has (shortest text that reads back to the same double), never an exponent, thousands
// grouped with commas ("10,240", "3,600,000", "0.0001", "2.5"). The messages of the model and
// the CLI are English; the studio formats its own figures with the user's locale.

#include <string>

namespace skyline {

std::string numberText(double value);

} // namespace skyline
