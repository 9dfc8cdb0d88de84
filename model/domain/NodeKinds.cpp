#include "domain/NodeKinds.h"

namespace skyline {

const std::array<NodeKindTraits, allNodeKinds.size()> &nodeKindTable()
{
    // kind, id, displayName, description, shortName, addText, icon, colour, deployable,
    // figures {instances, coldStarts, utilization, p99}, product parameter
    static const std::array<NodeKindTraits, allNodeKinds.size()> table = {{
        {NodeKind::Client, "client", SKYLINE_TR_NOOP("skyline::NodeKind", "Client"),
         SKYLINE_TR_NOOP("skyline::NodeKind",
                         "A source of traffic (web, mobile, partner). Its requests per second "
                         "follow the workload it is bound to."),
         SKYLINE_TR_NOOP("skyline::Document", "Client"),
         SKYLINE_TR_NOOP("skyline::Document", "Add client"),
         "client", 0x5c6bc0, false, {false, false, false, false}, ""},
        {NodeKind::Gateway, "gateway", SKYLINE_TR_NOOP("skyline::NodeKind", "API gateway"),
         SKYLINE_TR_NOOP("skyline::NodeKind",
                         "An API gateway or load balancer in front of functions or services. "
                         "Adds its latency and its price per call or per hour."),
         SKYLINE_TR_NOOP("skyline::Document", "Gateway"),
         SKYLINE_TR_NOOP("skyline::Document", "Add gateway"),
         "gateway", 0x8e24aa, false, {false, false, false, true}, "product"},
        {NodeKind::Function, "function", SKYLINE_TR_NOOP("skyline::NodeKind", "Function"),
         SKYLINE_TR_NOOP("skyline::NodeKind",
                         "A serverless function: scales per request up to a concurrency limit, "
                         "pays cold starts, and is billed per request and GB-second."),
         SKYLINE_TR_NOOP("skyline::Document", "Function"),
         SKYLINE_TR_NOOP("skyline::Document", "Add function"),
         "function", 0xef6c00, true, {true, true, false, true}, "provider"},
        {NodeKind::Service, "service", SKYLINE_TR_NOOP("skyline::NodeKind", "Service"),
         SKYLINE_TR_NOOP("skyline::NodeKind",
                         "A long-running microservice: autoscaled replicas with a number of "
                         "workers each, billed per replica hour."),
         SKYLINE_TR_NOOP("skyline::Document", "Service"),
         SKYLINE_TR_NOOP("skyline::Document", "Add service"),
         "service", 0x1e88e5, true, {true, false, true, true}, "hosting"},
        {NodeKind::Queue, "queue", SKYLINE_TR_NOOP("skyline::NodeKind", "Queue / topic"),
         SKYLINE_TR_NOOP("skyline::NodeKind",
                         "A queue, topic or event bus. Decouples callers from consumers: adds "
                         "delivery latency to the asynchronous path and buffers a backlog."),
         SKYLINE_TR_NOOP("skyline::Document", "Queue"),
         SKYLINE_TR_NOOP("skyline::Document", "Add queue"),
         "queue", 0xd81b60, false, {false, false, false, true}, "product"},
        {NodeKind::Datastore, "datastore", SKYLINE_TR_NOOP("skyline::NodeKind", "Datastore"),
         SKYLINE_TR_NOOP("skyline::NodeKind",
                         "A database or cache where state lives. Adds its latency and its price "
                         "per request or per instance hour."),
         SKYLINE_TR_NOOP("skyline::Document", "Datastore"),
         SKYLINE_TR_NOOP("skyline::Document", "Add datastore"),
         "datastore", 0x43a047, false, {false, false, false, true}, "product"},
    }};
    return table;
}

const NodeKindTraits &nodeKindTraits(NodeKind kind)
{
    for (const NodeKindTraits &row : nodeKindTable())
        if (row.kind == kind)
            return row;
    return nodeKindTable().front();
}

} // namespace skyline
