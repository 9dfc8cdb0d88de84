// skyline-cli render and report (app/cli/render) at a traffic: with --multiplier X every chart
// and the decision record show the figures the studio shows at that Traffic slider position,
// and `evaluate --multiplier X` prints. Run in-process, offscreen; bad values of --multiplier
// exit 2 with the option named and write nothing.
#include "Cli.h"
#include "RenderCommands.h"
#include "support/CliRun.h"

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"
#include "report/NumberFormat.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <string>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;
using skyline::test::shown;

std::string checkout()
{
    return std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/checkout.skyline";
}

/// The engine's monthly cost of candidate `id` of the example at `multiplier`: the oracle.
double engineCost(const std::string &id, double multiplier)
{
    const auto read = skyline::readProject(skyline::test::readWholeFile(checkout()));
    skyline::EvalOptions options;
    options.candidateId = id;
    options.trafficMultiplier = multiplier;
    const skyline::Evaluation evaluation = skyline::evaluate(*read.value, options);
    return evaluation.candidates.at(0).monthlyCostUsd;
}

/// The <title> an exported chart's SVG carries: the title the chart draws.
QString svgTitle(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString svg = QString::fromUtf8(file.readAll());
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("<title>([^<]*)</title>")).match(svg);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

std::vector<std::string> argv(const QStringList &args)
{
    std::vector<std::string> out;
    for (const QString &a : args)
        out.push_back(a.toStdString());
    return out;
}

} // namespace

class TestRenderCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { skyline::cli::registerRenderCommands(); }

    void costChartIsTheEvaluationAtTheMultiplier_data()
    {
        QTest::addColumn<QString>("multiplier");
        QTest::newRow("x1") << "1";
        QTest::newRow("x2") << "2";
        QTest::newRow("x0.5") << "0.5";
    }
    void costChartIsTheEvaluationAtTheMultiplier()
    {
        QFETCH(QString, multiplier);
        QTemporaryDir dir;
        const CliResult r = runCli({"render", checkout(), "--out", dir.path().toStdString(),
                                    "--candidate", "c1", "--multiplier",
                                    multiplier.toStdString(), "--width", "400", "--height",
                                    "200"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const QString title = svgTitle(dir.filePath(QStringLiteral("c1-cost.svg")));
        const QString total = skyline::formatUsd(engineCost("c1", multiplier.toDouble()));
        // "Cost per month — All serverless: total $506 (analytic)"
        QVERIFY2((title + QLatin1Char(' ')).contains(QStringLiteral(": total ") + total
                                                     + QLatin1Char(' ')),
                 qPrintable(title + QStringLiteral(" lacks ") + total));
    }

    void costChartFollowsTheMultiplier()
    {
        QTemporaryDir dir;
        QStringList titles;
        for (const char *multiplier : {"1", "2"}) {
            const QString out = dir.filePath(QString::fromLatin1(multiplier));
            const CliResult r = runCli({"render", checkout(), "--out", out.toStdString(),
                                        "--candidate", "c1", "--multiplier", multiplier,
                                        "--width", "400", "--height", "200"});
            QVERIFY2(r.exitCode == 0, shown(r).constData());
            titles << svgTitle(QDir(out).filePath(QStringLiteral("c1-cost.svg")));
        }
        QVERIFY(!titles.at(0).isEmpty());
        QVERIFY2(titles.at(0) != titles.at(1), qPrintable(titles.join(QStringLiteral(" | "))));
    }

    void sweepChartMarksTheMultiplier()
    {
        // The cost-versus-traffic chart draws the traffic of the other charts as a line, as
        // in the studio.
        QTemporaryDir dir;
        const CliResult r = runCli({"render", checkout(), "--out", dir.path().toStdString(),
                                    "--multiplier", "2", "--width", "400", "--height", "200"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const QString svg = readText(dir.filePath(QStringLiteral("sweep.svg")));
        QVERIFY(!svg.isEmpty());
        QVERIFY2(svg.contains(QStringLiteral("what-if ×2<")), "no what-if ×2 line");
        QVERIFY(!svg.contains(QStringLiteral("what-if ×1<")));
    }

    void reportIsTheEvaluationAtTheMultiplier()
    {
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("x2.html"));
        const CliResult r = runCli({"report", checkout(), "--out", html.toStdString(),
                                    "--multiplier", "2", "--no-charts", "--no-sweep"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const QString text = readText(html);
        for (const char *id : {"c1", "c2", "c3"}) {
            const QString atTwo = skyline::formatUsd(engineCost(id, 2));
            const QString atOne = skyline::formatUsd(engineCost(id, 1));
            QVERIFY2(text.contains(atTwo), qPrintable(QString::fromLatin1(id) + " " + atTwo));
            QVERIFY2(!text.contains(atOne), qPrintable(QString::fromLatin1(id) + " " + atOne));
        }
        QVERIFY(text.contains(QStringLiteral("Traffic multiplier</td><td>×2<")));
        // Said before any figure, in the header.
        const qsizetype said = text.indexOf(QStringLiteral("Figures at traffic ×2 (what-if)"));
        QVERIFY(said > 0);
        QVERIFY(said < text.indexOf(QStringLiteral("id=\"comparison\"")));
    }

    void reportAtTheWorkloadsSaysNoTraffic()
    {
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("x1.html"));
        const CliResult r = runCli({"report", checkout(), "--out", html.toStdString(),
                                    "--no-charts", "--no-sweep"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const QString text = readText(html);
        QVERIFY(text.contains(skyline::formatUsd(engineCost("c1", 1))));
        QVERIFY(!text.contains(QStringLiteral("Figures at traffic")));
    }

    void badMultiplierWritesNothing_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("value");
        for (const char *command : {"render", "report"})
            for (const char *value : {"-1", "abc", "1e9", ""})
                QTest::addRow("%s '%s'", command, value) << command << value;
    }
    void badMultiplierWritesNothing()
    {
        QFETCH(QString, command);
        QFETCH(QString, value);
        QTemporaryDir dir;
        const QString out = dir.filePath(command == QLatin1String("render")
                                             ? QStringLiteral("images")
                                             : QStringLiteral("record.html"));
        const CliResult r = runCli(
            argv({command, QString::fromStdString(checkout()), QStringLiteral("--out"), out,
                  QStringLiteral("--multiplier"), value}));
        QVERIFY2(r.exitCode == 2, shown(r).constData());
        QVERIFY2(r.out.empty(), shown(r).constData());
        const std::string message =
            "--multiplier: '" + value.toStdString() + "' must be a number between 0 and 1000000";
        QVERIFY2(r.err.find(message) != std::string::npos, shown(r).constData());
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_MAIN(TestRenderCommands)
#include "tst_rendercommands.moc"
