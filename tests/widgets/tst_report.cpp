// Sharing results: the HTML decision record (every candidate, the comparison table, warnings,
// catalog sources, escaped user text, images that decode), image exports of the canvas and the
// charts (PNG size and content, SVG as XML, PDF), the comparison table's best marks, and
// skyline-cli render/report as a user runs them. Runs offscreen.

#include "charts/ChartCatalog.h"
#include "report/Comparison.h"
#include "report/DiagnosticText.h"
#include "report/ImageExport.h"
#include "report/ReportWriter.h"
#include "report/ResultImages.h"

#include "Document.h"
#include "canvas/CanvasScene.h"
#include "charts/CostChart.h"
#include "io/ProjectJson.h"
#include "pricing/Catalog.h"
#include "support/Examples.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

using namespace skyline;
using skyline::test::evaluateShared;
using skyline::test::loadExample;

namespace {

QString sourceDir()
{
    return QStringLiteral(SKYLINE_SOURCE_DIR);
}


/// Whether an image has content: several colours and some pixels that are not white.
bool isNotBlank(const QImage &image)
{
    if (image.isNull())
        return false;
    QSet<QRgb> colours;
    qint64 inked = 0;
    const int step = std::max(1, std::min(image.width(), image.height()) / 200);
    qint64 sampled = 0;
    for (int y = 0; y < image.height(); y += step)
        for (int x = 0; x < image.width(); x += step) {
            const QRgb pixel = image.pixel(x, y);
            colours.insert(pixel);
            ++sampled;
            if (qGray(pixel) < 200)
                ++inked;
        }
    return colours.size() > 4 && inked > sampled / 500;
}

QStringList dataUris(const QString &html)
{
    static const QRegularExpression pattern(
        QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
    QStringList uris;
    for (auto it = pattern.globalMatch(html); it.hasNext();)
        uris << it.next().captured(1);
    return uris;
}

bool isXml(const QByteArray &bytes, QString *root = nullptr)
{
    QXmlStreamReader reader(bytes);
    bool first = true;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && first) {
            first = false;
            if (root)
                *root = reader.name().toString();
        }
    }
    return !reader.hasError() && !first;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Two candidates on one workload: a function (cheap at low traffic) and a fixed replica.
Project twoCandidates()
{
    const std::string text =
        R"({"format":"skyline","version":1,"name":"Pair","description":"",)"
        R"("workloads":[{"id":"w1","name":"Flat","shape":"constant","rps":2}],)"
        R"("candidates":[)"
        R"({"id":"c1","name":"Function","nodes":[)"
        R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
        R"({"id":"n2","kind":"function","name":"Fn","pos":[220,0],"params":{"memoryMb":512}}],)"
        R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]},)"
        R"({"id":"c2","name":"Service","nodes":[)"
        R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
        R"({"id":"n2","kind":"service","name":"Svc","pos":[220,0],)"
        R"("params":{"hosting":"aws-fargate","vcpu":1,"memoryGb":2,"minReplicas":2,"maxReplicas":4}}],)"
        R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]}]})";
    auto result = readProject(text);
    if (!result.ok())
        qFatal("test project does not load: %s", describe(result.problems.front()).c_str());
    return *result.value;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void reportNamesEveryCandidateAndFigure_data();
    void reportNamesEveryCandidateAndFigure();
    void reportListsWarningsWithCodesAndNodes_data();
    void reportListsWarningsWithCodesAndNodes();
    void reportCitesTheCatalogPricesItUsed_data();
    void reportCitesTheCatalogPricesItUsed();
    void reportImagesAreValidPngs_data();
    void reportImagesAreValidPngs();
    void userTextIsEscaped();
    void reportStatesAndUsesTheFiguresOnScreen();
    void reportProseIsTranslatable();

    void scenePngHasTheRequestedSizeAndContent();
    void sceneSvgAndPdf();
    void chartExports();
    void emptySceneStillExports();
    void nodesCsv();
    void nodesCsvNeutralisesFormulas();
    void candidateStemsAreUnique_data();
    void candidateStemsAreUnique();
    void cliRenderAndReportKeepCandidatesApart();
    void cliWritesEnglishPlurals();

    void comparisonMarksTheCheaperCandidate();
    void comparisonBestOf_data();
    void comparisonBestOf();
    void comparisonOfACandidateWithACycle();
    void comparisonShowsTheSimulationsPlusMinus();

    void cliRenderWritesEveryImage();
    void cliReportWritesTheRecord();
    void breakEvenReadsTheSameInChartAndTable();
    void cliBadInputExitsTwo_data();
    void cliBadInputExitsTwo();

private:
    QString cliPath() const;
    int runCli(const QStringList &args, QByteArray *err = nullptr) const;

    std::map<QString, QString> m_html;      ///< example file -> report
    std::map<QString, Evaluation> m_eval;   ///< example file -> what the report showed
    QTemporaryDir m_dir;
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : {QStringLiteral("checkout.skyline"), QStringLiteral("thumbnails.skyline"),
                               QStringLiteral("iot-telemetry.skyline")}) {
        QElapsedTimer timer;
        timer.start();
        ReportWriter writer(loadExample(name));
        m_html[name] = writer.html();
        m_eval[name] = *writer.evaluation();
        qInfo("report of %s: %lld ms, %lld KB", qPrintable(name), timer.elapsed(),
              qint64(m_html[name].toUtf8().size() / 1024));
    }
}

namespace {
/// A catalogue that marks every text of the report's context: shows what goes through tr().
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QLatin1String(context) != QLatin1String("skyline::ReportWriter"))
            return {};
        return QStringLiteral("DE[") + QString::fromUtf8(source) + QLatin1Char(']');
    }
    bool isEmpty() const override { return false; }
};
} // namespace

void TestReport::reportProseIsTranslatable()
{
    // A German studio writes a German report: the prose, headings and table heads are
    // translated in context "skyline::ReportWriter" (issue 10 point 12).
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    ReportOptions options;
    options.includeCharts = false;
    const QString html = ReportWriter(loadExample(QStringLiteral("thumbnails.skyline")), options).html();
    QCoreApplication::removeTranslator(&translator);
    for (const char *text : {"<h2>DE[Comparison]</h2>", "<h2>DE[Cost versus load]</h2>",
                             "<h2>DE[Warnings]</h2>", "<h2>DE[Assumptions]</h2>",
                             "<th>DE[Figure]</th>", "<th>DE[Break-even between]</th>",
                             "<h3>DE[Cost lines]</h3>", "DE[Decision record: ",
                             "DE[Monthly cost <strong>", "<html lang=\"DE[en]\""})
        QVERIFY2(html.contains(QString::fromUtf8(text)), text);
    // No English heading is left over.
    for (const char *english : {"<h2>Comparison</h2>", "<h3>Cost lines</h3>", "<footer>Generated by"})
        QVERIFY2(!html.contains(QString::fromUtf8(english)), english);
}

void TestReport::reportNamesEveryCandidateAndFigure_data()
{
    QTest::addColumn<QString>("example");
    for (const auto &[name, html] : m_html)
        QTest::newRow(qPrintable(name)) << name;
}

void TestReport::reportNamesEveryCandidateAndFigure()
{
    QFETCH(QString, example);
    const QString &html = m_html.at(example);
    const Project project = loadExample(example);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    QCOMPARE(html.count(QStringLiteral("<body")), 1);
    QVERIFY(html.contains(QStringLiteral("<h1>") + htmlEscape(project.name) + QStringLiteral("</h1>")));
    // The description is there, in paragraphs.
    QVERIFY(html.contains(htmlEscape(project.description.substr(0, 60))));

    // The comparison table: a column per candidate, every headline row.
    const qsizetype tableStart = html.indexOf(QStringLiteral("<table class=\"comparison\">"));
    QVERIFY(tableStart >= 0);
    const QString table = html.mid(tableStart, html.indexOf(QStringLiteral("</table>"), tableStart) - tableStart);
    for (const Candidate &c : project.candidates) {
        QVERIFY2(table.contains(QStringLiteral("<th>") + htmlEscape(c.name) + QStringLiteral("</th>")),
                 c.name.c_str());
        QVERIFY2(html.contains(QStringLiteral("<h2>") + htmlEscape(c.name) + QStringLiteral("</h2>")),
                 c.name.c_str());
    }
    for (const char *key : {"monthlyCostUsd", "costPerMillionUsd", "p99PeakMs", "coldStartShare",
                            "peakInstances", "complexityScore", "worstBlastRadius", "availability",
                            "warningCount"})
        QVERIFY2(table.contains(QStringLiteral("data-key=\"%1\"").arg(QLatin1String(key))), key);
    // The cheapest candidate's cost is marked best, in the report as in the evaluation.
    const Evaluation &evaluation = m_eval.at(example);
    const CandidateEvaluation *cheapest = nullptr;
    for (const CandidateEvaluation &c : evaluation.candidates)
        if (!cheapest || c.monthlyCostUsd < cheapest->monthlyCostUsd)
            cheapest = &c;
    QVERIFY(table.contains(QStringLiteral("<td class=\"num best\">")
                           + htmlEscape(formatUsd(cheapest->monthlyCostUsd))));
    QVERIFY(table.contains(QStringLiteral("★")));
    // Each candidate's cost total, and the assumptions.
    for (const CandidateEvaluation &c : evaluation.candidates)
        QVERIFY(html.contains(htmlEscape(formatUsd(c.monthlyCostUsd))));
    for (const Workload &w : project.workloads)
        QVERIFY2(html.contains(htmlEscape(w.name)), w.name.c_str());
    QVERIFY(html.contains(QStringLiteral("id=\"assumptions\"")));
    QVERIFY(html.contains(htmlEscape(evaluation.engineVersion)));
    QVERIFY(html.contains(QStringLiteral("<td>Seed</td><td>1</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>Hours per month</td><td>730</td>")));
    // Every evaluated candidate has its tornado of what drives the cost, and the caption says
    // what the bars are.
    int evaluated = 0;
    for (const CandidateEvaluation &c : evaluation.candidates)
        evaluated += c.errors.empty() ? 1 : 0;
    QCOMPARE(html.count(QStringLiteral("<figure data-chart=\"tornado\">")), evaluated);
    QVERIFY(html.contains(QStringLiteral("<figcaption>What drives the cost: each bar moves one "
                                         "parameter from its low to its high")));
    // The sweep section says where the curves cross (or that they do not).
    QVERIFY(html.contains(QStringLiteral("id=\"sweep\"")));
    QVERIFY(html.contains(QStringLiteral("class=\"break-even\"")));
    // Self-contained: nothing is fetched from elsewhere.
    QVERIFY(!html.contains(QStringLiteral("src=\"http")));
    QVERIFY(!html.contains(QStringLiteral("<link")));
}

void TestReport::reportListsWarningsWithCodesAndNodes_data()
{
    reportNamesEveryCandidateAndFigure_data();
}

void TestReport::reportListsWarningsWithCodesAndNodes()
{
    QFETCH(QString, example);
    const QString &html = m_html.at(example);
    const Evaluation &evaluation = m_eval.at(example);
    const Project project = loadExample(example);
    int warnings = 0;
    for (const CandidateEvaluation &c : evaluation.candidates) {
        for (const Warning &w : c.warnings) {
            ++warnings;
            QVERIFY2(html.contains(QStringLiteral("<code class=\"warning-code\">")
                                   + htmlEscape(w.code) + QStringLiteral("</code>")),
                     w.code.c_str());
            // In the studio's language (the English template here, no catalogue installed).
            QVERIFY2(html.contains(htmlEscape(diagnosticText(w))), w.message.c_str());
            const Node *node = project.findCandidate(c.id)->findNode(w.node);
            // The node by its name, not its id (issue 10 point 6).
            if (node)
                QVERIFY(html.contains(QStringLiteral("<td>") + htmlEscape(node->name)
                                      + QStringLiteral("</td>")));
            QVERIFY(!html.contains(QStringLiteral(" <code>") + htmlEscape(w.node)
                                   + QStringLiteral("</code>")));
        }
    }
    if (warnings == 0)
        QVERIFY(html.contains(QStringLiteral("No candidate raises a warning.")));
    else
        QVERIFY(html.contains(QStringLiteral("<table class=\"warnings\">")));
}

void TestReport::reportCitesTheCatalogPricesItUsed_data()
{
    reportNamesEveryCandidateAndFigure_data();
}

void TestReport::reportCitesTheCatalogPricesItUsed()
{
    QFETCH(QString, example);
    const QString &html = m_html.at(example);
    const Project project = loadExample(example);
    const Catalog *catalog = builtInCatalog(project.pricing.catalog);
    QVERIFY(catalog);
    int cited = 0;
    for (const CandidateEvaluation &c : m_eval.at(example).candidates)
        for (const CostLine &line : c.cost) {
            const CatalogEntry *entry = catalog->find(line.catalogKey);
            if (!entry)
                continue;
            ++cited;
            QVERIFY2(html.contains(QStringLiteral("<code>") + htmlEscape(line.catalogKey)),
                     line.catalogKey.c_str());
            QVERIFY2(html.contains(htmlEscape(entry->sourceUrl)), entry->sourceUrl.c_str());
            QVERIFY2(html.contains(htmlEscape(entry->date)), entry->date.c_str());
        }
    QVERIFY2(cited > 0, "the examples' cost lines come from the catalog");
    for (const auto &[key, value] : project.pricing.overrides)
        QVERIFY2(html.contains(QStringLiteral("<code>") + htmlEscape(key) + QStringLiteral("</code> = ")),
                 key.c_str());
}

void TestReport::reportImagesAreValidPngs_data()
{
    reportNamesEveryCandidateAndFigure_data();
}

void TestReport::reportImagesAreValidPngs()
{
    QFETCH(QString, example);
    const QString &html = m_html.at(example);
    const Project project = loadExample(example);
    const QStringList uris = dataUris(html);
    // A diagram per candidate, its charts, and the sweep.
    QVERIFY2(uris.size() >= int(project.candidates.size()) * 4 + 1,
             qPrintable(QString::number(uris.size())));
    QCOMPARE(uris.size(), int(html.count(QStringLiteral("<img "))));
    for (const QString &base64 : uris) {
        const QByteArray bytes = QByteArray::fromBase64(base64.toLatin1());
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QVERIFY(image.width() >= 100 && image.height() >= 50);
        QVERIFY(isNotBlank(image));
    }
}

void TestReport::reportStatesAndUsesTheFiguresOnScreen()
{
    // Issue 10 point 11: the studio shows simulated figures once refined; its report must show
    // those, not analytic ones of its own, and say which method made every figure.
    const Project project = twoCandidates();
    ReportOptions analyticOptions;
    analyticOptions.includeCharts = false;
    analyticOptions.includeSweep = false;
    ReportWriter analytic(project, analyticOptions);
    const QString analyticHtml = analytic.html();
    QVERIFY(analyticHtml.contains(QStringLiteral("figures analytic")));
    QVERIFY(!analyticHtml.contains(QStringLiteral("simulated (seed")));

    EvalOptions simulation;
    simulation.method = EvalMethod::Simulation;
    simulation.seed = 7;
    auto onScreen = std::make_shared<Evaluation>(evaluate(project, simulation));
    onScreen->candidates[0].monthlyCostUsd = 4242.0; // a figure only the given result has
    ReportOptions options = analyticOptions;
    options.figures = onScreen;
    ReportWriter writer(project, options);
    const QString html = writer.html();
    QVERIFY(writer.evaluation() == onScreen);
    QVERIFY(html.contains(htmlEscape(formatUsd(4242.0))));
    // Said in the header, beside the comparison and with each candidate's figures.
    QVERIFY2(html.count(QStringLiteral("simulated (seed 7)")) >= 2 + int(project.candidates.size()),
             qPrintable(QString::number(html.count(QStringLiteral("simulated (seed 7)")))));
}

void TestReport::userTextIsEscaped()
{
    Project project = twoCandidates();
    project.name = "<script>alert('name')</script>";
    project.description = "Costs & <img src=x onerror=alert(1)> \"quoted\"";
    project.candidates[0].name = "\"><script>alert(2)</script>";
    project.candidates[0].nodes[1].name = "<b>bold</b>";
    project.workloads[0].name = "Flat & <i>steady</i>";
    ReportOptions options;
    options.includeCharts = false; // text only: fast
    ReportWriter writer(project, options);
    const QString html = writer.html();
    QCOMPARE(html.count(QStringLiteral("<script")), 1); // only the report's own image check
    QVERIFY(!html.contains(QStringLiteral("<img src=x")));
    QVERIFY(!html.contains(QStringLiteral("<b>bold")));
    QVERIFY(!html.contains(QStringLiteral("<i>steady")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("Costs &amp; &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;")));
    QVERIFY(html.contains(QStringLiteral("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")));
    QVERIFY(html.contains(QStringLiteral("Flat &amp; &lt;i&gt;steady&lt;/i&gt;")));
    // The diagrams are still there without charts.
    QCOMPARE(dataUris(html).size(), 2);
    QCOMPARE(htmlEscape(QStringLiteral("a<b>&\"'")), QStringLiteral("a&lt;b&gt;&amp;&quot;&#39;"));
}

void TestReport::scenePngHasTheRequestedSizeAndContent()
{
    Document document;
    document.resetProject(loadExample(QStringLiteral("checkout.skyline")));
    const auto scene = makeCandidateScene(&document, QStringLiteral("c1"), nullptr);
    QVERIFY(scene->nodeItemCount() > 3);
    const QString path = m_dir.filePath(QStringLiteral("canvas.png"));
    QVERIFY(exportScenePng(scene.get(), path, QSize(640, 360)));
    QImage image(path);
    QCOMPARE(image.size(), QSize(640, 360));
    QVERIFY(isNotBlank(image));
    // White background (not transparent, not the canvas' on-screen grey), even where the
    // diagram is drawn; the scene keeps its own background.
    const QBrush before = scene->backgroundBrush();
    QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255));
    const QImage fitted0 = renderSceneImage(scene.get(), fittedSceneSize(scene.get(), 800, 800, 1));
    QCOMPARE(fitted0.pixel(2, fitted0.height() / 2), qRgb(255, 255, 255));
    QCOMPARE(scene->backgroundBrush(), before);
    // The fitted size keeps the scene's aspect ratio within the bounds.
    const QSize fitted = fittedSceneSize(scene.get(), 800, 800, 10);
    const QRectF source = sceneExportRect(scene.get());
    QVERIFY(fitted.width() <= 800 && fitted.height() <= 800);
    QVERIFY(std::abs(double(fitted.width()) / fitted.height() - source.width() / source.height()) < 0.02);
}

void TestReport::sceneSvgAndPdf()
{
    Document document;
    document.resetProject(loadExample(QStringLiteral("thumbnails.skyline")));
    const auto scene = makeCandidateScene(&document, QStringLiteral("c2"), nullptr);
    const QString svgPath = m_dir.filePath(QStringLiteral("canvas.svg"));
    QVERIFY(exportSceneSvg(scene.get(), svgPath, QStringLiteral("Fargate <&>")));
    const QByteArray svg = readAll(svgPath);
    QString root;
    QVERIFY(isXml(svg, &root));
    QCOMPARE(root, QStringLiteral("svg"));
    // Node names are drawn as text in the SVG.
    const Candidate *candidate = document.project().findCandidate("c2");
    QVERIFY(svg.contains(toQ(candidate->nodes.front().name).left(4).toHtmlEscaped().toUtf8()));
    const QString pdfPath = m_dir.filePath(QStringLiteral("canvas.pdf"));
    QVERIFY(exportScenePdf(scene.get(), pdfPath, QStringLiteral("Canvas")));
    const QByteArray pdf = readAll(pdfPath);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 1000);
}

void TestReport::chartExports()
{
    const auto project = std::make_shared<const Project>(loadExample(QStringLiteral("checkout.skyline")));
    const auto evaluation = std::make_shared<const Evaluation>(evaluate(*project));
    const auto sensitivity = std::make_shared<const SensitivityResult>(analyzeSensitivity(*project));
    const auto charts =
        makeCandidateCharts(evaluation, project, QStringLiteral("c1"), QSize(600, 300), sensitivity);
    QStringList keys;
    for (const CandidateChart &chart : charts)
        keys << chart.key;
    // The render keys are the catalog's per-candidate rows, in its order (c1 has functions, so
    // every chart has something to show).
    QStringList catalogKeys;
    for (const ChartInfo &info : chartCatalog())
        if (info.perCandidate)
            catalogKeys << QString::fromLatin1(info.key);
    QCOMPARE(keys, catalogKeys);
    for (const char *key :
         {"load", "instances", "latency", "cost", "complexity", "blast-radius", "tornado"})
        QVERIFY2(keys.contains(QLatin1String(key)), key);
    // The tornado draws c1's sensitivity, as in the studio, and the report says what it shows.
    const CandidateChart &tornado = charts.at(keys.indexOf(QStringLiteral("tornado")));
    QVERIFY2(tornado.chart->message().isEmpty(), qPrintable(tornado.chart->message()));
    QVERIFY2(tornado.chart->title().contains(QStringLiteral("All serverless")),
             qPrintable(tornado.chart->title()));
    QVERIFY(tornado.caption.contains(QStringLiteral("another candidate the cheapest")));
    QVERIFY(isNotBlank(renderPlotImage(tornado.chart.get(), QSize(600, 300))));
    // Without a sensitivity there is no tornado rather than an empty one.
    QStringList withoutKeys;
    for (const CandidateChart &chart :
         makeCandidateCharts(evaluation, project, QStringLiteral("c1"), QSize(600, 300)))
        withoutKeys << chart.key;
    QVERIFY(!withoutKeys.contains(QStringLiteral("tornado")));
    QCustomPlot *cost = charts.at(keys.indexOf(QStringLiteral("cost"))).chart.get();

    const QString png = m_dir.filePath(QStringLiteral("cost.png"));
    QVERIFY(exportPlotPng(cost, png, QSize(500, 280)));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(500, 280));
    QVERIFY(isNotBlank(image));

    const QString svg = m_dir.filePath(QStringLiteral("cost.svg"));
    QVERIFY(exportPlotSvg(cost, svg, QSize(500, 280), QStringLiteral("Cost")));
    QString root;
    QVERIFY(isXml(readAll(svg), &root));
    QCOMPARE(root, QStringLiteral("svg"));

    const QString pdf = m_dir.filePath(QStringLiteral("cost.pdf"));
    QVERIFY(exportPlotPdf(cost, pdf, QSize(500, 280), QStringLiteral("Cost")));
    QVERIFY(readAll(pdf).startsWith("%PDF"));

    // A design without functions has no cold-start chart rather than an empty one.
    const auto fargate = makeCandidateCharts(evaluation, project, QStringLiteral("c2"), QSize(600, 300));
    const Candidate *c2 = project->findCandidate("c2");
    const bool hasFunctions = std::any_of(c2->nodes.begin(), c2->nodes.end(),
                                          [](const Node &n) { return n.kind == NodeKind::Function; });
    bool hasColdStartChart = false;
    for (const CandidateChart &chart : fargate)
        hasColdStartChart |= chart.key == QLatin1String("cold-starts");
    if (!hasFunctions)
        QVERIFY(!hasColdStartChart);

    // The sweep chart of every candidate.
    const LoadSweep loadSweep = sweep(*project, sweepMultipliers(0.1, 10, 5));
    const auto sweepChart = makeSweepChart(loadSweep, QSize(600, 300));
    QVERIFY(isNotBlank(renderPlotImage(sweepChart.get(), QSize(600, 300))));
}

void TestReport::emptySceneStillExports()
{
    Document document;
    document.resetProject(Document::newProject());
    const QString id = toQ(document.project().candidates.front().id);
    const auto scene = makeCandidateScene(&document, id, nullptr);
    const QImage image = renderSceneImage(scene.get(), QSize(200, 100));
    QCOMPARE(image.size(), QSize(200, 100));
    QString root;
    QVERIFY(isXml(sceneSvg(scene.get()), &root));
}

void TestReport::nodesCsv()
{
    const Project project = twoCandidates();
    const Evaluation evaluation = evaluate(project);
    const QString path = m_dir.filePath(QStringLiteral("nodes.csv"));
    QString error;
    QVERIFY2(exportNodesCsv(evaluation, project, path, &error), qPrintable(error));
    const QList<QByteArray> lines = readAll(path).trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 4); // header + two nodes per candidate
    // Names beside the ids (issue 10, point 6): a reader sees "Service / Svc", not "c2,n2".
    QVERIFY2(lines.at(0).startsWith("candidate,candidateName,node,nodeName,kind,"),
             lines.at(0).constData());
    QVERIFY2(lines.at(1).startsWith("c1,Function,n1,Web,client"), lines.at(1).constData());
    QVERIFY2(lines.at(4).startsWith("c2,Service,n2,Svc,service"), lines.at(4).constData());
    QVERIFY(!exportNodesCsv(evaluation, project, m_dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestReport::nodesCsvNeutralisesFormulas()
{
    Project project = twoCandidates();
    project.candidates[0].id = "=HYPERLINK(\"http://x\")";
    project.candidates[1].id = "@SUM(A1)";
    const QString path = m_dir.filePath(QStringLiteral("formulas.csv"));
    project.candidates[1].nodes[0].name = "-Web";
    QVERIFY(exportNodesCsv(evaluate(project), project, path));
    const QList<QByteArray> lines = readAll(path).trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 4);
    QVERIFY2(lines.at(1).startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",Function,n1,Web,client,2,2,"),
             lines.at(1).constData());
    QVERIFY2(lines.at(3).startsWith("\"'@SUM(A1)\",Service,n1,\"'-Web\",client,2,2,"),
             lines.at(3).constData());
}

void TestReport::candidateStemsAreUnique_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("stems");
    QTest::newRow("plain ids keep their stem") << QStringList{"c1", "c-2"} << QStringList{"c1", "c-2"};
    QTest::newRow("c/1 then c_1") << QStringList{"c/1", "c_1"} << QStringList{"c_1", "c_1-2"};
    QTest::newRow("c_1 then c/1") << QStringList{"c_1", "c/1"} << QStringList{"c_1", "c_1-2"};
    QTest::newRow("a suffix taken by another id")
        << QStringList{"c/1", "c_1-2", "c_1"} << QStringList{"c_1", "c_1-2", "c_1-3"};
    QTest::newRow("case only (macOS, Windows)") << QStringList{"API", "api"} << QStringList{"API", "api-2"};
    QTest::newRow("nothing usable") << QStringList{"///", "?"} << QStringList{"___", "_"};
}

void TestReport::candidateStemsAreUnique()
{
    QFETCH(QStringList, ids);
    QFETCH(QStringList, stems);
    Project project;
    for (const QString &id : ids) {
        Candidate c;
        c.id = id.toStdString();
        project.candidates.push_back(c);
    }
    const std::map<std::string, QString> made = candidateFileStems(project);
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(made.at(ids[i].toStdString()), stems[i]);
}

void TestReport::cliRenderAndReportKeepCandidatesApart()
{
    if (!QFile::exists(cliPath()))
        QSKIP("skyline-cli is not built next to this test");
    Project project = twoCandidates();
    project.candidates[0].id = "c/1";
    project.candidates[1].id = "c_1";
    const QString file = m_dir.filePath(QStringLiteral("slash.skyline"));
    {
        std::ofstream out(file.toStdString());
        out << writeProject(project);
    }
    const QString out = m_dir.filePath(QStringLiteral("slash-render"));
    QByteArray err;
    QCOMPARE(runCli({QStringLiteral("render"), file, QStringLiteral("--out"), out,
                     QStringLiteral("--width"), QStringLiteral("320"), QStringLiteral("--height"),
                     QStringLiteral("200")},
                    &err),
             0);
    // Each candidate's canvas is its own: c/1 has a function, c_1 a service.
    const QByteArray first = readAll(QDir(out).filePath(QStringLiteral("c_1-canvas.svg")));
    const QByteArray second = readAll(QDir(out).filePath(QStringLiteral("c_1-2-canvas.svg")));
    QVERIFY(isXml(first) && isXml(second));
    QVERIFY(first != second);

    const QString html = m_dir.filePath(QStringLiteral("slash.html"));
    QCOMPARE(runCli({QStringLiteral("report"), file, QStringLiteral("--out"), html}, &err), 0);
    const QString text = QString::fromUtf8(readAll(html));
    QCOMPARE(text.count(QStringLiteral("id=\"candidate-c_1\"")), 1);
    QCOMPARE(text.count(QStringLiteral("id=\"candidate-c_1-2\"")), 1);
    QCOMPARE(text.count(QStringLiteral("href=\"#candidate-c_1\"")), 1);
    QCOMPARE(text.count(QStringLiteral("href=\"#candidate-c_1-2\"")), 1);
}

void TestReport::cliWritesEnglishPlurals()
{
    // The studio installs English's plural forms; the CLI's report and images say the same
    // ("2 candidate architectures", "1 break-even point"), never the source's "(s)".
    if (!QFile::exists(cliPath()))
        QSKIP("skyline-cli is not built next to this test");
    for (const int candidates : {1, 2}) {
        Project project = twoCandidates();
        project.candidates.resize(static_cast<std::size_t>(candidates));
        const QString stem = QStringLiteral("plurals-%1").arg(candidates);
        const QString file = m_dir.filePath(stem + QStringLiteral(".skyline"));
        {
            std::ofstream out(file.toStdString());
            out << writeProject(project);
        }
        QByteArray err;
        const QString html = m_dir.filePath(stem + QStringLiteral(".html"));
        QCOMPARE(runCli({QStringLiteral("report"), file, QStringLiteral("--out"), html}, &err),
                 0);
        const QString text = QString::fromUtf8(readAll(html));
        QVERIFY2(text.contains(candidates == 1
                                   ? QStringLiteral("1 candidate architecture on")
                                   : QStringLiteral("2 candidate architectures on")),
                 qPrintable(text.left(2000)));
        QVERIFY2(!text.contains(QStringLiteral("(s)")),
                 qPrintable(text.mid(text.indexOf(QStringLiteral("(s)")) - 80, 120)));
        const QString out = m_dir.filePath(stem + QStringLiteral("-render"));
        QCOMPARE(runCli({QStringLiteral("render"), file, QStringLiteral("--out"), out,
                         QStringLiteral("--width"), QStringLiteral("480"),
                         QStringLiteral("--height"), QStringLiteral("300")},
                        &err),
                 0);
        const QStringList svgs = QDir(out).entryList({QStringLiteral("*.svg")});
        QVERIFY(!svgs.isEmpty());
        for (const QString &svg : svgs)
            QVERIFY2(!readAll(QDir(out).filePath(svg)).contains("(s)"), qPrintable(svg));
    }
}

void TestReport::comparisonMarksTheCheaperCandidate()
{
    const Evaluation evaluation = evaluate(twoCandidates());
    const ComparisonTable table = ComparisonTable::build(evaluation);
    QCOMPARE(table.columnCount(), 2);
    QCOMPARE(table.candidateNames(), QStringList({"Function", "Service"}));
    const double functionUsd = evaluation.candidates[0].monthlyCostUsd;
    const double serviceUsd = evaluation.candidates[1].monthlyCostUsd;
    QVERIFY2(functionUsd < serviceUsd, "2 req/s on a function costs less than two replicas");
    QCOMPARE(table.bestCandidateIds(QStringLiteral("monthlyCostUsd")), QStringList{"c1"});
    QCOMPARE(table.bestCandidateIds(QStringLiteral("costPerMillionUsd")), QStringList{"c1"});
    const ComparisonRow *cost = table.row(QStringLiteral("monthlyCostUsd"));
    QVERIFY(cost);
    QCOMPARE(cost->texts.at(0), formatUsd(functionUsd));
    QVERIFY(*cost->values.at(1) == serviceUsd);
    // Only the function has cold starts: the service is best there.
    QCOMPARE(table.bestCandidateIds(QStringLiteral("coldStartShare")), QStringList{"c2"});
    QVERIFY(!table.row(QStringLiteral("no-such-row")));
    QCOMPARE(formatUsd(1234.5), QStringLiteral("$1,235"));
    QCOMPARE(formatUsd(12.4), QStringLiteral("$12.40"));
    QCOMPARE(formatUsd(123456.4), QStringLiteral("$123,456"));
    QCOMPARE(formatMs(1500), QStringLiteral("1.50 s"));
    QCOMPARE(formatShare(0.1234), QStringLiteral("12.3 %"));
}

void TestReport::comparisonBestOf_data()
{
    using Values = std::vector<std::optional<double>>;
    QTest::addColumn<Values>("values");
    QTest::addColumn<bool>("higherIsBetter");
    QTest::addColumn<QList<bool>>("expected");
    QTest::newRow("lowest") << Values{3.0, 1.0, 2.0} << false << QList<bool>{false, true, false};
    QTest::newRow("highest") << Values{0.99, 0.999, 0.9} << true << QList<bool>{false, true, false};
    QTest::newRow("tie") << Values{1.0, 1.0, 2.0} << false << QList<bool>{true, true, false};
    QTest::newRow("all equal") << Values{2.0, 2.0} << false << QList<bool>{false, false};
    QTest::newRow("single") << Values{2.0} << false << QList<bool>{false};
    QTest::newRow("missing") << Values{std::nullopt, 5.0, 4.0} << false << QList<bool>{false, false, true};
    QTest::newRow("one present") << Values{std::nullopt, 5.0} << false << QList<bool>{false, false};
}

void TestReport::comparisonBestOf()
{
    using Values = std::vector<std::optional<double>>;
    QFETCH(Values, values);
    QFETCH(bool, higherIsBetter);
    QFETCH(QList<bool>, expected);
    const auto best = ComparisonTable::bestOf(
        values, higherIsBetter ? ComparisonRow::Better::Higher : ComparisonRow::Better::Lower);
    QCOMPARE(QList<bool>(best.begin(), best.end()), expected);
}

void TestReport::comparisonOfACandidateWithACycle()
{
    Project project = twoCandidates();
    Candidate &c2 = project.candidates[1];
    c2.edges.push_back({"e2", EdgeKind::Api, "n2", "n1"});
    c2.nodes[0].kind = NodeKind::Function; // n1 <-> n2 cycle
    c2.nodes[0].workload.clear();
    const Evaluation evaluation = evaluate(project);
    QVERIFY(!evaluation.candidates[1].errors.empty());
    const ComparisonTable table = ComparisonTable::build(evaluation);
    for (const ComparisonRow &row : table.rows()) {
        QVERIFY2(!row.values.at(1).has_value(), qPrintable(row.key));
        QCOMPARE(row.texts.at(1), QStringLiteral("—"));
        QVERIFY(!row.isBest(1));
    }
}

void TestReport::comparisonShowsTheSimulationsPlusMinus()
{
    // DESIGN.md §7: a simulated comparison says how precise its function figures are.
    EvalOptions options;
    options.method = EvalMethod::Simulation;
    options.simulationMaxSeconds = 3;
    const Evaluation simulated = evaluate(twoCandidates(), options);
    QVERIFY(simulated.candidates[0].nodes[1].simulation.hasIntervals);
    const ComparisonTable table = ComparisonTable::build(simulated);
    const QString plusMinus = QStringLiteral(" ± ");
    QVERIFY2(table.row(QStringLiteral("coldStartShare"))->texts.at(0).contains(plusMinus),
             qPrintable(table.row(QStringLiteral("coldStartShare"))->texts.at(0)));
    QVERIFY(table.row(QStringLiteral("peakInstances"))->texts.at(0).contains(plusMinus));
    QVERIFY(!table.row(QStringLiteral("peakInstances"))->texts.at(1).contains(plusMinus)); // a service
    QVERIFY(!table.row(QStringLiteral("monthlyCostUsd"))->texts.at(0).contains(plusMinus));
    const ComparisonTable analytic = ComparisonTable::build(evaluate(twoCandidates()));
    QVERIFY(!analytic.row(QStringLiteral("coldStartShare"))->texts.at(0).contains(plusMinus));
}

QString TestReport::cliPath() const
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/skyline-cli");
}

int TestReport::runCli(const QStringList &args, QByteArray *err) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(cliPath(), args);
    if (!process.waitForFinished(120000))
        return -1;
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

void TestReport::cliRenderWritesEveryImage()
{
    if (!QFile::exists(cliPath()))
        QSKIP("skyline-cli is not built next to this test");
    const QString out = m_dir.filePath(QStringLiteral("render"));
    QByteArray err;
    const int code = runCli({QStringLiteral("render"),
                             sourceDir() + QStringLiteral("/resources/examples/thumbnails.skyline"),
                             QStringLiteral("--out"), out, QStringLiteral("--width"),
                             QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("320")},
                            &err);
    QVERIFY2(code == 0, err.constData());
    const Project project = loadExample(QStringLiteral("thumbnails.skyline"));
    for (const Candidate &c : project.candidates) {
        const QString stem = QDir(out).filePath(toQ(c.id));
        QImage canvas(stem + QStringLiteral("-canvas.png"));
        QVERIFY2(isNotBlank(canvas), qPrintable(stem));
        QVERIFY(isXml(readAll(stem + QStringLiteral("-canvas.svg"))));
        const QImage cost(stem + QStringLiteral("-cost.png"));
        QCOMPARE(cost.size(), QSize(640, 320));
        QVERIFY(isNotBlank(cost));
        QVERIFY(isXml(readAll(stem + QStringLiteral("-cost.svg"))));
        QVERIFY(QFile::exists(stem + QStringLiteral("-load.png")));
        // What drives the cost, per candidate as in the studio.
        const QImage tornado(stem + QStringLiteral("-tornado.png"));
        QCOMPARE(tornado.size(), QSize(640, 320));
        QVERIFY2(isNotBlank(tornado), qPrintable(stem));
        QVERIFY(isXml(readAll(stem + QStringLiteral("-tornado.svg"))));
    }
    QVERIFY(isNotBlank(QImage(QDir(out).filePath(QStringLiteral("sweep.png")))));
}

void TestReport::cliReportWritesTheRecord()
{
    if (!QFile::exists(cliPath()))
        QSKIP("skyline-cli is not built next to this test");
    const QString out = m_dir.filePath(QStringLiteral("checkout.html"));
    QByteArray err;
    const int code = runCli({QStringLiteral("report"),
                             sourceDir() + QStringLiteral("/resources/examples/checkout.skyline"),
                             QStringLiteral("--out"), out},
                            &err);
    QVERIFY2(code == 0, err.constData());
    const QString html = QString::fromUtf8(readAll(out));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<h1>Checkout</h1>")));
    QVERIFY(dataUris(html).size() > 3);
    // The footer names the version skyline-cli --version prints, as the studio's report does
    // (the CLI's said "Skyline 0.1", the studio's "Skyline 0.1.0").
    QProcess version;
    version.start(cliPath(), {QStringLiteral("--version")});
    QVERIFY(version.waitForFinished(20000));
    const QString printed = QString::fromUtf8(version.readAllStandardOutput()).trimmed();
    QVERIFY2(printed.startsWith(QStringLiteral("skyline-cli ")), qPrintable(printed));
    const QString number = printed.mid(int(qstrlen("skyline-cli ")));
    QVERIFY2(html.contains(QStringLiteral("Generated by Skyline %1 on").arg(number)),
             qPrintable(number));
    ReportWriter studio(loadExample(QStringLiteral("checkout.skyline")));
    QVERIFY(studio.html().contains(QStringLiteral("Generated by Skyline %1 on").arg(number)));
}

void TestReport::cliBadInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    const QString example = sourceDir() + QStringLiteral("/resources/examples/checkout.skyline");
    QTest::newRow("report without --out") << QStringList{"report", example};
    QTest::newRow("report of a missing file")
        << QStringList{"report", "/nonexistent/x.skyline", "--out", "/tmp/x.html"};
    QTest::newRow("report into a missing directory")
        << QStringList{"report", example, "--out", "/nonexistent/dir/x.html"};
    QTest::newRow("report with a bad seed") << QStringList{"report", example, "--out", "x.html", "--seed", "-1"};
    QTest::newRow("render without --out") << QStringList{"render", example};
    QTest::newRow("render of a missing file")
        << QStringList{"render", "/nonexistent/x.skyline", "--out", "/tmp/r"};
    QTest::newRow("render of an unknown candidate")
        << QStringList{"render", example, "--out", "/tmp/r", "--candidate", "c99"};
    QTest::newRow("render with a tiny width") << QStringList{"render", example, "--out", "/tmp/r", "--width", "3"};
}

void TestReport::cliBadInputExitsTwo()
{
    if (!QFile::exists(cliPath()))
        QSKIP("skyline-cli is not built next to this test");
    QFETCH(QStringList, args);
    QByteArray err;
    QCOMPARE(runCli(args, &err), 2);
    QVERIFY(!err.isEmpty());
}

QTEST_MAIN(TestReport)
void TestReport::breakEvenReadsTheSameInChartAndTable()
{
    // The report's sweep chart labelled a break-even "×25.71", its table "×25.7" (and the
    // studio's chart "×25.71").
    ReportOptions options;
    options.includeCharts = false;
    ReportWriter writer(loadExample(QStringLiteral("checkout.skyline")), options);
    const QString html = writer.html();
    QStringList inTable;
    const QRegularExpression cell(QStringLiteral("<td class=\"num\">×([^<]+)</td>"));
    for (auto it = cell.globalMatch(html); it.hasNext();)
        inTable << it.next().captured(1);
    const auto chart = makeSweepChart(writer.sweep(), QSize(900, 520));
    QStringList inChart;
    const QRegularExpression label(QStringLiteral("\n×([^,]+), "));
    for (const auto &text : chart->breakEvenLabels())
        for (auto it = label.globalMatch(text->text()); it.hasNext();)
            inChart << it.next().captured(1);
    QCOMPARE(inTable.size(), int(writer.sweep().breakEven.size()));
    QVERIFY(inTable.size() >= 3);
    inTable.sort();
    inChart.sort();
    QCOMPARE(inChart, inTable);
    QVERIFY2(inTable.contains(QStringLiteral("25.7")), qPrintable(inTable.join(' ')));
}

#include "tst_report.moc"
