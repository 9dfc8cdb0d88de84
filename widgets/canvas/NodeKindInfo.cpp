#include "NodeKindInfo.h"

#include <QCoreApplication>

namespace skyline {

namespace {
const char *const context = "skyline::NodeKind";
}

QString nodeKindDisplayName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Client: return QCoreApplication::translate(context, "Client");
    case NodeKind::Gateway: return QCoreApplication::translate(context, "API gateway");
    case NodeKind::Function: return QCoreApplication::translate(context, "Function");
    case NodeKind::Service: return QCoreApplication::translate(context, "Service");
    case NodeKind::Queue: return QCoreApplication::translate(context, "Queue / topic");
    case NodeKind::Datastore: return QCoreApplication::translate(context, "Datastore");
    }
    return {};
}

QString nodeKindDescription(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Client:
        return QCoreApplication::translate(
            context, "A source of traffic (web, mobile, partner). Its requests per second "
                     "follow the workload it is bound to.");
    case NodeKind::Gateway:
        return QCoreApplication::translate(
            context, "An API gateway or load balancer in front of functions or services. "
                     "Adds its latency and its price per call or per hour.");
    case NodeKind::Function:
        return QCoreApplication::translate(
            context, "A serverless function: scales per request up to a concurrency limit, "
                     "pays cold starts, and is billed per request and GB-second.");
    case NodeKind::Service:
        return QCoreApplication::translate(
            context, "A long-running microservice: autoscaled replicas with a number of "
                     "workers each, billed per replica hour.");
    case NodeKind::Queue:
        return QCoreApplication::translate(
            context, "A queue, topic or event bus. Decouples callers from consumers: adds "
                     "delivery latency to the asynchronous path and buffers a backlog.");
    case NodeKind::Datastore:
        return QCoreApplication::translate(
            context, "A database or cache where state lives. Adds its latency and its price "
                     "per request or per instance hour.");
    }
    return {};
}

QColor nodeKindColor(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Client: return QColor(0x5c, 0x6b, 0xc0);
    case NodeKind::Gateway: return QColor(0x8e, 0x24, 0xaa);
    case NodeKind::Function: return QColor(0xef, 0x6c, 0x00);
    case NodeKind::Service: return QColor(0x1e, 0x88, 0xe5);
    case NodeKind::Queue: return QColor(0xd8, 0x1b, 0x60);
    case NodeKind::Datastore: return QColor(0x43, 0xa0, 0x47);
    }
    return Qt::gray;
}

QString nodeKindIconPath(NodeKind kind)
{
    return QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(toString(kind)));
}

QIcon nodeKindIcon(NodeKind kind) { return QIcon(nodeKindIconPath(kind)); }

std::optional<NodeKind> nodeKindFromMimeData(const QByteArray &data)
{
    return nodeKindFromString(data.trimmed().toStdString());
}

} // namespace skyline
