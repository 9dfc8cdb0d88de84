#pragma once
// The shipped example models and their evaluations, for the widget tests.

#include "engine/Evaluation.h"

#include <QString>

#include <memory>

namespace skyline::test {

/// resources/examples/<fileName>, read; stops the test run (qFatal) with the reason when it
/// cannot be opened or read, since every test that uses it would fail for the same reason.
Project loadExample(const QString &fileName);

/// evaluate() of the project, shared as the charts and panels take it.
std::shared_ptr<const Evaluation> evaluateShared(const Project &project,
                                                 const EvalOptions &options = {});

} // namespace skyline::test
