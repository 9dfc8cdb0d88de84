#include "engine/Evaluation.h"
#include "engine/Workloads.h"

#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace skyline;

class TestWorkloads : public QObject
{
    Q_OBJECT
private slots:
    void constantScalesWithMultiplier_data();
    void constantScalesWithMultiplier();
    void diurnalPeaksAtPeakHour();
    void businessHoursOpenAndClosed_data();
    void businessHoursOpenAndClosed();
    void spikyIsSeeded();
    void traceInterpolatesBetweenPoints();
    void traceLongerThanADayIsFolded();
    void hugeTraceIsResampled();
    void csvParses_data();
    void csvParses();
    void csvReportsBadRows_data();
    void csvReportsBadRows();
    void csvMessagesAreValidUtf8();
};

void TestWorkloads::constantScalesWithMultiplier_data()
{
    QTest::addColumn<double>("rps");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<double>("expected");
    QTest::newRow("plain") << 12.0 << 1.0 << 12.0;
    QTest::newRow("doubled") << 12.0 << 2.0 << 24.0;
    QTest::newRow("hundredth") << 12.0 << 0.01 << 0.12;
    QTest::newRow("negative multiplier is no traffic") << 12.0 << -3.0 << 0.0;
    QTest::newRow("NaN multiplier is no traffic") << 12.0 << std::nan("") << 0.0;
}

void TestWorkloads::constantScalesWithMultiplier()
{
    QFETCH(double, rps);
    QFETCH(double, multiplier);
    QFETCH(double, expected);
    Workload w = makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat");
    w.params["rps"] = rps;
    const std::vector<double> day = workloadRatePerMinute(w, multiplier);
    QCOMPARE(int(day.size()), minutesPerDay);
    for (double v : day)
        QVERIFY(qAbs(v - expected) < 1e-12);
}

void TestWorkloads::diurnalPeaksAtPeakHour()
{
    Workload w = makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Day");
    w.params["peakRps"] = 120.0;
    w.params["troughRps"] = 8.0;
    w.params["peakHour"] = 14.0;
    const std::vector<double> day = workloadRatePerMinute(w, 1.0);
    const auto peak = std::max_element(day.begin(), day.end()) - day.begin();
    const auto trough = std::min_element(day.begin(), day.end()) - day.begin();
    QCOMPARE(int(peak), 14 * 60);
    QCOMPARE(int(trough), 2 * 60);
    QCOMPARE(day[14 * 60], 120.0);
    QVERIFY(qAbs(day[2 * 60] - 8.0) < 1e-9);
    // Smooth: no minute jumps by more than a small share of the swing.
    for (int m = 1; m < minutesPerDay; ++m)
        QVERIFY(qAbs(day[m] - day[m - 1]) < 0.01 * 112);
}

void TestWorkloads::businessHoursOpenAndClosed_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<int>("openMinute");
    QTest::addColumn<int>("closedMinute");
    QTest::newRow("office") << 9.0 << 17.0 << 12 * 60 << 3 * 60;
    QTest::newRow("night shift over midnight") << 22.0 << 6.0 << 2 * 60 << 12 * 60;
}

void TestWorkloads::businessHoursOpenAndClosed()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(int, openMinute);
    QFETCH(int, closedMinute);
    Workload w = makeDefaultWorkload(WorkloadShape::BusinessHours, "w1", "Office");
    w.params["peakRps"] = 100.0;
    w.params["troughRps"] = 5.0;
    w.params["startHour"] = start;
    w.params["endHour"] = end;
    const std::vector<double> day = workloadRatePerMinute(w, 1.0);
    QCOMPARE(day[openMinute], 100.0);
    QCOMPARE(day[closedMinute], 5.0);
    // The ramp at the start is smooth: half-way up at the start hour itself.
    const int startMinute = int(start * 60) % minutesPerDay;
    QVERIFY(day[startMinute] > 20 && day[startMinute] < 90);
    for (int m = 1; m < minutesPerDay; ++m)
        QVERIFY(qAbs(day[m] - day[m - 1]) < 0.1 * 95);
}

void TestWorkloads::spikyIsSeeded()
{
    Workload w = makeDefaultWorkload(WorkloadShape::Spiky, "w1", "Spiky");
    w.params["baseRps"] = 10.0;
    w.params["spikeRps"] = 200.0;
    w.params["spikesPerDay"] = 6.0;
    w.params["spikeDurationMin"] = 10.0;
    w.params["seed"] = 7.0;
    const std::vector<double> a = workloadRatePerMinute(w, 1.0);
    const std::vector<double> b = workloadRatePerMinute(w, 1.0);
    QCOMPARE(a, b);
    const long spikeMinutes = std::count(a.begin(), a.end(), 200.0);
    QVERIFY(spikeMinutes >= 10 && spikeMinutes <= 60);
    QCOMPARE(long(std::count(a.begin(), a.end(), 10.0)), long(minutesPerDay) - spikeMinutes);
    w.params["seed"] = 8.0;
    QVERIFY(workloadRatePerMinute(w, 1.0) != a);
}

void TestWorkloads::traceInterpolatesBetweenPoints()
{
    Workload w = makeDefaultWorkload(WorkloadShape::Trace, "w1", "Replay");
    w.points = {{0, 10}, {60, 70}, {720, 10}};
    const std::vector<double> day = workloadRatePerMinute(w, 1.0);
    QCOMPARE(day[0], 10.0);
    QCOMPARE(day[60], 70.0);
    QVERIFY(qAbs(day[30] - 40.0) < 1e-9);
    QVERIFY(qAbs(day[390] - 40.0) < 1e-9);
    // Around the clock: from minute 720 back to minute 0 the rate stays at 10.
    QVERIFY(qAbs(day[1000] - 10.0) < 1e-9);
}

void TestWorkloads::traceLongerThanADayIsFolded()
{
    Workload w = makeDefaultWorkload(WorkloadShape::Trace, "w1", "Two days");
    for (int m = 0; m < 2 * minutesPerDay; ++m)
        w.points.push_back({double(m), m < minutesPerDay ? 10.0 : 30.0});
    const std::vector<double> day = workloadRatePerMinute(w, 1.0);
    for (double v : day)
        QVERIFY(qAbs(v - 20.0) < 1e-9); // the two days averaged
}

void TestWorkloads::hugeTraceIsResampled()
{
    // Ten samples per second for three days: three million points, linear work only.
    Workload w = makeDefaultWorkload(WorkloadShape::Trace, "w1", "Huge");
    const int points = 3 * minutesPerDay * 600;
    w.points.reserve(points);
    for (int i = 0; i < points; ++i)
        w.points.push_back({i / 600.0, double((i / 600) % 5)});
    const std::vector<double> day = workloadRatePerMinute(w, 1.0);
    QCOMPARE(int(day.size()), minutesPerDay);
    QCOMPARE(day[0], 0.0);
    QCOMPARE(day[3], 3.0);
}

void TestWorkloads::csvParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("points");
    QTest::addColumn<double>("secondMinute");
    QTest::addColumn<double>("secondRps");
    QTest::newRow("minute,rps with header") << "minute,rps\n0,3.5\n1,3.9\n" << 2 << 1.0 << 3.9;
    QTest::newRow("no header, CRLF, comments") << "# replay\r\n0,1\r\n\r\n5,2\r\n" << 2 << 5.0
                                               << 2.0;
    QTest::newRow("ISO timestamps") << "time,rps\n2026-11-26T14:03:00Z,4\n2026-11-26T14:05:30Z,6\n"
                                    << 2 << 14 * 60 + 5.5 << 6.0;
    QTest::newRow("timestamps over midnight")
        << "2026-11-26 23:59,1\n2026-11-27 00:01,2\n" << 2 << double(minutesPerDay + 1) << 2.0;
    QTest::newRow("semicolons") << "0;1\n2;4\n" << 2 << 2.0 << 4.0;
    QTest::newRow("every field quoted") << "\"minute\",\"rps\"\n\"0\",\"12.5\"\n\"1\",\"13\"\n"
                                        << 2 << 1.0 << 13.0;
    QTest::newRow("quoted, semicolons, a separator inside quotes")
        << "\"minute;of day\";\"rps\"\n\"0\";\"1.5\"\n\"3\";\"2\"\n" << 2 << 3.0 << 2.0;
    // The first row's zone is the trace's clock; a daylight-saving switch an hour later
    // (+01:00 -> +02:00) is the same clock one hour on, not two.
    QTest::newRow("offset kept, then converted")
        << "2026-03-29T01:30:00+01:00,4\n2026-03-29T03:30:00+02:00,6\n" << 2 << 150.0 << 6.0;
    QTest::newRow("UTC and an offset") << "2026-11-26T10:00Z,1\n2026-11-26T12:00+01:00,2\n" << 2
                                       << 11 * 60.0 << 2.0;
}

void TestWorkloads::csvParses()
{
    QFETCH(QString, text);
    QFETCH(int, points);
    QFETCH(double, secondMinute);
    QFETCH(double, secondRps);
    const TraceCsvResult result = parseTraceCsv(text.toStdString());
    QVERIFY2(result.ok(), result.problems.empty() ? "" : result.problems.front().c_str());
    QCOMPARE(int(result.points.size()), points);
    QVERIFY(qAbs(result.points[1][0] - secondMinute) < 1e-9);
    QCOMPARE(result.points[1][1], secondRps);
}

void TestWorkloads::csvReportsBadRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");
    QTest::newRow("rate not a number") << "minute,rps\n0,1\nx\n" << "line 3: expected two columns";
    QTest::newRow("bad rate") << "minute,rps\n0,1\n1,abc\n" << "line 3: rate 'abc' is not a number";
    QTest::newRow("bad time") << "0,1\nnoon,2\n"
                              << "line 2: time 'noon' is neither a minute nor an ISO timestamp";
    QTest::newRow("negative rate") << "0,-4\n" << "line 1: rate -4 is negative";
    QTest::newRow("no such date") << "2026-02-30T10:00,1\n"
                                  << "line 1: time '2026-02-30T10:00' is neither";
    QTest::newRow("bad zone") << "2026-11-26T10:00+25:00,1\n"
                              << "line 1: time '2026-11-26T10:00+25:00' is neither";
    QTest::newRow("empty file") << "\n\n" << "no data rows";
    // issue 12 item 9: quoted fields are cut at a character and kept valid UTF-8
    QTest::newRow("long time") << "0,1\n" + QString(60, QChar(0x2192)) + ",2\n"
                               << "line 2: time '" + QString(40, QChar(0x2192)) + QChar(0x2026)
                                      + "' is neither";
}

void TestWorkloads::csvReportsBadRows()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    const TraceCsvResult result = parseTraceCsv(text.toStdString());
    QVERIFY(!result.ok());
    QVERIFY(!result.problems.empty());
    QVERIFY2(QString::fromStdString(result.problems.front()).startsWith(problem),
             result.problems.front().c_str());
}

void TestWorkloads::csvMessagesAreValidUtf8()
{
    // A Latin-1 file, and a UTF-8 character cut by the end of the file.
    const TraceCsvResult latin1 = parseTraceCsv("0,1\n1,\xfc\n2,M\xfcnchen\n");
    QCOMPARE(int(latin1.problems.size()), 2);
    QCOMPARE(QString::fromStdString(latin1.problems[0]),
             QString("line 2: rate '\\xFC' is not a number"));
    QCOMPARE(QString::fromStdString(latin1.problems[1]),
             QString("line 3: rate 'M\\xFCnchen' is not a number"));
    const TraceCsvResult cut = parseTraceCsv("0,1\n\xe2\x86,2");
    QCOMPARE(QString::fromStdString(cut.problems.at(0)),
             QString("line 2: time '\\xE2\\x86' is neither a minute nor an ISO timestamp"));
}

QTEST_GUILESS_MAIN(TestWorkloads)
#include "tst_workloads.moc"
