// The property panel edits the selection through the Document: one undo step per edit,
// refusals shown next to the editor and never stored, and the panel follows the selection
// and the document's changes (undo included).

#include "Document.h"
#include "support/UserInput.h"
#include "panels/NumberField.h"
#include "panels/PropertyPanel.h"
#include "panels/RangeField.h"
#include "domain/Products.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QComboBox>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>
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
        QTest::newRow("number") << "durationMs" << "skyline::NumberField";
        QTest::newRow("integer") << "memoryMb" << "skyline::NumberField";
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
        QVERIFY(editor->toolTip().startsWith(QString::fromStdString(spec->help)));
        if (auto *field = qobject_cast<NumberField *>(editor)) {
            // The tooltip names range and unit, from the schema.
            QCOMPARE(field->spec().minimum, spec->minimum);
            QCOMPARE(field->spec().maximum, spec->maximum);
            QVERIFY2(field->toolTip().contains(QStringLiteral("Range: %1 to %2 %3")
                                                   .arg(NumberField::digits(*spec, spec->minimum),
                                                        NumberField::digits(*spec, spec->maximum),
                                                        QString::fromStdString(spec->unit))),
                     qPrintable(field->toolTip()));
            QVERIFY(field->text().endsWith(" " + QString::fromStdString(spec->unit)));
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
        auto *memory = qobject_cast<NumberField *>(m_panel->editor("memoryMb"));
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
        QCOMPARE(memory->value(), 512.0);
        QCOMPARE(memory->text(), QString("512 MB"));
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

    void typedBadValueIsRefusedWithItsReason_data()
    {
        // What a spin box did with these: -512 -> 512, 99999999 -> 9999 (extra digits
        // dropped), "1e12" -> 112, letters dropped. Each must be refused, the model unchanged.
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("reasonContains");
        QTest::newRow("negative memory") << "memoryMb" << "-512"
                                         << QStringList{"Memory", "128", "10240 MB"};
        QTest::newRow("huge memory") << "memoryMb" << "99999999"
                                     << QStringList{"Memory", "128", "10240 MB"};
        QTest::newRow("huge in scientific notation") << "memoryMb" << "1e12"
                                                     << QStringList{"Memory", "10240 MB"};
        QTest::newRow("fraction of a whole number") << "memoryMb" << "1024.5"
                                                    << QStringList{"whole number"};
        QTest::newRow("not a number") << "durationMs" << "fast"
                                      << QStringList{"“fast”", "not a number", "ms"};
        QTest::newRow("blank") << "durationMs" << " " << QStringList{"needs a number"};
        QTest::newRow("availability above one") << "availability" << "1.5"
                                                << QStringList{"Availability", "0", "1"};
        QTest::newRow("negative cold start") << "coldStartMs" << "-1"
                                             << QStringList{"Cold start", "60000 ms"};
    }

    void typedBadValueIsRefusedWithItsReason()
    {
        QFETCH(QString, key);
        QFETCH(QString, typed);
        QFETCH(QStringList, reasonContains);
        m_panel->setSelection({m_functionId}, {}, {});
        auto *field = qobject_cast<NumberField *>(m_panel->editor(key));
        QVERIFY(field);
        const double before = m_document->node(m_candidateId, m_functionId)->number(
            key.toStdString());
        typeAndEnter(field, typed);

        QCOMPARE(m_document->node(m_candidateId, m_functionId)->number(key.toStdString()),
                 before);
        QCOMPARE(m_document->undoStack()->count(), 0);
        const QString reason = m_panel->errorText(key);
        for (const QString &part : reasonContains)
            QVERIFY2(reason.contains(part), qPrintable(reason));
        QVERIFY(field->property("refused").toBool()); // the field is marked
        QCOMPARE(field->value(), before);             // and shows the stored value again
        QCOMPARE(field->text(), NumberField::format(field->spec(), before));

        // A valid value afterwards is stored and clears message and mark.
        typeAndEnter(field, key == "availability" ? "0.99" : "1000");
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY(m_panel->errorText(key).isEmpty());
        QVERIFY(!field->property("refused").toBool());
    }

    void oneThingIsSingular_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("two");
        QTest::newRow("provisioned concurrency") << "provisionedConcurrency" << "1 instance"
                                                 << "2 instances";
        QTest::newRow("concurrency limit") << "concurrencyLimit" << "1 instance"
                                           << "2 instances";
    }

    void oneThingIsSingular()
    {
        // "1 instances" in the panel, "1 spikes" in the tornado chart.
        QFETCH(QString, key);
        QFETCH(QString, one);
        QFETCH(QString, two);
        m_panel->setSelection({m_functionId}, {}, {});
        auto *field = qobject_cast<NumberField *>(m_panel->editor(key));
        QVERIFY(field);
        typeAndEnter(field, "1");
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->number(key.toStdString()), 1.0);
        QCOMPARE(field->text(), one);
        // What the field shows reads back as the same number, refused by nothing.
        typeAndEnter(field, one);
        QVERIFY2(m_panel->errorText(key).isEmpty(), qPrintable(m_panel->errorText(key)));
        typeAndEnter(field, two);
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->number(key.toStdString()), 2.0);
        QCOMPARE(field->text(), two);
    }

    void scientificNotationIsAcceptedInRange_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<double>("stored");
        QTest::newRow("1e3 MB") << "memoryMb" << "1e3" << 1000.0;
        QTest::newRow("1.5E3 ms") << "durationMs" << "1.5E3" << 1500.0;
        QTest::newRow("with the unit") << "durationMs" << "2.5e2 ms" << 250.0;
        QTest::newRow("2e-1 ms") << "coldStartMs" << "2e-1" << 0.2;
    }

    void scientificNotationIsAcceptedInRange()
    {
        QFETCH(QString, key);
        QFETCH(QString, typed);
        QFETCH(double, stored);
        m_panel->setSelection({m_functionId}, {}, {});
        typeAndEnter(m_panel->editor(key), typed);
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->number(key.toStdString()),
                 stored);
        QVERIFY(m_panel->errorText(key).isEmpty());
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void documentRefusalIsShownNextToTheField()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        auto *memory = qobject_cast<NumberField *>(m_panel->editor("memoryMb"));
        const QString error = m_panel->applyNodeParam("memoryMb", 99999.0);
        QVERIFY(!error.isEmpty());
        QVERIFY(m_panel->errorText("memoryMb").contains("10,240"));
        const double stored = m_document->node(m_candidateId, m_functionId)->number("memoryMb");
        QVERIFY(stored != 99999.0);
        QCOMPARE(memory->value(), stored);
    }

    void edgeAndProjectNumbersAreRefusedLikeParameters()
    {
        const QString edgeId =
            m_document->addEdge(m_candidateId, EdgeKind::Api, m_clientId, m_functionId);
        m_document->undoStack()->clear();
        m_panel->setSelection({}, {edgeId}, {});
        const double latencyBefore = m_document->edge(m_candidateId, edgeId)->latencyMs;
        typeAndEnter(m_panel->editor("latencyMs"), "-3");
        QCOMPARE(m_document->edge(m_candidateId, edgeId)->latencyMs, latencyBefore);
        QVERIFY(m_panel->errorText("latencyMs").contains("60000 ms"));
        typeAndEnter(m_panel->editor("perRequest"), "1e9");
        QVERIFY(m_panel->errorText("perRequest").contains("1000"));
        QCOMPARE(m_document->undoStack()->count(), 0);

        m_panel->setSelection({}, {}, {});
        typeAndEnter(m_panel->editor("hoursPerMonth"), "99999");
        QCOMPARE(m_document->project().pricing.hoursPerMonth, 730.0);
        QVERIFY(m_panel->errorText("hoursPerMonth").contains("744 h"));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void edgeAndPricingFieldsRefuseExactlyTheSchemaBounds_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("onEdge");
        for (const ParamSpec &spec : edgeFieldSpecs())
            QTest::newRow(("edge " + spec.key).c_str()) << QString::fromStdString(spec.key) << true;
        for (const ParamSpec &spec : pricingFieldSpecs())
            QTest::newRow(("pricing " + spec.key).c_str())
                << QString::fromStdString(spec.key) << false;
    }

    void edgeAndPricingFieldsRefuseExactlyTheSchemaBounds()
    {
        // The panel edits these fields with the schema's specs (the reader's and the docs'
        // ranges), not with copies of its own: the bounds are accepted, a hair beyond refused.
        QFETCH(QString, key);
        QFETCH(bool, onEdge);
        const ParamSpec *spec = onEdge ? findEdgeFieldSpec(key.toStdString())
                                       : findPricingFieldSpec(key.toStdString());
        QVERIFY(spec);
        QString edgeId;
        if (onEdge) {
            edgeId = m_document->addEdge(m_candidateId, EdgeKind::Api, m_clientId, m_functionId);
            m_panel->setSelection({}, {edgeId}, {});
        }
        auto stored = [&] {
            return onEdge ? m_document->edge(m_candidateId, edgeId)->number(key.toStdString())
                          : m_document->project().pricing.hoursPerMonth;
        };
        auto *field = qobject_cast<NumberField *>(m_panel->editor(key));
        QVERIFY(field);
        QCOMPARE(field->spec().key, spec->key);
        QVERIFY(field->toolTip().startsWith(QString::fromStdString(spec->help)));

        const double beyond = (spec->maximum - spec->minimum) * 1e-6;
        const struct
        {
            double typed;
            double expected;
        } steps[] = {{spec->maximum, spec->maximum},
                     {spec->maximum + beyond, spec->maximum},
                     {spec->minimum, spec->minimum},
                     {spec->minimum - beyond, spec->minimum}};
        for (const auto &step : steps) {
            typeAndEnter(field, QString::number(step.typed, 'g', 12));
            QCOMPARE(stored(), step.expected);
            QCOMPARE(m_panel->errorText(key).isEmpty(), step.typed == step.expected);
        }
    }

    void crossFieldRuleIsRefusedInTheEditor()
    {
        // min replicas above max replicas: a rule of the document, reachable by typing.
        m_panel->setSelection({m_serviceId}, {}, {});
        auto *minReplicas = qobject_cast<NumberField *>(m_panel->editor("minReplicas"));
        typeAndEnter(minReplicas, "50"); // max replicas is 20
        QCOMPARE(m_document->node(m_candidateId, m_serviceId)->number("minReplicas"), 2.0);
        QCOMPARE(m_document->undoStack()->count(), 0);
        QVERIFY(!m_panel->errorText("minReplicas").isEmpty());
        QCOMPARE(minReplicas->value(), 2.0);

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
        QCOMPARE(qobject_cast<NumberField *>(m_panel->editor("coldStartMs"))->value(), 900.0);
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

    /// Issue 10 point 5: a gateway's routes are shares of its requests, in %, with their sum
    /// and a hint when they do not make 100 %; other edges keep "Calls per request".
    void gatewayRoutesAreSharesOfItsRequests()
    {
        const QString gatewayId =
            m_document->addNode(m_candidateId, NodeKind::Gateway, {0, 300}, "API");
        const QString toPay =
            m_document->addEdge(m_candidateId, EdgeKind::Api, gatewayId, m_functionId);
        const QString toShop =
            m_document->addEdge(m_candidateId, EdgeKind::Api, gatewayId, m_serviceId);
        const QString fromClient =
            m_document->addEdge(m_candidateId, EdgeKind::Api, m_clientId, m_functionId);
        // The row's label is the one whose buddy is the field (a ranged field sits inside
        // its range editor, so the form's cell is not the field's parent).
        auto labelOf = [this](const QString &field) {
            QWidget *editor = m_panel->editor(field);
            for (QLabel *label : m_panel->findChildren<QLabel *>())
                if (editor && label->buddy() == editor)
                    return label->text();
            return QString();
        };
        auto sumText = [this] {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // old forms
            auto *sum = m_panel->findChild<QLabel *>(QStringLiteral("routeShareSum"));
            return sum ? sum->text() : QString();
        };

        m_panel->setSelection({}, {fromClient}, {});
        QCOMPARE(labelOf("perRequest"), QStringLiteral("Calls per request"));
        QVERIFY(sumText().isEmpty());

        // The first route got 100 %, the second what was left: 0 %.
        m_panel->setSelection({}, {toShop}, {});
        QCOMPARE(labelOf("perRequest"), QStringLiteral("Share of requests"));
        auto *share = qobject_cast<NumberField *>(m_panel->editor("perRequest"));
        QVERIFY(share);
        QCOMPARE(share->value(), 0.0);
        QVERIFY2(sumText().contains(QStringLiteral("100")), qPrintable(sumText()));
        QVERIFY(!sumText().contains(QStringLiteral("not 100")));

        typeAndEnter(share, "40");
        QCOMPARE(m_document->edge(m_candidateId, toShop)->perRequest, 0.4);
        QVERIFY2(sumText().contains(QStringLiteral("140")), qPrintable(sumText()));
        QVERIFY2(sumText().contains(QStringLiteral("not 100")), qPrintable(sumText()));

        m_panel->setSelection({}, {toPay}, {});
        share = qobject_cast<NumberField *>(m_panel->editor("perRequest"));
        QCOMPARE(share->value(), 100.0);
        typeAndEnter(share, "60");
        QCOMPARE(m_document->edge(m_candidateId, toPay)->perRequest, 0.6);
        QVERIFY2(!sumText().contains(QStringLiteral("not 100")), qPrintable(sumText()));
        // A share above 100 % is refused with its range; the model keeps 60 %.
        typeAndEnter(share, "150");
        QCOMPARE(m_document->edge(m_candidateId, toPay)->perRequest, 0.6);
        QVERIFY(m_panel->errorText("perRequest").contains(QStringLiteral("100")));
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

    // --- ranges (issue 11 point 4) ---------------------------------------------------------

    void rangeIsOneUndoStepAndShownAsHint()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        RangeField *range = m_panel->rangeField("memoryMb");
        QVERIFY(range);
        QVERIFY(range->hint().isEmpty()); // no range: nothing beside the value
        QTest::mouseClick(range->toggleButton(), Qt::LeftButton);
        QVERIFY(range->isExpanded());
        typeAndEnter(range->lowField(), "256");
        typeAndEnter(range->highField(), "1024");
        const Node *node = m_document->node(m_candidateId, m_functionId);
        QCOMPARE(node->ranges.at("memoryMb"), (ParamRange{256, 1024}));
        QCOMPARE(m_document->undoStack()->count(), 2); // low, then high: one step each
        QCOMPARE(m_document->undoStack()->text(1), QString("Set range of Memory of Pay"));
        QCOMPARE(range->hint(), QString("(256–1024 MB)"));
        QVERIFY(range->valueField()->toolTip().contains("256–1024 MB"));

        // Undo restores the first edit's range (low only, high at the value), then none.
        m_document->undoStack()->undo();
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->ranges.at("memoryMb"),
                 (ParamRange{256, 512}));
        QCOMPARE(range->hint(), QString("(256–512 MB)"));
        m_document->undoStack()->undo();
        QVERIFY(m_document->node(m_candidateId, m_functionId)->ranges.empty());
        QVERIFY(range->hint().isEmpty());
    }

    void rangeAroundTheValueIsRequired_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("low above the value") << "low" << "600" << "Low 600 MB is above the value 512 MB";
        QTest::newRow("high below the value") << "high" << "400" << "High 400 MB is below the value 512 MB";
        QTest::newRow("low outside the allowed values") << "low" << "64" << "between 128";
        QTest::newRow("not a number") << "high" << "lots" << "is not a number";
    }

    void rangeAroundTheValueIsRequired()
    {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        QVERIFY(m_document->setNodeRange(m_candidateId, m_functionId, "memoryMb",
                                         ParamRange{256, 1024}).isEmpty());
        m_document->undoStack()->clear();
        m_panel->setSelection({m_functionId}, {}, {});
        RangeField *range = m_panel->rangeField("memoryMb");
        range->setExpanded(true);
        NumberField *edited = field == "low" ? range->lowField() : range->highField();
        typeAndEnter(edited, typed);
        QVERIFY2(range->refusal().contains(reason), qPrintable(range->refusal()));
        // The model keeps its range, the fields show it again.
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->ranges.at("memoryMb"),
                 (ParamRange{256, 1024}));
        QCOMPARE(m_document->undoStack()->count(), 0);
        QCOMPARE(range->lowField()->value(), 256.0);
        QCOMPARE(range->highField()->value(), 1024.0);
        // A good range afterwards clears the refusal.
        typeAndEnter(range->highField(), "2048");
        QVERIFY(range->refusal().isEmpty());
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->ranges.at("memoryMb").high,
                 2048.0);
    }

    void clearingRemovesTheRange()
    {
        QVERIFY(m_document->setNodeRange(m_candidateId, m_functionId, "durationMs",
                                         ParamRange{50, 400}).isEmpty());
        m_document->undoStack()->clear();
        m_panel->setSelection({m_functionId}, {}, {});
        RangeField *range = m_panel->rangeField("durationMs");
        QVERIFY(!range->hint().isEmpty());
        range->setExpanded(true);
        QTest::mouseClick(range->clearButton(), Qt::LeftButton);
        QVERIFY(m_document->node(m_candidateId, m_functionId)->ranges.empty());
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY(range->hint().isEmpty());
        m_document->undoStack()->undo();
        QCOMPARE(m_document->node(m_candidateId, m_functionId)->ranges.at("durationMs"),
                 (ParamRange{50, 400}));
    }

    void onlyQuantitiesTakeARange()
    {
        m_panel->setSelection({m_functionId}, {}, {});
        QVERIFY(m_panel->rangeField("memoryMb"));
        QVERIFY(!m_panel->rangeField("architecture")); // a choice
    }

    void edgeRangeHasItsOwnUndoText()
    {
        const QString edgeId =
            m_document->addEdge(m_candidateId, EdgeKind::Api, m_clientId, m_functionId);
        m_document->undoStack()->clear();
        m_panel->setSelection({}, {edgeId}, {});
        RangeField *range = m_panel->rangeField("latencyMs");
        QVERIFY(range);
        range->setExpanded(true);
        const double latencyMs = m_document->edge(m_candidateId, edgeId)->latencyMs;
        typeAndEnter(range->highField(), "40");
        QCOMPARE(m_document->edge(m_candidateId, edgeId)->ranges.at("latencyMs"),
                 (ParamRange{latencyMs, 40}));
        QCOMPARE(m_document->undoStack()->text(0),
                 QString("Set range of Latency of Web → Pay"));
        QCOMPARE(range->hint(), QString("(%1–40 ms)").arg(latencyMs));
    }
};

QTEST_MAIN(TestPropertyPanel)
#include "tst_propertypanel.moc"
