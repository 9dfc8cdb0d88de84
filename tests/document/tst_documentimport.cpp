// Document::addImportedCandidate: an imported candidate and the workloads its clients use
// arrive in one undo step; ids that clash with the open project get fresh ones (and the caller
// learns them); undo removes everything, redo restores it identically.
#include "Document.h"
#include "io/ProjectJson.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace skyline;

namespace {

/// What an importer hands over: a client on an entry workload, a service, a datastore in a
/// context, and one workload no client uses. Ids as a fresh project would number them.
struct Imported
{
    Candidate candidate;
    std::vector<Workload> workloads;
};

Imported importedShop()
{
    Imported in;
    in.workloads.push_back(makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Web traffic"));
    in.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w2", "Unused"));
    Candidate &c = in.candidate;
    c.id = "c1";
    c.name = "docker-compose.yaml";
    c.contexts.push_back({"x1", "backend", {300, 0, 400, 200}});
    Node client = makeDefaultNode(NodeKind::Client, "n1", "web clients", {0, 0});
    client.workload = "w1";
    c.nodes.push_back(client);
    Node api = makeDefaultNode(NodeKind::Service, "n2", "api", {350, 50});
    api.context = "x1";
    c.nodes.push_back(api);
    Node db = makeDefaultNode(NodeKind::Datastore, "n3", "postgres", {550, 50});
    db.context = "x1";
    c.nodes.push_back(db);
    c.edges.push_back({"e1", EdgeKind::Api, "n1", "n2"});
    c.edges.push_back({"e2", EdgeKind::Api, "n2", "n3"});
    return in;
}

} // namespace

class TestDocumentImport : public QObject
{
    Q_OBJECT

private slots:
    void oneUndoStepWithSignals_data()
    {
        QTest::addColumn<int>("existingNodes"); // nodes drawn before importing (ids n1, n2 ...)
        QTest::newRow("empty project") << 0;
        QTest::newRow("project whose ids clash") << 3;
    }

    void oneUndoStepWithSignals()
    {
        QFETCH(int, existingNodes);
        Document doc;
        const QString first = toQ(doc.project().candidates.front().id);
        for (int i = 0; i < existingNodes; ++i)
            doc.addNode(first, NodeKind::Function, {100.0 * i, 0});
        doc.undoStack()->clear();
        const Project before = doc.project();
        const Imported in = importedShop();

        QSignalSpy candidates(&doc, &Document::candidateAdded);
        QSignalSpy workloads(&doc, &Document::workloadAdded);
        QSignalSpy changed(&doc, &Document::projectChanged);
        std::map<std::string, std::string> renamed;
        const QString id = doc.addImportedCandidate(in.candidate, in.workloads, &renamed);

        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(candidates.count(), 1);
        QCOMPARE(candidates.at(0).at(0).toString(), id);
        QCOMPARE(workloads.count(), 1); // only the one a client uses
        QCOMPARE(changed.count(), 1);
        QVERIFY(doc.undoStack()->undoText().contains(QStringLiteral("docker-compose.yaml")));
        const std::vector<Problem> problems = validateProject(doc.project());
        QVERIFY2(problems.empty(), problems.empty() ? "" : describe(problems.front()).c_str());

        // The project kept what it had; the new candidate is the last tab, with a fresh id.
        QCOMPARE(doc.project().candidates.size(), before.candidates.size() + 1);
        QVERIFY(doc.project().candidates.front() == before.candidates.front());
        QCOMPARE(toQ(doc.project().candidates.back().id), id);
        QVERIFY(id != first);
        QCOMPARE(renamed.at("c1"), toStd(id));

        // Each entity is there under its (possibly renamed) id, wired as imported.
        const Candidate &added = doc.project().candidates.back();
        auto now = [&](const std::string &old) {
            return renamed.count(old) ? renamed.at(old) : old;
        };
        QCOMPARE(added.nodes.size(), size_t(3));
        QCOMPARE(added.findNode(now("n3"))->name, std::string("postgres"));
        QCOMPARE(added.findNode(now("n3"))->context, now("x1"));
        QCOMPARE(added.findEdge(now("e2"))->from, now("n2"));
        QCOMPARE(added.findEdge(now("e2"))->to, now("n3"));
        const Workload *traffic = doc.project().findWorkload(added.findNode(now("n1"))->workload);
        QVERIFY(traffic);
        QCOMPARE(traffic->name, std::string("Web traffic"));
        QVERIFY(traffic->shape == WorkloadShape::Diurnal);
        QCOMPARE(renamed.count("n1"), size_t(existingNodes >= 1 ? 1 : 0));
        QCOMPARE(renamed.count("w1"), size_t(1)); // a new project has workload w1 already
        for (const auto &[old, fresh] : renamed)
            QVERIFY2(old != fresh, old.c_str());

        // One undo removes all of it, one redo brings back the identical project.
        const Project after = doc.project();
        QSignalSpy removedCandidates(&doc, &Document::candidateRemoved);
        QSignalSpy removedWorkloads(&doc, &Document::workloadRemoved);
        doc.undoStack()->undo();
        QVERIFY(doc.project() == before);
        QCOMPARE(removedCandidates.count(), 1);
        QCOMPARE(removedWorkloads.count(), 1);
        doc.undoStack()->redo();
        QVERIFY(doc.project() == after);
        QCOMPARE(candidates.count(), 2);
    }

    void idsThatDoNotClashAreKept()
    {
        Document doc;
        Project empty;
        empty.name = "Empty";
        doc.resetProject(empty);
        const Imported in = importedShop();
        std::map<std::string, std::string> renamed;
        const QString id = doc.addImportedCandidate(in.candidate, in.workloads, &renamed);
        QCOMPARE(id, QStringLiteral("c1"));
        QVERIFY(renamed.empty());
        QVERIFY(doc.project().candidates.front() == in.candidate);
        QCOMPARE(doc.project().workloads.size(), size_t(1));
        QVERIFY(doc.project().workloads.front() == in.workloads.front());
    }
};

QTEST_MAIN(TestDocumentImport)
#include "tst_documentimport.moc"
