#pragma once
// The shipped example models and their evaluations, for the widget tests.

#include "engine/Evaluation.h"

#include <QString>

#include <memory>

namespace skyline::test {

/// resources/examples/<fileName>, read; stops the test run (qFatal) with the reason when it
/// cannot be opened or read, since every test that uses it would fail for the same reason.
Project loadExample(const QString &fileName);

/// The checkout example with ranges on both workloads' peaks (everyday shoppers 6–2,000
/// req/s, the flash sale 10–3,000 req/s): wide enough that, at one end, another candidate
/// becomes the cheapest (the tornado's flips, the comparison's "cheapest in %").
Project rangedCheckout();

/// evaluate() of the project, shared as the charts and panels take it.
std::shared_ptr<const Evaluation> evaluateShared(const Project &project,
                                                 const EvalOptions &options = {});

} // namespace skyline::test
