#include "RenderCommands.h"

#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include "Document.h"
#include "canvas/CanvasScene.h"
#include "charts/ChartCatalog.h"
#include "report/ImageExport.h"
#include "report/ReportWriter.h"
#include "report/ResultImages.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTranslator>

#include <cmath>
#include <memory>
#include <ostream>

namespace skyline::cli {

namespace {

/// The application the drawing commands need; reuses one that already exists (tests).
class GuiApplication
{
public:
    GuiApplication()
    {
        if (QCoreApplication::instance())
            return;
        // Rendering needs no screen: offscreen works with or without a display, and does not
        // fail when DISPLAY names an X server that is gone.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        m_app = std::make_unique<QApplication>(s_argc, s_argv);
        QCoreApplication::setApplicationName(QStringLiteral("skyline-cli"));
        // English's plural forms, as the studio installs them ("3 candidates" for the
        // source's "%n candidate(s)"): the CLI writes the studio's English.
        if (m_plurals.load(QStringLiteral(":/i18n/skyline_en.qm")))
            QCoreApplication::installTranslator(&m_plurals);
    }

private:
    static inline int s_argc = 1;
    static inline char s_name[] = "skyline-cli";
    static inline char *s_argv[] = {s_name, nullptr};
    std::unique_ptr<QApplication> m_app;
    QTranslator m_plurals;
};


std::string readPixels(const ParsedArgs &parsed, const char *name, int &target)
{
    auto it = parsed.options.find(name);
    if (it == parsed.options.end())
        return {};
    const auto value = parseNumber(it->second);
    if (!value || std::floor(*value) != *value || *value < 100 || *value > 8000)
        return std::string(name) + ": '" + it->second + "' must be a whole number of pixels "
            "from 100 to 8000";
    target = int(*value);
    return {};
}

struct Writer
{
    QDir dir;
    std::ostream &out;
    std::ostream &err;
    int failures = 0;

    void report(const QString &name, bool ok)
    {
        const QString path = dir.filePath(name);
        if (ok) {
            out << path.toStdString() << '\n';
        } else {
            err << "skyline-cli render: cannot write " << path.toStdString() << '\n';
            ++failures;
        }
    }
};

} // namespace

void registerRenderCommands()
{
    registerCommand("render", runRender);
    registerCommand("report", runReport);
}

int runRender(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed =
        parseArgs(args, {"--out", "--candidate", "--multiplier", "--method", "--seed", "--width",
                         "--height"});
    if (!parsed.error.empty() || parsed.positional.size() != 1
        || !parsed.options.count("--out")) {
        err << usageLine("render")
            << (!parsed.error.empty()             ? parsed.error
                : parsed.positional.size() != 1 ? std::string("expected exactly one FILE")
                                                 : std::string("--out DIR is required"))
            << '\n';
        return exitUsage;
    }
    EvalOptions options;
    int widthPx = 900;
    int heightPx = 450;
    for (const std::string &problem :
         {readTrafficMultiplier(parsed, options.trafficMultiplier),
          readMethodAndSeed(parsed, options), readPixels(parsed, "--width", widthPx),
          readPixels(parsed, "--height", heightPx)}) {
        if (!problem.empty()) {
            err << "skyline-cli render: " << problem << '\n';
            return exitUsage;
        }
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    if (auto it = parsed.options.find("--candidate"); it != parsed.options.end()) {
        if (!project->findCandidate(it->second)) {
            err << "skyline-cli render: --candidate: no candidate with id '" << it->second
                << "'\n";
            return exitUsage;
        }
        options.candidateId = it->second;
    }
    const QString outDir = QString::fromStdString(parsed.options.at("--out"));
    if (!QDir().mkpath(outDir) || !QFileInfo(outDir).isDir()) {
        err << "skyline-cli render: --out: cannot create the directory '" << outDir.toStdString()
            << "'\n";
        return exitUsage;
    }

    GuiApplication app;
    const auto shared = std::make_shared<const Project>(*project);
    EvalOptions evalOptions = options;
    evalOptions.computeSeries = true;
    const auto evaluation = std::make_shared<const Evaluation>(evaluate(*shared, evalOptions));
    // The tornado's figures (analytic, like the studio's), for the candidates drawn.
    SensitivityOptions sensitivityOptions;
    sensitivityOptions.candidateId = options.candidateId;
    sensitivityOptions.trafficMultiplier = options.trafficMultiplier;
    const auto sensitivity =
        std::make_shared<const SensitivityResult>(analyzeSensitivity(*shared, sensitivityOptions));
    Document document;
    document.resetProject(*project);
    Writer writer{QDir(outDir), out, err};
    const QSize chartSize(widthPx, heightPx);
    const std::map<std::string, QString> stems = candidateFileStems(*project);

    for (const CandidateEvaluation &candidate : evaluation->candidates) {
        const QString stem = stems.at(candidate.id);
        const QString title = QString::fromStdString(candidate.name);
        const auto scene =
            makeCandidateScene(&document, QString::fromStdString(candidate.id), &candidate);
        const QSize canvasSize = fittedSceneSize(scene.get(), 2 * widthPx, 2 * heightPx, 2.0);
        writer.report(stem + QStringLiteral("-canvas.png"),
                      exportScenePng(scene.get(), writer.dir.filePath(stem + "-canvas.png"),
                                     canvasSize));
        writer.report(stem + QStringLiteral("-canvas.svg"),
                      exportSceneSvg(scene.get(), writer.dir.filePath(stem + "-canvas.svg"),
                                     title));
        for (const CandidateChart &chart :
             makeCandidateCharts(evaluation, shared, QString::fromStdString(candidate.id),
                                 chartSize, sensitivity)) {
            const QString base = stem + QLatin1Char('-') + chart.key;
            writer.report(base + ".png", exportPlotPng(chart.chart.get(),
                                                       writer.dir.filePath(base + ".png"),
                                                       chartSize));
            writer.report(base + ".svg", exportPlotSvg(chart.chart.get(),
                                                       writer.dir.filePath(base + ".svg"),
                                                       chartSize, chart.title));
        }
    }
    if (options.candidateId.empty() && !project->candidates.empty()) {
        EvalOptions sweepOptions = options;
        sweepOptions.method = EvalMethod::Analytic;
        const LoadSweep loadSweep = sweep(*project, sweepMultipliers(), sweepOptions);
        const auto chart = makeSweepChart(loadSweep, chartSize);
        chart->setTrafficMultiplier(options.trafficMultiplier); // the other charts' traffic
        const ChartInfo &info = chartInfo("sweep");
        const QString base = QString::fromLatin1(info.key);
        writer.report(base + ".png",
                      exportPlotPng(chart.get(), writer.dir.filePath(base + ".png"), chartSize));
        writer.report(base + ".svg", exportPlotSvg(chart.get(), writer.dir.filePath(base + ".svg"),
                                                   chartSize, info.translatedTitle()));
    }
    return writer.failures == 0 ? exitOk : exitUsage;
}

int runReport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed =
        parseArgs(args, {"--out", "--multiplier", "--method", "--seed"},
                  {"--no-charts", "--no-sweep"});
    if (!parsed.error.empty() || parsed.positional.size() != 1
        || !parsed.options.count("--out")) {
        err << usageLine("report")
            << (!parsed.error.empty()             ? parsed.error
                : parsed.positional.size() != 1 ? std::string("expected exactly one FILE")
                                                 : std::string("--out FILE.html is required"))
            << '\n';
        return exitUsage;
    }
    ReportOptions options;
    for (const std::string &problem :
         {readTrafficMultiplier(parsed, options.evaluation.trafficMultiplier),
          readMethodAndSeed(parsed, options.evaluation)}) {
        if (!problem.empty()) {
            err << "skyline-cli report: " << problem << '\n';
            return exitUsage;
        }
    }
    for (const std::string &flag : parsed.flags) {
        if (flag == "--no-charts")
            options.includeCharts = false;
        if (flag == "--no-sweep")
            options.includeSweep = false;
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    const QString outPath = QString::fromStdString(parsed.options.at("--out"));
    const QFileInfo outInfo(outPath);
    if (outInfo.isDir() || !outInfo.absoluteDir().exists()) {
        err << "skyline-cli report: --out: '" << outPath.toStdString()
            << "' is not a file in an existing directory\n";
        return exitUsage;
    }

    GuiApplication app;
    ReportWriter writer(*project, options);
    QString error;
    if (!writer.write(outPath, &error)) {
        err << "skyline-cli report: cannot write '" << outPath.toStdString()
            << "': " << error.toStdString() << '\n';
        return exitUsage;
    }
    out << outPath.toStdString() << '\n';
    return exitOk;
}

} // namespace skyline::cli
