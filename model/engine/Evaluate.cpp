#include "engine/Evaluation.h"

namespace skyline {

const char *toString(EvalMethod method)
{
    return method == EvalMethod::Simulation ? "simulation" : "analytic";
}

const CandidateEvaluation *Evaluation::findCandidate(const std::string &candidateId) const
{
    for (const CandidateEvaluation &c : candidates)
        if (c.id == candidateId)
            return &c;
    return nullptr;
}

} // namespace skyline
