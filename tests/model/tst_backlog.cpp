#include "engine/Backlog.h"
#include "engine/Evaluation.h"

#include <QtTest>

using namespace skyline;

class TestBacklog : public QObject
{
    Q_OBJECT
private slots:
    void backlogBuildsAndDrains();
    void backlogThatNeverDrainsIsDetected();
};

void TestBacklog::backlogBuildsAndDrains()
{
    std::vector<double> inflow(minutesPerDay, 5.0);
    for (int m = 600; m < 660; ++m)
        inflow[std::size_t(m)] = 15.0; // 5 msg/s over a capacity of 10 for an hour
    const QueueBacklog b = queueBacklog(inflow, 10.0);
    QCOMPARE(b.maxMessages, 5.0 * 3600);
    QCOMPARE(b.maxAgeS, 5.0 * 3600 / 10.0);
    QVERIFY(!b.neverDrains);
    QCOMPARE(b.messagesPerMinute[659], 18000.0);
    QCOMPARE(b.messagesPerMinute[800], 0.0); // drained at 5 msg/s in an hour
}

void TestBacklog::backlogThatNeverDrainsIsDetected()
{
    const QueueBacklog b = queueBacklog(std::vector<double>(minutesPerDay, 11.0), 10.0);
    QVERIFY(b.neverDrains);
    QVERIFY(b.maxMessages > 0);
}

QTEST_GUILESS_MAIN(TestBacklog)
#include "tst_backlog.moc"
