#include "NodeKindInfo.h"

#include "domain/NodeKinds.h"

#include <QCoreApplication>

namespace skyline {

QString nodeKindDisplayName(NodeKind kind)
{
    return QCoreApplication::translate(nodeKindTrContext, nodeKindTraits(kind).displayName);
}

QString nodeKindDescription(NodeKind kind)
{
    return QCoreApplication::translate(nodeKindTrContext, nodeKindTraits(kind).description);
}

QColor nodeKindColor(NodeKind kind)
{
    return QColor(QRgb(nodeKindTraits(kind).colorRgb));
}

QString nodeKindIconPath(NodeKind kind)
{
    const QString name = QString::fromLatin1(nodeKindTraits(kind).iconName);
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

QIcon nodeKindIcon(NodeKind kind) { return QIcon(nodeKindIconPath(kind)); }

std::optional<NodeKind> nodeKindFromMimeData(const QByteArray &data)
{
    return nodeKindFromString(data.trimmed().toStdString());
}

} // namespace skyline
