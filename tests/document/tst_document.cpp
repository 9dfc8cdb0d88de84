// The document is the one write path: every edit is one undo step, emits its signal, and
// undo/redo restore the project exactly.
#include "Document.h"
#include "domain/ParamSchema.h"
#include "io/ProjectJson.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <random>

using namespace skyline;

class TestDocument : public QObject
{
    Q_OBJECT

private:
    static QString firstCandidate(const Document &doc)
    {
        return toQ(doc.project().candidates.front().id);
    }

    /// Every undo step and every redo step is exact.
    static void checkUndoRedo(Document &doc, const Project &before)
    {
        const Project after = doc.project();
        doc.undoStack()->undo();
        QVERIFY(doc.project() == before);
        doc.undoStack()->redo();
        QVERIFY(doc.project() == after);
    }

private slots:
    void addNodeIsOneUndoStepWithSignal()
    {
        Document doc;
        const Project before = doc.project();
        QSignalSpy added(&doc, &Document::nodeAdded);
        QSignalSpy changed(&doc, &Document::projectChanged);
        const QString id = doc.addNode(firstCandidate(doc), NodeKind::Function, {100, 50});
        QVERIFY(!id.isEmpty());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(1).toString(), id);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.isModified());
        const Node *n = doc.node(firstCandidate(doc), id);
        QVERIFY(n);
        QCOMPARE(n->number("memoryMb"), 512.0); // schema default
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add function"));
        QSignalSpy removed(&doc, &Document::nodeRemoved);
        checkUndoRedo(doc, before);
        QCOMPARE(removed.count(), 1);
    }

    /// The Document refuses an edit that breaks a rule of model/domain/Validation with the
    /// rule's own words (the ones the file reader reports), and stores nothing.
    void editBreakingARuleIsRefusedInTheReadersWords_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("message");
        QTest::newRow("min replicas above max")
            << "minReplicas" << "Max replicas must be at least Min replicas (30 replicas).";
        QTest::newRow("provisioned above the limit")
            << "provisionedConcurrency"
            << "Provisioned concurrency must not exceed Concurrency limit (1,000 instances).";
        QTest::newRow("negative calls per request")
            << "perRequest" << "Calls per request must be between 0 and 1,000.";
        QTest::newRow("edge latency of two minutes")
            << "latencyMs" << "Latency must be between 0 and 60,000 ms.";
        QTest::newRow("office hours close before they open")
            << "endHour" << "Closes must be later than Opens (9 h).";
        QTest::newRow("a node calling itself")
            << "self" << "An edge cannot connect a node to itself.";
    }

    void editBreakingARuleIsRefusedInTheReadersWords()
    {
        QFETCH(QString, edit);
        QFETCH(QString, message);
        Document doc;
        const QString c = firstCandidate(doc);
        const QString service = doc.addNode(c, NodeKind::Service, {0, 0});
        const QString function = doc.addNode(c, NodeKind::Function, {200, 0});
        const QString edgeId = doc.addEdge(c, EdgeKind::Api, service, function);
        QVERIFY(!edgeId.isEmpty());
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        QString why;
        if (edit == "minReplicas") {
            why = doc.setNodeParam(c, service, edit, 30.0);
        } else if (edit == "provisionedConcurrency") {
            why = doc.setNodeParam(c, function, edit, 1001.0);
        } else if (edit == "perRequest" || edit == "latencyMs") {
            Edge e = *doc.edge(c, edgeId);
            (edit == "perRequest" ? e.perRequest : e.latencyMs) =
                edit == "perRequest" ? -1.0 : 120000.0;
            why = doc.setEdge(c, e);
        } else if (edit == "endHour") {
            const QString w = doc.addWorkload(WorkloadShape::BusinessHours, "Office");
            Workload changed = *doc.workload(w);
            changed.params["endHour"] = 8.0;
            const Project withWorkload = doc.project();
            why = doc.setWorkload(changed);
            QCOMPARE(why, message);
            QVERIFY(doc.project() == withWorkload);
            return;
        } else if (edit == "self") {
            doc.addEdge(c, EdgeKind::Api, function, function, &why);
        }
        QCOMPARE(why, message);
        QVERIFY(doc.project() == before);
        QCOMPARE(doc.undoStack()->count(), steps);
    }

    void invalidParamIsRefusedAndNotStored_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("memory ok") << "memoryMb" << 1024.0 << true;
        QTest::newRow("memory negative") << "memoryMb" << -512.0 << false;
        QTest::newRow("memory too large") << "memoryMb" << 20000.0 << false;
        QTest::newRow("memory fractional") << "memoryMb" << 512.5 << false;
        QTest::newRow("keep-alive zero") << "keepAliveS" << 0.0 << false;
        QTest::newRow("provisioned over limit") << "provisionedConcurrency" << 5000.0 << false;
        QTest::newRow("unknown key") << "colour" << 1.0 << false;
    }

    void invalidParamIsRefusedAndNotStored()
    {
        QFETCH(QString, key);
        QFETCH(double, value);
        QFETCH(bool, accepted);
        Document doc;
        const QString c = firstCandidate(doc);
        const QString id = doc.addNode(c, NodeKind::Function, {0, 0});
        const Project before = doc.project();
        const QString error = doc.setNodeParam(c, id, key, value);
        QCOMPARE(error.isEmpty(), accepted);
        if (accepted) {
            QCOMPARE(doc.node(c, id)->number(toStd(key)), value);
            QCOMPARE(doc.undoStack()->count(), 2);
            checkUndoRedo(doc, before);
        } else {
            QVERIFY(doc.project() == before);
            QCOMPARE(doc.undoStack()->count(), 1);
        }
    }

    void deletingANodeRemovesItsEdgesInOneStep()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString a = doc.addNode(c, NodeKind::Client, {0, 0});
        const QString b = doc.addNode(c, NodeKind::Function, {200, 0});
        const QString d = doc.addNode(c, NodeKind::Datastore, {400, 0});
        QVERIFY(!doc.addEdge(c, EdgeKind::Api, a, b).isEmpty());
        QVERIFY(!doc.addEdge(c, EdgeKind::Api, b, d).isEmpty());
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        QSignalSpy edgeRemoved(&doc, &Document::edgeRemoved);
        doc.removeNodes(c, {b});
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(edgeRemoved.count(), 2);
        QCOMPARE(doc.candidate(c)->edges.size(), size_t(0));
        QCOMPARE(doc.candidate(c)->nodes.size(), size_t(2));
        checkUndoRedo(doc, before);
    }

    void refusedConnections_data()
    {
        QTest::addColumn<int>("fromIndex");
        QTest::addColumn<int>("toIndex");
        QTest::newRow("to itself") << 1 << 1;
        QTest::newRow("into a client") << 1 << 0;
    }

    void refusedConnections()
    {
        QFETCH(int, fromIndex);
        QFETCH(int, toIndex);
        Document doc;
        const QString c = firstCandidate(doc);
        const QStringList ids = {doc.addNode(c, NodeKind::Client, {0, 0}),
                                 doc.addNode(c, NodeKind::Function, {200, 0})};
        QString error;
        QVERIFY(doc.addEdge(c, EdgeKind::Api, ids[fromIndex], ids[toIndex], &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(doc.candidate(c)->edges.empty());
    }

    void moveIntoAndOutOfAContext()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString n = doc.addNode(c, NodeKind::Service, {50, 50});
        const QString x = doc.addContext(c, "Ordering", {200, 0, 300, 200});
        QVERIFY(doc.node(c, n)->context.empty());
        doc.moveNodes(c, {{n, PointF{300, 100}}});
        QCOMPARE(toQ(doc.node(c, n)->context), x);
        // Moving the box carries its nodes.
        doc.setContextRect(c, x, {250, 50, 300, 200});
        QCOMPARE(doc.node(c, n)->pos, (PointF{350, 150}));
        QCOMPARE(toQ(doc.node(c, n)->context), x);
        doc.moveNodes(c, {{n, PointF{0, 400}}});
        QVERIFY(doc.node(c, n)->context.empty());
        doc.undoStack()->undo();
        QCOMPARE(toQ(doc.node(c, n)->context), x);
    }

    void removingAContextKeepsItsNodes()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString n = doc.addNode(c, NodeKind::Service, {50, 50});
        const QString x = doc.addContext(c, "Ordering", {0, 0, 300, 200});
        QCOMPARE(toQ(doc.node(c, n)->context), x);
        const Project before = doc.project();
        doc.removeContext(c, x);
        QVERIFY(doc.node(c, n));
        QVERIFY(doc.node(c, n)->context.empty());
        QVERIFY(doc.candidate(c)->contexts.empty());
        checkUndoRedo(doc, before);
        QVERIFY(validateProject(doc.project()).empty());
    }

    void eachMoveGestureIsItsOwnStep()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString n = doc.addNode(c, NodeKind::Service, {0, 0});
        const QString m = doc.addNode(c, NodeKind::Service, {100, 0});
        doc.moveNodes(c, {{n, PointF{10, 0}}, {m, PointF{110, 0}}});
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Move 2 node(s)"));
        doc.moveNodes(c, {{n, PointF{20, 0}}});
        QCOMPARE(doc.undoStack()->count(), 4);
        doc.undoStack()->undo();
        QCOMPARE(doc.node(c, n)->pos, (PointF{10, 0}));
        doc.undoStack()->undo();
        QCOMPARE(doc.node(c, n)->pos, (PointF{0, 0}));
        QCOMPARE(doc.node(c, m)->pos, (PointF{100, 0}));
    }

    void candidatesAddRenameDuplicateDelete()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString a = doc.addNode(c, NodeKind::Client, {0, 0});
        const QString f = doc.addNode(c, NodeKind::Function, {200, 0});
        doc.addEdge(c, EdgeKind::Api, a, f);
        doc.addContext(c, "Edge", {-100, -100, 500, 300});
        const Project before = doc.project();
        const QString copy = doc.duplicateCandidate(c);
        QVERIFY(!copy.isEmpty() && copy != c);
        const Candidate *dup = doc.candidate(copy);
        QVERIFY(dup);
        QCOMPARE(dup->nodes.size(), size_t(2));
        QCOMPARE(dup->edges.size(), size_t(1));
        QVERIFY(dup->nodes[0].id != toStd(a));
        QCOMPARE(dup->edges[0].from, dup->nodes[0].id);
        QCOMPARE(dup->nodes[0].context, dup->contexts[0].id);
        QVERIFY(validateProject(doc.project()).empty());
        checkUndoRedo(doc, before);
        doc.renameCandidate(copy, "Microservices");
        QCOMPARE(doc.candidate(copy)->name, std::string("Microservices"));
        doc.removeCandidate(copy);
        QVERIFY(!doc.candidate(copy));
        doc.undoStack()->undo();
        QCOMPARE(doc.candidate(copy)->name, std::string("Microservices"));
    }

    /// Issue 11 point 4: a range is one undo step through the Document, refused in the
    /// reader's words when low is above the value or the parameter is not numeric.
    void nodeRangeIsOneUndoStep()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString f = doc.addNode(c, NodeKind::Function, {0, 0}, "Resize");
        QVERIFY(doc.setNodeParam(c, f, "durationMs", 120.0).isEmpty());
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        QSignalSpy changed(&doc, &Document::nodeChanged);
        QVERIFY(doc.setNodeRange(c, f, "durationMs", ParamRange{80, 200}).isEmpty());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.node(c, f)->ranges.at("durationMs"), (ParamRange{80, 200}));
        checkUndoRedo(doc, before);
        QVERIFY(doc.setNodeRange(c, f, "durationMs", std::nullopt).isEmpty());
        QVERIFY(doc.node(c, f)->ranges.empty());

        const Project unchanged = doc.project();
        QCOMPARE(doc.setNodeRange(c, f, "durationMs", ParamRange{150, 200}),
                 QString("Run time range low 150 must not be above the value 120."));
        QCOMPARE(doc.setNodeRange(c, f, "runtime", ParamRange{1, 2}),
                 QString("Runtime range only numeric parameters can have a range."));
        QVERIFY(!doc.setNodeRange(c, f, "coldStartMs", ParamRange{-5, 500}).isEmpty());
        QVERIFY(doc.project() == unchanged); // nothing written
        // A value moved outside its range is refused too.
        QVERIFY(doc.setNodeRange(c, f, "durationMs", ParamRange{80, 200}).isEmpty());
        QVERIFY(!doc.setNodeParam(c, f, "durationMs", 300.0).isEmpty());
        QCOMPARE(doc.node(c, f)->number("durationMs"), 120.0);
    }

    void convertServiceToFunctionAndBack()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString gw = doc.addNode(c, NodeKind::Gateway, {0, 0});
        const QString s = doc.addNode(c, NodeKind::Service, {200, 0}, "Catalog");
        doc.addEdge(c, EdgeKind::Api, gw, s);
        QVERIFY(doc.setNodeParam(c, s, "serviceTimeMs", 45.0).isEmpty());
        QVERIFY(doc.setNodeParam(c, s, "memoryGb", 2.0).isEmpty());
        QVERIFY(doc.setNodeParam(c, s, "runtime", std::string("go")).isEmpty());
        const Project before = doc.project();
        QSignalSpy changed(&doc, &Document::nodeChanged);
        QVERIFY(doc.convertNode(c, s).isEmpty());
        QCOMPARE(changed.count(), 1);
        const Node *f = doc.node(c, s);
        QCOMPARE(f->kind, NodeKind::Function);
        QCOMPARE(f->name, std::string("Catalog"));
        QCOMPARE(f->number("durationMs"), 45.0);
        QCOMPARE(f->number("memoryMb"), 2048.0);
        QCOMPARE(f->text("runtime"), std::string("go"));
        QCOMPARE(f->number("concurrencyLimit"), 20.0 * 8.0); // maxReplicas x workers
        QCOMPARE(doc.candidate(c)->edges.size(), size_t(1)); // connections stay
        QVERIFY(validateProject(doc.project()).empty());
        checkUndoRedo(doc, before);
        QVERIFY(doc.convertNode(c, s).isEmpty()); // and back
        const Node *back = doc.node(c, s);
        QCOMPARE(back->kind, NodeKind::Service);
        QCOMPARE(back->number("serviceTimeMs"), 45.0);
        QCOMPARE(back->number("memoryGb"), 2.0);
        QVERIFY(validateProject(doc.project()).empty());
        QVERIFY(!doc.convertNode(c, gw).isEmpty()); // gateways do not convert
    }

    /// A gesture that makes several edits (a drag moving boxes and nodes) is one undo step
    /// through the Document: later edits see the earlier ones, undo and redo are exact, the
    /// step has the group's text, and the project is announced changed once.
    void groupedEditsAreOneUndoStep()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString box = doc.addContext(c, "Box", {0, 0, 300, 200});
        const QString inside = doc.addNode(c, NodeKind::Function, {50, 50});
        const QString outside = doc.addNode(c, NodeKind::Service, {600, 50});
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        QSignalSpy changed(&doc, &Document::projectChanged);
        QString added;
        {
            const EditGroup group(&doc, "Move 2 item(s)");
            doc.setContextRect(c, box, {100, 0, 300, 200}); // carries `inside` along
            doc.moveNodes(c, {{outside, {700, 50}}});
            // An edit in the group sees the earlier ones.
            QCOMPARE(doc.node(c, inside)->pos.x, 150.0);
            added = doc.addNode(c, NodeKind::Queue, {800, 50});
            doc.renameNode(c, added, "Orders");
            QCOMPARE(doc.node(c, added)->name, std::string("Orders"));
            QCOMPARE(doc.undoStack()->count(), steps); // nothing pushed while open
        }
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Move 2 item(s)"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(doc.node(c, outside)->pos.x, 700.0);
        QVERIFY(doc.node(c, added));
        checkUndoRedo(doc, before);
        doc.undoStack()->undo();
        QVERIFY(!doc.node(c, added));
        QCOMPARE(doc.node(c, inside)->pos.x, 50.0);
    }

    void groupOfOneEditKeepsItsTextAndEmptyGroupLeavesNoStep()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString n = doc.addNode(c, NodeKind::Function, {0, 0});
        const int steps = doc.undoStack()->count();
        {
            const EditGroup outer(&doc, "Move 1 item(s)");
            const EditGroup inner(&doc, "inner text is not used");
            doc.moveNodes(c, {{n, {40, 0}}});
        }
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Move 1 node(s)"));
        {
            const EditGroup nothing(&doc, "Move 0 item(s)");
            doc.moveNodes(c, {{n, {40, 0}}}); // no change: no edit
        }
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.beginGroup("Two edits");
        doc.renameNode(c, n, "A");
        doc.beginGroup("nested");
        doc.renameNode(c, n, "B");
        doc.endGroup();
        QCOMPARE(doc.undoStack()->count(), steps + 1); // the outer group is still open
        doc.endGroup();
        QCOMPARE(doc.undoStack()->count(), steps + 2);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Two edits"));
        doc.undoStack()->undo();
        QCOMPARE(doc.node(c, n)->pos.x, 40.0);
        QVERIFY(doc.node(c, n)->name != "A" && doc.node(c, n)->name != "B");
    }

    void unsavedResetStaysModifiedWithoutUndoSteps()
    {
        Document doc;
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        doc.resetProject(Document::newProject(), {}, true);
        QVERIFY(doc.isModified());
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(modified.last().at(0).toBool(), true);
        doc.resetProject(Document::newProject());
        QVERIFY(!doc.isModified());
    }

    /// A gateway's routes are shares of its requests: a new route gets what the others leave
    /// (issue 10.5), other edges still start at one call per request.
    void newGatewayRouteGetsTheShareLeftOver()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString gw = doc.addNode(c, NodeKind::Gateway, {0, 0});
        const QString a = doc.addNode(c, NodeKind::Function, {200, 0});
        const QString b = doc.addNode(c, NodeKind::Function, {200, 100});
        const QString d = doc.addNode(c, NodeKind::Function, {200, 200});
        const QString first = doc.addEdge(c, EdgeKind::Api, gw, a);
        QCOMPARE(doc.edge(c, first)->perRequest, 1.0); // the only route takes every request
        Edge most = *doc.edge(c, first);
        most.perRequest = 0.7;
        QVERIFY(doc.setEdge(c, most).isEmpty());
        const QString second = doc.addEdge(c, EdgeKind::Api, gw, b);
        QVERIFY(qAbs(doc.edge(c, second)->perRequest - 0.3) < 1e-12);
        const QString third = doc.addEdge(c, EdgeKind::Api, gw, d);
        QCOMPARE(doc.edge(c, third)->perRequest, 0.0); // nothing left
        const QString call = doc.addEdge(c, EdgeKind::Api, a, b);
        QCOMPARE(doc.edge(c, call)->perRequest, 1.0); // not a route
    }

    /// Converting says what it assumed: vCPU from memory at 1,769 MB per vCPU and workers per
    /// replica from the CPU-bound share (issue 10.4).
    void convertUndoTextSaysWhatItAssumed()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString f = doc.addNode(c, NodeKind::Function, {0, 0}, "Resize");
        QVERIFY(doc.setNodeParam(c, f, "memoryMb", 2240.0).isEmpty());
        QVERIFY(doc.setNodeParam(c, f, "cpuBoundShare", 1.0).isEmpty());
        QVERIFY(doc.setNodeParam(c, f, "durationMs", 1500.0).isEmpty());
        QVERIFY(doc.convertNode(c, f).isEmpty());
        const QString text = doc.undoStack()->undoText();
        QVERIFY2(text.contains("1.25 vCPU") && text.contains("1 worker per replica") &&
                     text.contains("100 % CPU-bound") && text.contains("MB per vCPU"),
                 qPrintable(text));
        QCOMPARE(doc.node(c, f)->number("concurrencyPerReplica"), 1.0);
    }

    void workloadInUseCannotBeRemoved()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString client = doc.addNode(c, NodeKind::Client, {0, 0});
        const QString w = toQ(doc.node(c, client)->workload);
        QVERIFY(!w.isEmpty());
        QVERIFY(!doc.removeWorkload(w).isEmpty());
        QVERIFY(doc.workload(w));
        const QString other = doc.addWorkload(WorkloadShape::Constant, "Flat");
        QVERIFY(doc.removeWorkload(other).isEmpty());
        QVERIFY(!doc.workload(other));
    }

    void workloadEditsAreValidated()
    {
        Document doc;
        Workload w = doc.project().workloads.front();
        w.params["peakRps"] = -4.0;
        QVERIFY(!doc.setWorkload(w).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 0);
        w.params["peakRps"] = 400.0;
        QVERIFY(doc.setWorkload(w).isEmpty());
        QCOMPARE(doc.project().workloads.front().number("peakRps"), 400.0);
    }

    void copyPasteWithinAndAcrossCandidates()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        const QString a = doc.addNode(c, NodeKind::Gateway, {0, 0});
        const QString b = doc.addNode(c, NodeKind::Function, {200, 0});
        const QString lone = doc.addNode(c, NodeKind::Queue, {400, 0});
        doc.addEdge(c, EdgeKind::Api, a, b);
        doc.addEdge(c, EdgeKind::Event, b, lone);
        const QByteArray fragment = doc.copyFragment(c, {a, b});
        const QStringList pasted = doc.pasteFragment(c, fragment, {20, 20});
        QCOMPARE(pasted.size(), 2);
        QCOMPARE(doc.candidate(c)->nodes.size(), size_t(5));
        QCOMPARE(doc.candidate(c)->edges.size(), size_t(3)); // only the edge among the copied
        QCOMPARE(doc.node(c, pasted[0])->pos, (PointF{20, 20}));
        const QString other = doc.addCandidate("Other");
        QCOMPARE(doc.pasteFragment(other, fragment, {0, 0}).size(), 2);
        QCOMPARE(doc.candidate(other)->edges.size(), size_t(1));
        QVERIFY(validateProject(doc.project()).empty());
        QString error;
        QVERIFY(doc.pasteFragment(c, "not json", {0, 0}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    /// Pasting 2,000 nodes (and the 1,999 edges among them) into the candidate they came
    /// from: every id is fresh, the edges follow, one undo step undoes it all. (Ids are renamed
    /// in one pass: the old per-node search of the whole project took seconds here.)
    void pasteOfTwoThousandNodesIsOneStep()
    {
        Document doc;
        const QString c = firstCandidate(doc);
        Project p = doc.project();
        Candidate &chain = p.candidates.front();
        for (int i = 1; i <= 2000; ++i) {
            chain.nodes.push_back(makeDefaultNode(NodeKind::Function, "n" + std::to_string(i),
                                                  "F", {double(i), 0}));
            if (i > 1)
                chain.edges.push_back(Edge{"e" + std::to_string(i - 1), EdgeKind::Api,
                                           "n" + std::to_string(i - 1), "n" + std::to_string(i),
                                           1, 1, false, false});
        }
        doc.resetProject(p);
        QStringList all;
        for (const Node &n : chain.nodes)
            all << toQ(n.id);
        const Project before = doc.project();
        const QStringList pasted = doc.pasteFragment(c, doc.copyFragment(c, all), {0, 100});
        QCOMPARE(pasted.size(), 2000);
        QCOMPARE(pasted.first(), QStringLiteral("n2001"));
        QCOMPARE(pasted.last(), QStringLiteral("n4000"));
        const Candidate *after = doc.candidate(c);
        QCOMPARE(after->nodes.size(), size_t(4000));
        QCOMPARE(after->edges.size(), size_t(3998));
        QCOMPARE(after->edges.back().from, std::string("n3999"));
        QCOMPARE(after->edges.back().to, std::string("n4000"));
        QVERIFY(validateProject(doc.project()).empty()); // ids unique, every end exists
        QCOMPARE(doc.undoStack()->count(), 1);
        checkUndoRedo(doc, before);
    }

    void saveLoadRoundTripAndModifiedState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("p.skyline");
        Document doc;
        const QString c = firstCandidate(doc);
        doc.addNode(c, NodeKind::Service, {10, 20});
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        QString error;
        QVERIFY2(doc.save(path, &error), qPrintable(error));
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 1);
        Document other;
        QVERIFY2(other.load(path, &error), qPrintable(error));
        QVERIFY(other.project() == doc.project());
        QCOMPARE(other.undoStack()->count(), 0);
        QCOMPARE(other.filePath(), path);
    }

    void failedLoadKeepsTheOpenDocument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.skyline");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":"skyline","version":1,"candidates":[{"id":"c","nodes":[)"
                   R"({"id":"n","kind":"function","pos":[0,0],"params":{"memoryMb":"big"}}]}]})");
        file.close();
        Document doc;
        doc.addNode(firstCandidate(doc), NodeKind::Service, {0, 0});
        const Project before = doc.project();
        QString error;
        QVERIFY(!doc.load(path, &error));
        QVERIFY2(error.contains("/candidates/0/nodes/0/params/memoryMb"), qPrintable(error));
        QVERIFY(doc.project() == before);
        QCOMPARE(doc.undoStack()->count(), 1);
    }

    void randomEditsUndoneToTheStart()
    {
        Document doc;
        const Project start = doc.project();
        std::mt19937 rng(12345);
        auto pick = [&](int n) { return int(rng() % unsigned(std::max(n, 1))); };
        std::vector<Project> history{doc.project()};
        for (int step = 0; step < 500; ++step) {
            const Project &p = doc.project();
            const Candidate &cand = p.candidates[size_t(pick(int(p.candidates.size())))];
            const QString c = toQ(cand.id);
            auto randomNode = [&]() {
                return cand.nodes.empty() ? QString()
                                          : toQ(cand.nodes[size_t(pick(int(cand.nodes.size())))].id);
            };
            const int before = doc.undoStack()->index();
            switch (pick(12)) {
            case 0:
            case 1:
                doc.addNode(c, allNodeKinds[size_t(pick(6))], {double(pick(800)), double(pick(600))});
                break;
            case 2:
                doc.addEdge(c, pick(2) ? EdgeKind::Api : EdgeKind::Event, randomNode(), randomNode());
                break;
            case 3:
                doc.moveNodes(c, {{randomNode(), PointF{double(pick(900)), double(pick(700))}}});
                break;
            case 4:
                doc.removeNodes(c, {randomNode()});
                break;
            case 5:
                if (const Node *n = doc.node(c, randomNode()); n && !nodeParamSpecs(n->kind).empty()) {
                    const auto &specs = nodeParamSpecs(n->kind);
                    const ParamSpec &spec = specs[size_t(pick(int(specs.size())))];
                    if (spec.type == ParamType::Number || spec.type == ParamType::Integer)
                        doc.setNodeParam(c, toQ(n->id), toQ(spec.key),
                                         double(pick(int(std::min(spec.maximum, 5000.0)) + 1)));
                }
                break;
            case 6:
                doc.addContext(c, "Ctx", {double(pick(500)), double(pick(500)), 300, 200});
                break;
            case 7:
                if (!cand.contexts.empty())
                    doc.setContextRect(c, toQ(cand.contexts[0].id),
                                       {double(pick(500)), double(pick(500)), 250, 250});
                break;
            case 8:
                if (pick(4) == 0)
                    doc.duplicateCandidate(c);
                else
                    doc.renameNode(c, randomNode(), QString("N%1").arg(step));
                break;
            case 9:
                doc.pasteFragment(c, doc.copyFragment(c, {randomNode(), randomNode()}), {30, 30});
                break;
            case 10:
                if (!cand.edges.empty()) {
                    Edge e = cand.edges[size_t(pick(int(cand.edges.size())))];
                    e.perRequest = pick(30) / 10.0;
                    e.parallel = pick(2);
                    doc.setEdge(c, e);
                }
                break;
            case 11:
                if (!cand.contexts.empty())
                    doc.removeContext(c, toQ(cand.contexts[0].id));
                break;
            }
            QVERIFY2(validateProject(doc.project()).empty(), "an edit produced an invalid project");
            if (doc.undoStack()->index() != before)
                history.push_back(doc.project());
            else
                history.back() = doc.project(); // merged move
        }
        QVERIFY(doc.undoStack()->count() > 100);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(doc.project() == start);
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QVERIFY(doc.project() == history.back());
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
