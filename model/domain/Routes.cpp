#include "domain/Routes.h"

#include <algorithm>
#include <cmath>

namespace skyline {

double routeShareSum(const Candidate &candidate, const std::string &gatewayId)
{
    double sum = 0;
    for (const Edge &e : candidate.edges)
        if (e.from == gatewayId)
            sum += e.perRequest;
    return sum;
}

double leftoverRouteShare(const Candidate &candidate, const std::string &gatewayId)
{
    return std::clamp(1.0 - routeShareSum(candidate, gatewayId), 0.0, 1.0);
}

bool routeSharesIncomplete(const Candidate &candidate, const std::string &gatewayId)
{
    bool hasRoutes = false;
    for (const Edge &e : candidate.edges)
        hasRoutes = hasRoutes || e.from == gatewayId;
    return hasRoutes && std::fabs(routeShareSum(candidate, gatewayId) - 1.0) > routeShareTolerance;
}

} // namespace skyline
