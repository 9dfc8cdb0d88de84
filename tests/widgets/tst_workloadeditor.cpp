// The workload editor edits workloads through the Document, previews the day's load and
// imports CSV traces, naming the line of every malformed row.

#include "Document.h"
#include "support/UserInput.h"
#include "panels/NumberField.h"
#include "panels/RangeField.h"
#include "panels/WorkloadEditor.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

using namespace skyline;

using skyline::test::typeAndEnter;

class TestWorkloadEditor : public QObject
{
    Q_OBJECT
private:
    Document *m_document = nullptr;
    WorkloadEditor *m_editor = nullptr;

    QString firstWorkloadId() const
    {
        return QString::fromStdString(m_document->project().workloads.front().id);
    }

    static void chooseShape(QComboBox *combo, WorkloadShape shape)
    {
        // What a user's pick does: the activated signal with the item's index.
        const int index = combo->findData(int(shape));
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    }


private slots:
    void init()
    {
        m_document = new Document;
        m_document->resetProject(Document::newProject());
        m_editor = new WorkloadEditor(m_document);
        m_editor->resize(400, 700);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
    }

    void cleanup()
    {
        delete m_editor;
        delete m_document;
    }

    void shapeParameterTakesARange()
    {
        // The new project's workload is diurnal; its peak takes a range beside its value.
        auto *peak = qobject_cast<NumberField *>(m_editor->editor("peakRps"));
        QVERIFY(peak);
        auto *range = qobject_cast<RangeField *>(peak->parentWidget());
        QVERIFY(range);
        const double value = peak->value();
        range->setExpanded(true);
        typeAndEnter(range->highField(), QString::number(value * 2));
        const Workload &w = m_document->project().workloads.front();
        QCOMPARE(w.ranges.at("peakRps"), (ParamRange{value, value * 2}));
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY(m_document->undoStack()->text(0).startsWith("Set range of "));
        // A low above the value is refused beside the field; the model keeps its range.
        typeAndEnter(range->lowField(), QString::number(value * 1.5));
        QVERIFY(!range->refusal().isEmpty());
        QCOMPARE(m_document->project().workloads.front().ranges.at("peakRps"),
                 (ParamRange{value, value * 2}));
        m_document->undoStack()->undo();
        QVERIFY(m_document->project().workloads.front().ranges.empty());
        QVERIFY(range->hint().isEmpty());
    }

    void listsTheWorkloads()
    {
        QCOMPARE(m_editor->list()->count(), int(m_document->project().workloads.size()));
        QCOMPARE(m_editor->currentWorkloadId(), firstWorkloadId());
        m_editor->addWorkload();
        QCOMPARE(m_editor->list()->count(), int(m_document->project().workloads.size()));
        QCOMPARE(m_editor->currentWorkloadId(),
                 QString::fromStdString(m_document->project().workloads.back().id));
        m_document->undoStack()->undo();
        QCOMPARE(m_editor->list()->count(), int(m_document->project().workloads.size()));
    }

    void shapeChangeRebuildsEditorsAndPreview_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<QString>("param");
        QTest::newRow("constant") << int(WorkloadShape::Constant) << "rps";
        QTest::newRow("diurnal") << int(WorkloadShape::Diurnal) << "peakHour";
        QTest::newRow("business-hours") << int(WorkloadShape::BusinessHours) << "startHour";
        QTest::newRow("spiky") << int(WorkloadShape::Spiky) << "spikesPerDay";
    }

    void shapeChangeRebuildsEditorsAndPreview()
    {
        QFETCH(int, shape);
        QFETCH(QString, param);
        const auto target = WorkloadShape(shape);
        if (m_document->workload(firstWorkloadId())->shape == target) {
            // Start from another shape so that choosing `target` is a change.
            const auto other = target == WorkloadShape::Constant ? WorkloadShape::Spiky
                                                                 : WorkloadShape::Constant;
            chooseShape(qobject_cast<QComboBox *>(m_editor->editor("shape")), other);
        }
        const int before = m_document->undoStack()->count();
        chooseShape(qobject_cast<QComboBox *>(m_editor->editor("shape")), target);
        QCOMPARE(m_document->workload(firstWorkloadId())->shape, target);
        QCOMPARE(m_document->undoStack()->count(), before + 1);
        QVERIFY(m_editor->editor(param));

        QCPGraph *graph = m_editor->preview()->graph(0);
        QCOMPARE(graph->dataCount(), 1440);
        QCOMPARE(graph->data()->at(0)->key, 0.0);
        QCOMPARE(graph->data()->at(1439)->key, 1439 / 60.0);
    }

    void paramEditUpdatesPreview()
    {
        chooseShape(qobject_cast<QComboBox *>(m_editor->editor("shape")),
                    WorkloadShape::Constant);
        typeAndEnter(m_editor->editor("rps"), "42");
        QCOMPARE(m_document->workload(firstWorkloadId())->number("rps"), 42.0);
        QCPGraph *graph = m_editor->preview()->graph(0);
        QCOMPARE(graph->data()->at(720)->value, 42.0);
        QCOMPARE(m_editor->preview()->yAxis->range().upper, 42.0 * 1.1);
    }

    void refusedValueIsShownAndNotStored()
    {
        chooseShape(qobject_cast<QComboBox *>(m_editor->editor("shape")),
                    WorkloadShape::BusinessHours);
        const int before = m_document->undoStack()->count();
        typeAndEnter(m_editor->editor("endHour"), "8"); // closes before it opens (9)
        QCOMPARE(m_document->workload(firstWorkloadId())->number("endHour"), 17.0);
        QCOMPARE(m_document->undoStack()->count(), before);
        QVERIFY(!m_editor->messageText().isEmpty());
        QCOMPARE(qobject_cast<NumberField *>(m_editor->editor("endHour"))->value(), 17.0);
    }

    void typedBadRateIsRefusedWithItsReason_data()
    {
        // A spin box turned "1e12" into 112 and dropped the minus of "-5".
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("reasonContains");
        QTest::newRow("1e12 req/s") << "1e12" << QStringList{"Rate", "10000000 req/s"};
        QTest::newRow("negative") << "-5" << QStringList{"Rate", "between 0"};
        QTest::newRow("not a number") << "lots" << QStringList{"“lots”", "not a number"};
    }

    void typedBadRateIsRefusedWithItsReason()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, reasonContains);
        chooseShape(qobject_cast<QComboBox *>(m_editor->editor("shape")),
                    WorkloadShape::Constant);
        const double before = m_document->workload(firstWorkloadId())->number("rps");
        const int steps = m_document->undoStack()->count();
        auto *rps = qobject_cast<NumberField *>(m_editor->editor("rps"));
        QVERIFY(rps);
        typeAndEnter(rps, typed);
        QCOMPARE(m_document->workload(firstWorkloadId())->number("rps"), before);
        QCOMPARE(m_document->undoStack()->count(), steps);
        for (const QString &part : reasonContains)
            QVERIFY2(m_editor->messageText().contains(part), qPrintable(m_editor->messageText()));
        QVERIFY(rps->property("refused").toBool());
        QCOMPARE(rps->value(), before);
        QVERIFY(rps->toolTip().contains("Range: 0 to 10000000 req/s"));

        // Scientific notation inside the range is taken, and clears message and mark.
        typeAndEnter(rps, "1e6");
        QCOMPARE(m_document->workload(firstWorkloadId())->number("rps"), 1e6);
        QVERIFY(m_editor->messageText().isEmpty());
        QVERIFY(!rps->property("refused").toBool());
    }

    void rename()
    {
        typeAndEnter(m_editor->editor("name"), "Black Friday");
        QCOMPARE(m_document->workload(firstWorkloadId())->name, std::string("Black Friday"));
        QCOMPARE(m_editor->list()->item(0)->text(), QString("Black Friday"));
    }

    void removeIsRefusedWhileAClientUsesIt()
    {
        const QString candidateId =
            QString::fromStdString(m_document->project().candidates.front().id);
        const QString clientId =
            m_document->addNode(candidateId, NodeKind::Client, {0, 0}, "Web");
        m_document->setNodeWorkload(candidateId, clientId, firstWorkloadId());
        const size_t count = m_document->project().workloads.size();
        m_editor->removeCurrentWorkload();
        QCOMPARE(m_document->project().workloads.size(), count);
        QVERIFY(m_editor->messageText().contains("Web"));

        m_editor->addWorkload();
        m_editor->removeCurrentWorkload();
        QCOMPARE(m_document->project().workloads.size(), count);
        QVERIFY(m_editor->messageText().isEmpty());
    }

    void importTrace()
    {
        const QStringList problems =
            m_editor->importTraceCsv("minute,rps\n0,5\n60,10\n120,20\n");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const Workload *w = m_document->workload(firstWorkloadId());
        QCOMPARE(w->shape, WorkloadShape::Trace);
        QCOMPARE(int(w->points.size()), 3);
        QCOMPARE(m_editor->preview()->graph(0)->dataCount(), 1440);
        QCOMPARE(m_editor->preview()->graph(0)->data()->at(60)->value, 10.0);
    }

    void importReportsMalformedRowWithItsLine()
    {
        const Workload before = *m_document->workload(firstWorkloadId());
        const int steps = m_document->undoStack()->count();
        const QStringList problems =
            m_editor->importTraceCsv("minute,rps\n0,5\n60,10\n120,abc\n180,4\n");
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.join('\n').contains("line 4"), qPrintable(problems.join('\n')));
        QVERIFY(m_editor->messageText().contains("line 4"));
        QCOMPARE(*m_document->workload(firstWorkloadId()), before); // nothing half-imported
        QCOMPARE(m_document->undoStack()->count(), steps);
    }
};

QTEST_MAIN(TestWorkloadEditor)
#include "tst_workloadeditor.moc"
