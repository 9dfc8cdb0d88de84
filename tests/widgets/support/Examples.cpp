#include "Examples.h"

#include "io/ProjectJson.h"

#include <QFile>

namespace skyline::test {

Project loadExample(const QString &fileName)
{
    QFile file(QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open example %s", qPrintable(fileName));
    const ReadResult<Project> read = readProject(file.readAll().toStdString());
    if (!read.ok())
        qFatal("example %s does not read: %s", qPrintable(fileName),
               describe(read.problems.front()).c_str());
    return *read.value;
}

Project rangedCheckout()
{
    Project project = loadExample(QStringLiteral("checkout.skyline"));
    project.workloads.front().ranges["peakRps"] = ParamRange{6, 2000};
    project.workloads.back().ranges["spikeRps"] = ParamRange{10, 3000};
    return project;
}

std::shared_ptr<const Evaluation> evaluateShared(const Project &project,
                                                 const EvalOptions &options)
{
    return std::make_shared<const Evaluation>(evaluate(project, options));
}

} // namespace skyline::test
