// Node badges (issue 10 point 7): compact text, a strip sized to its text so nothing is
// clipped, every figure in full in the tooltip, and the same strings on the canvas and in
// the exported scene (one badge function). Runs offscreen.

#include "canvas/CanvasScene.h"
#include "canvas/NodeBadges.h"
#include "canvas/NodeItem.h"
#include "report/ResultImages.h"

#include "Document.h"
#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <QFontMetricsF>
#include <QtTest>

using namespace skyline;

class TestNodeBadges : public QObject
{
    Q_OBJECT
private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void compactText_data();
    void compactText();
    void germanBadgeHasADecimalComma();
    void largeValuesFitTheirStrip_data();
    void largeValuesFitTheirStrip();
    void toolTipShowsEveryFigureInFull();
    void precisionIsWrittenLikeEveryFigure_data();
    void precisionIsWrittenLikeEveryFigure();
    void exportedSceneShowsTheCanvasBadges();
};

namespace {
NodeBadges badges(double usd, int instances, double p99Ms, bool warning = false)
{
    NodeBadges b;
    b.monthlyCostUsd = usd;
    b.peakInstances = instances;
    b.p99Ms = p99Ms;
    if (warning)
        b.warningText = QStringLiteral("[overload] too much");
    return b;
}
} // namespace

void TestNodeBadges::compactText_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<int>("instances");
    QTest::addColumn<double>("p99Ms");
    QTest::addColumn<QString>("expected");
    // Issue 10 point 7: "$13,857/mo" showed as "3857/mo", "ms" as "m".
    QTest::newRow("large") << 13857.4 << 1234 << 1412.0 << "$13.9k/mo  ▲1.2k  p99 1.4 s";
    QTest::newRow("small") << 4.5 << 3 << 87.0 << "$4.50/mo  ▲3  p99 87 ms";
    QTest::newRow("millions") << 3.36e7 << 250 << 29000.0 << "$33.6M/mo  ▲250  p99 29 s";
}

void TestNodeBadges::compactText()
{
    QFETCH(double, usd);
    QFETCH(int, instances);
    QFETCH(double, p99Ms);
    QFETCH(QString, expected);
    QCOMPARE(badgeText(badges(usd, instances, p99Ms)), expected);
}

void TestNodeBadges::germanBadgeHasADecimalComma()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QString text = badgeText(badges(13857.4, 1234, 1412.0));
    text.replace(QChar(0x00a0), QLatin1Char(' '));
    QCOMPARE(text, QString("13,9k $/mo  ▲1,2k  p99 1,4 s"));
}

void TestNodeBadges::largeValuesFitTheirStrip_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<int>("instances");
    QTest::addColumn<double>("p99Ms");
    QTest::addColumn<bool>("warning");
    QTest::newRow("large with a warning") << 13857.4 << 12345 << 98765.0 << true;
    QTest::newRow("huge") << 3.36e10 << 999999 << 8.6e7 << true;
    QTest::newRow("small") << 0.42 << 1 << 3.5 << false;
}

void TestNodeBadges::largeValuesFitTheirStrip()
{
    QFETCH(double, usd);
    QFETCH(int, instances);
    QFETCH(double, p99Ms);
    QFETCH(bool, warning);
    Document document;
    document.resetProject(Document::newProject());
    const QString candidateId = toQ(document.project().candidates.front().id);
    const QString nodeId = document.addNode(candidateId, NodeKind::Function, PointF{0, 0});
    CanvasScene scene(&document, candidateId);
    scene.setNodeBadges(nodeId, badges(usd, instances, p99Ms, warning));
    NodeItem *item = scene.nodeItem(nodeId);
    QVERIFY(item);
    const QRectF strip = item->badgeRect();
    const QFontMetricsF metrics(badgeFont(QFont()));
    const QRectF text = metrics.boundingRect(item->badgeText());
    const double signPx = warning ? badgeHeightPx : 0.0;
    QVERIFY2(strip.width() >= text.width() + signPx,
             qPrintable(QString("%1 wide for %2 px of text").arg(strip.width()).arg(text.width())));
    QVERIFY(strip.height() >= text.height());
    QVERIFY(item->boundingRect().contains(strip)); // repainted and exported whole
    QCOMPARE(strip.center().x(), NodeItem::boxRect().center().x());
}

void TestNodeBadges::toolTipShowsEveryFigureInFull()
{
    Document document;
    document.resetProject(Document::newProject());
    const QString candidateId = toQ(document.project().candidates.front().id);
    const QString nodeId = document.addNode(candidateId, NodeKind::Function, PointF{0, 0});
    CanvasScene scene(&document, candidateId);
    scene.setNodeBadges(nodeId, badges(13857.4, 12345, 1412.0, true));
    const QString tip = scene.nodeItem(nodeId)->toolTip();
    QVERIFY2(tip.contains("$13,857/mo"), qPrintable(tip));
    QVERIFY2(tip.contains("12,345"), qPrintable(tip));
    QVERIFY2(tip.contains("1.41 s"), qPrintable(tip));
    QVERIFY2(tip.contains("too much"), qPrintable(tip));
}

void TestNodeBadges::precisionIsWrittenLikeEveryFigure_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<double>("coldStartProbability");
    QTest::addColumn<double>("peak");
    QTest::addColumn<QString>("expected");
    // A busy function's P(cold) below 10⁻⁶ read "9.5e-05 %", and German read "142.8" among
    // figures with a decimal comma.
    QTest::newRow("tiny P(cold)")
        << "en" << 9.5e-7 << 1234.5
        << "P(cold) 0.000095 ± 0.0002 %, alive 142.8 ± 0.5, peak 1,234.5 ± 44.5 (95 %, 2 ";
    QTest::newRow("German")
        << "de" << 1.56e-6 << 217.5
        << "P(cold) 0,000156 ± 0,0002 %, alive 142,8 ± 0,5, peak 217,5 ± 44,5 (95 %, 2 ";
}

void TestNodeBadges::precisionIsWrittenLikeEveryFigure()
{
    QFETCH(QString, language);
    QFETCH(double, coldStartProbability);
    QFETCH(double, peak);
    QFETCH(QString, expected);
    if (language == "de")
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CandidateEvaluation evaluation;
    NodeResult node;
    node.id = "f1";
    node.kind = NodeKind::Function;
    node.coldStartProbability = coldStartProbability;
    node.instances.avgAlive = 142.8;
    node.instances.peak = peak;
    node.simulation.days = 2;
    node.simulation.hasIntervals = true;
    node.simulation.coldStartProbability = {0, 4e-6};
    node.simulation.avgAlive = {142.3, 143.3};
    node.simulation.peak = {peak - 44.5, peak + 44.5};
    evaluation.nodes.push_back(node);
    // up to the count of days, whose plural comes from the (here absent) English catalogue
    const QString text = badgesFor(evaluation, "f1").precisionText;
    QCOMPARE(text.left(expected.size()), expected);
}

void TestNodeBadges::exportedSceneShowsTheCanvasBadges()
{
    QFile file(QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/thumbnails.skyline"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ReadResult<Project> read = readProject(file.readAll().toStdString());
    QVERIFY(read.ok());
    Document document;
    document.resetProject(*read.value);
    const Evaluation evaluation = evaluate(document.project());
    const CandidateEvaluation &result = evaluation.candidates.front();
    const QString candidateId = QString::fromStdString(result.id);
    // The studio's canvas sets badgesFor() per node (MainWindowResults); the export builds its
    // own scene: both must paint the same strings.
    CanvasScene canvas(&document, candidateId);
    for (const NodeResult &node : result.nodes)
        canvas.setNodeBadges(QString::fromStdString(node.id), badgesFor(result, node.id));
    const auto exported = makeCandidateScene(&document, candidateId, &result);
    int compared = 0;
    for (const NodeResult &node : result.nodes) {
        const QString id = QString::fromStdString(node.id);
        QCOMPARE(exported->nodeItem(id)->badgeText(), canvas.nodeItem(id)->badgeText());
        QCOMPARE(exported->nodeItem(id)->badgeRect(), canvas.nodeItem(id)->badgeRect());
        compared += canvas.nodeItem(id)->badgeText().isEmpty() ? 0 : 1;
    }
    QVERIFY(compared > 0);
}

QTEST_MAIN(TestNodeBadges)
#include "tst_nodebadges.moc"
