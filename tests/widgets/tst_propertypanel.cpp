// The property panel edits the selection through the Document: one undo step per edit,
// refusals shown next to the editor and never stored, and the panel follows the selection
// and the document's changes (undo included).

#include "Document.h"
#include "support/UserInput.h"
#include "panels/PropertyPanel.h"
#include "domain/Products.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace skyline;

using skyline::test::typeAndEnter;

class TestPropertyPanel : public QObject
{
    Q_OBJECT
private:
    Document *m_document = nullptr;
    PropertyPanel *m_panel = nullptr;
    QString m_candidateId;
    QString m_functionId;
    QString m_serviceId;
    QString m_clientId;


private slots:
    void init()
    {
        m_document = new Document;
        m_document->resetProject(Document::newProject());
        m_candidateId = QString::fromStdString(m_document->project().candidates.front().id);
        m_functionId = m_document->addNode(m_candidateId, NodeKind::Function, {100, 100}, "Pay");
        m_serviceId = m_document->addNode(m_candidateId, NodeKind::Service, {300, 100}, "Shop");
        m_clientId = m_document->addNode(m_candidateId, NodeKind::Client, {0, 100}, "Web");
        m_document->undoStack()->clear();
        m_panel = new PropertyPanel(m_document);
        m_panel->setCandidate(m_candidateId);
        m_panel->resize(400, 800);
        m_panel->show(); // editors need to be visible to take focus and key clicks
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

    void cleanup()
    {
        delete m_panel;
        delete m_document;
    }

    void nothingSelectedShowsProject()
    {
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Project);
        auto *name = qobject_cast<QLineEdit *>(m_panel->editor("name"));
        QVERIFY(name);
        QCOMPARE(name->text(), QString::fromStdString(m_document->project().name));
        QVERIFY(m_panel->editor("catalog"));
        QVERIFY(m_panel->editor("hoursPerMonth"));
        QVERIFY(!m_panel->editor("memoryMb"));

        typeAndEnter(name, "Checkout");
        QCOMPARE(m_document->project().name, std::string("Checkout"));
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void selectionChangesThePanel()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Node);
        QVERIFY(m_panel->editor("memoryMb"));
        QVERIFY(m_panel->editor("coldStartMs"));
        QVERIFY(!m_panel->editor("minReplicas"));

        m_panel->setSelection({m_serviceId}, {}, {});
        QVERIFY(m_panel->editor("minReplicas"));
        QVERIFY(!m_panel->editor("memoryMb"));
        QCOMPARE(qobject_cast<QLineEdit *>(m_panel->editor("name"))->text(), QString("Shop"));

        m_panel->setSelection({m_clientId}, {}, {});
        auto *workload = qobject_cast<QComboBox *>(m_panel->editor("workload"));
        QVERIFY(workload);
        QCOMPARE(workload->count(), int(m_document->project().workloads.size()));

        m_panel->setSelection({m_functionId, m_serviceId}, {}, {});
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Several);
        QVERIFY(!m_panel->editor("name"));

        m_panel->setSelection({}, {}, {});
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Project);
    }

    void editorsFollowTheSchema_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("editorClass");
        QTest::newRow("number") << "durationMs" << "QDoubleSpinBox";
        QTest::newRow("integer") << "memoryMb" << "QSpinBox";
        QTest::newRow("flag") << "needsState" << "QCheckBox";
        QTest::newRow("choice") << "provider" << "QComboBox";
        QTest::newRow("text") << "runtime" << "QLineEdit";
    }

    void editorsFollowTheSchema()
    {
        QFETCH(QString, key);
        QFETCH(QString, editorClass);
        m_panel->setSelection({m_functionId}, {}, {});
        QWidget *editor = m_panel->editor(key);
        QVERIFY(editor);
        QCOMPARE(QString(editor->metaObject()->className()), editorClass);
        const ParamSpec *spec = findNodeParamSpec(NodeKind::Function, key.toStdString());
        QCOMPARE(editor->toolTip(), QString::fromStdString(spec->help));
        if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            QCOMPARE(spin->minimum(), int(spec->minimum));
            QCOMPARE(spin->maximum(), int(spec->maximum));
            QCOMPARE(spin->suffix(), " " + QString::fromStdString(spec->unit));
        }
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
            QCOMPARE(spin->minimum(), spec->minimum);
            QCOMPARE(spin->maximum(), spec->maximum);
        }
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            QCOMPARE(combo->count(), int(spec->choices.size()));
    }

    void productChoicesComeFromTheProductTable()
    {
        // Every product of the table is offered for its kind, App Runner among the hostings.
        m_panel->setSelection({m_serviceId}, {}, {});
        auto *hosting = qobject_cast<QComboBox *>(m_panel->editor("hosting"));
        QVERIFY(hosting);
        QStringList offered;
        for (int i = 0; i < hosting->count(); ++i)
            offered << hosting->itemData(i).toString();
        QStringList fromTable;
        for (const std::string &id : productIds(NodeKind::Service))
            fromTable << QString::fromStdString(id);
        QCOMPARE(offered, fromTable);
        QVERIFY(offered.contains("aws-app-runner"));

        const int appRunner = hosting->findData("aws-app-runner");
        hosting->setCurrentIndex(appRunner);
        emit hosting->activated(appRunner);
        const Node *service = m_document->project().candidates.front().findNode(
            m_serviceId.toStdString());
        QVERIFY(service);
        QCOMPARE(service->text("hosting"), std::string("aws-app-runner"));
    }

    void paramEditIsOneUndoStep()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        auto *memory = qobject_cast<QSpinBox *>(m_panel->editor("memoryMb"));
        typeAndEnter(memory, "1024");
        const Node *node = m_document->node(m_candidateId, m_functionId);
        QCOMPARE(node->number("memoryMb"), 1024.0);
        QCOMPARE(m_document->undoStack()->count(), 1); // not one per keystroke

        // Leaving the field afterwards does not add a second step.
        m_panel->editor("durationMs")->setFocus();
        QCOMPARE(m_document->undoStack()->count(), 1);

        // Undo restores the value, and the panel shows it.
        m_document->undoStack()->undo();
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->number("memoryMb"), 512.0);
        QCOMPARE(memory->value(), 512);
    }

    void otherEditorsReachTheDocument()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        auto *needsState = qobject_cast<QCheckBox *>(m_panel->editor("needsState"));
        QTest::mouseClick(needsState, Qt::LeftButton, {}, QPoint(5, needsState->height() / 2));
        QVERIFY(m_document->node(m_candidateId, m_functionId)->flag("needsState"));

        auto *provider = qobject_cast<QComboBox *>(m_panel->editor("provider"));
        provider->setFocus();
        QTest::keyClick(provider, Qt::Key_Down); // activates the next choice
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->text("provider"),
                 std::string("gcp-cloud-run"));

        typeAndEnter(m_panel->editor("durationMs"), "250");
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->number("durationMs"), 250.0);
        QCOMPARE(m_document->undoStack()->count(), 3);
    }

    void outOfRangeValueIsRefusedAndNotStored()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        // Typed: the spin box holds the schema's range, so 99999 MB cannot be entered.
        auto *memory = qobject_cast<QSpinBox *>(m_panel->editor("memoryMb"));
        typeAndEnter(memory, "99999");
        QVERIFY(m_document->node(m_candidateId, m_functionId)->number("memoryMb") <= 10240);

        // A value the document refuses is shown next to the editor and the editor reverts.
        const QString error = m_panel->applyNodeParam("memoryMb", 99999.0);
        QVERIFY(!error.isEmpty());
        QVERIFY(m_panel->errorText("memoryMb").contains("10240"));
        const double stored = m_document->node(m_candidateId, m_functionId)->number("memoryMb");
        QVERIFY(stored != 99999.0);
        QCOMPARE(double(memory->value()), stored);
    }

    void crossFieldRuleIsRefusedInTheEditor()
    {
        // min replicas above max replicas: a rule of the document, reachable by typing.
        m_panel->setSelection({m_serviceId}, {}, {});
        auto *minReplicas = qobject_cast<QSpinBox *>(m_panel->editor("minReplicas"));
        typeAndEnter(minReplicas, "50"); // max replicas is 20
        QCOMPARE(m_document->node(m_candidateId, m_serviceId)->number("minReplicas"), 2.0);
        QCOMPARE(m_document->undoStack()->count(), 0);
        QVERIFY(!m_panel->errorText("minReplicas").isEmpty());
        QCOMPARE(minReplicas->value(), 2);

        // A valid edit afterwards clears the message.
        typeAndEnter(minReplicas, "3");
        QCOMPARE(m_document->node(m_candidateId, m_serviceId)->number("minReplicas"), 3.0);
        QVERIFY(m_panel->errorText("minReplicas").isEmpty());
    }

    void tooLongTextIsRefused()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        auto *runtime = qobject_cast<QLineEdit *>(m_panel->editor("runtime"));
        typeAndEnter(runtime, QString(250, QLatin1Char('x')));
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->text("runtime"),
                 std::string("nodejs20"));
        QVERIFY(!m_panel->errorText("runtime").isEmpty());
        QCOMPARE(runtime->text(), QString("nodejs20"));
    }

    void documentChangesRefreshThePanel()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        m_document->setNodeParam(m_candidateId, m_functionId, "coldStartMs", 900.0);
        QCOMPARE(qobject_cast<QDoubleSpinBox *>(m_panel->editor("coldStartMs"))->value(), 900.0);
        m_document->renameNode(m_candidateId, m_functionId, "Charge");
        QCOMPARE(qobject_cast<QLineEdit *>(m_panel->editor("name"))->text(), QString("Charge"));
        // The refresh did not write back: only the two edits above are on the stack.
        QCOMPARE(m_document->undoStack()->count(), 2);

        m_document->removeNodes(m_candidateId, {m_functionId});
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Project);
    }

    void edgeEdits()
    {
        const QString edgeId =
            m_document->addEdge(m_candidateId, EdgeKind::Api, m_clientId, m_functionId);
        QVERIFY(!edgeId.isEmpty());
        m_document->undoStack()->clear();
        m_panel->setSelection({}, {edgeId}, {});
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Edge);
        typeAndEnter(m_panel->editor("perRequest"), "2.5");
        QCOMPARE(m_document->edge(m_candidateId, edgeId)->perRequest, 2.5);
        auto *fallback = qobject_cast<QCheckBox *>(m_panel->editor("fallback"));
        QTest::mouseClick(fallback, Qt::LeftButton, {}, QPoint(5, fallback->height() / 2));
        QVERIFY(m_document->edge(m_candidateId, edgeId)->fallback);
        QCOMPARE(m_document->undoStack()->count(), 2);
    }

    void contextRename()
    {
        const QString contextId = m_document->addContext(m_candidateId, "Ordering",
                                                         RectF{0, 0, 400, 300});
        m_panel->setSelection({}, {}, {contextId});
        QCOMPARE(m_panel->subject(), PropertyPanel::Subject::Context);
        typeAndEnter(m_panel->editor("name"), "Payments");
        QCOMPARE(m_document->context(m_candidateId, contextId)->name, std::string("Payments"));
    }

    void pricingEdits()
    {
        auto *freeTier = qobject_cast<QCheckBox *>(m_panel->editor("freeTier"));
        QTest::mouseClick(freeTier, Qt::LeftButton, {}, QPoint(5, freeTier->height() / 2));
        QVERIFY(m_document->project().pricing.freeTier);
        typeAndEnter(m_panel->editor("hoursPerMonth"), "720");
        QCOMPARE(m_document->project().pricing.hoursPerMonth, 720.0);
        QCOMPARE(m_document->undoStack()->count(), 2);
    }
};

QTEST_MAIN(TestPropertyPanel)
#include "tst_propertypanel.moc"
