#pragma once
// A gateway's routes: its outgoing edges, each carrying a share of the gateway's requests
// (perRequest 0.85 = 85 % of the requests take this route). The shares add up to one.

#include "domain/Project.h"

#include <string>

namespace skyline {

/// Route shares that add up to one within this much count as complete (files round them).
inline constexpr double routeShareTolerance = 0.005;

/// The sum of the shares of the gateway's routes (0 when it has none).
double routeShareSum(const Candidate &candidate, const std::string &gatewayId);
/// The share a new route of the gateway gets: what the others leave, between 0 and 1 (1 for
/// the first route).
double leftoverRouteShare(const Candidate &candidate, const std::string &gatewayId);
/// Whether the gateway has routes and their shares do not add up to one.
bool routeSharesIncomplete(const Candidate &candidate, const std::string &gatewayId);

} // namespace skyline
