// The user documentation of the file format (docs/file-format.md) cannot drift from the code:
// its parameter reference is exactly what the schema generates, every key Save writes in the
// examples is documented, and the documented example reads without a problem.
//
// After changing model/domain/ParamSchema.cpp, regenerate the reference with
//   SKYLINE_UPDATE_DOCS=1 build/bin/tst_formatdocs
#include "domain/ParamSchema.h"
#include "io/ProjectJson.h"
#include "domain/NumberText.h"
#include "io/SchemaReference.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace skyline;

namespace {

std::string sourcePath(const std::string &relative)
{
    return std::string(SKYLINE_SOURCE_DIR) + "/" + relative;
}

std::string readWholeFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The text between the two markers (without them), or nullopt when a marker is missing.
std::optional<std::string> generatedSection(const std::string &doc)
{
    const auto begin = doc.find(schemaReferenceBegin);
    const auto end = doc.find(schemaReferenceEnd);
    if (begin == std::string::npos || end == std::string::npos || end < begin)
        return std::nullopt;
    const auto from = begin + std::string(schemaReferenceBegin).size() + 1;
    return doc.substr(from, end - from);
}

void collectKeys(const OrderedJson &json, const std::string &parentKey, std::set<std::string> &keys)
{
    if (json.is_object()) {
        for (const auto &[key, value] : json.items()) {
            // Pricing overrides are keyed by catalog entry, not by the format.
            if (parentKey != "overrides")
                keys.insert(key);
            collectKeys(value, key, keys);
        }
    } else if (json.is_array()) {
        for (const auto &item : json)
            collectKeys(item, parentKey, keys);
    }
}

} // namespace

class TestFormatDocs : public QObject
{
    Q_OBJECT

private:
    const std::string m_docPath = sourcePath("docs/file-format.md");

private slots:
    void parameterReferenceIsWhatTheSchemaGenerates()
    {
        std::string doc = readWholeFile(m_docPath);
        QVERIFY2(!doc.empty(), m_docPath.c_str());
        const auto section = generatedSection(doc);
        QVERIFY2(section, "docs/file-format.md lacks the parameter reference markers");
        const std::string generated = schemaReferenceMarkdown();
        if (qEnvironmentVariableIsSet("SKYLINE_UPDATE_DOCS") && *section != generated) {
            const auto from = doc.find(schemaReferenceBegin) +
                              std::string(schemaReferenceBegin).size() + 1;
            doc.replace(from, section->size(), generated);
            std::ofstream(m_docPath, std::ios::binary) << doc;
            qInfo("docs/file-format.md: parameter reference regenerated");
            return;
        }
        QVERIFY2(*section == generated,
                 "docs/file-format.md's parameter reference differs from the schema; "
                 "regenerate it: SKYLINE_UPDATE_DOCS=1 build/bin/tst_formatdocs");
    }

    void everySchemaParameterIsDocumented_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("key");
        for (NodeKind kind : allNodeKinds)
            for (const ParamSpec &spec : nodeParamSpecs(kind))
                QTest::newRow((std::string(toString(kind)) + "." + spec.key).c_str())
                    << QString::fromUtf8(toString(kind)) << QString::fromStdString(spec.key);
        for (WorkloadShape shape : allWorkloadShapes)
            for (const ParamSpec &spec : workloadParamSpecs(shape))
                QTest::newRow((std::string(toString(shape)) + "." + spec.key).c_str())
                    << QString::fromUtf8(toString(shape)) << QString::fromStdString(spec.key);
    }

    void everySchemaParameterIsDocumented()
    {
        QFETCH(QString, owner);
        QFETCH(QString, key);
        const std::string doc = readWholeFile(m_docPath);
        // The parameter's row follows its kind's or shape's heading.
        const auto heading = doc.find("#### `" + owner.toStdString() + "`");
        QVERIFY2(heading != std::string::npos, qPrintable(owner + " has no section"));
        const auto next = doc.find("#### ", heading + 5);
        const std::string section = doc.substr(heading, next - heading);
        QVERIFY2(section.find("| `" + key.toStdString() + "` |") != std::string::npos,
                 qPrintable(owner + "." + key + " is not documented"));
    }

    void edgeAndPricingRowsCarryTheSchemaRanges_data()
    {
        // These rows are written by hand beside the generated reference; their range and
        // default must still be the schema's (the reader's and the property panel's).
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("key");
        for (const ParamSpec &spec : edgeFieldSpecs())
            QTest::newRow(("edge " + spec.key).c_str())
                << "### Edges" << QString::fromStdString(spec.key);
        for (const ParamSpec &spec : pricingFieldSpecs())
            QTest::newRow(("pricing " + spec.key).c_str())
                << "## `pricing`" << QString::fromStdString(spec.key);
    }

    void edgeAndPricingRowsCarryTheSchemaRanges()
    {
        QFETCH(QString, heading);
        QFETCH(QString, key);
        const ParamSpec *spec = heading == "### Edges" ? findEdgeFieldSpec(key.toStdString())
                                                       : findPricingFieldSpec(key.toStdString());
        const std::string doc = readWholeFile(m_docPath);
        const auto section = doc.find("\n" + heading.toStdString() + "\n");
        QVERIFY2(section != std::string::npos, qPrintable(heading + " is missing"));
        const auto row = doc.find("| `" + spec->key + "` |", section);
        QVERIFY2(row != std::string::npos, qPrintable(key + " is not documented"));
        const std::string line = doc.substr(row, doc.find('\n', row) - row);
        std::ostringstream expected;
        expected << "| " << numberText(spec->minimum) << " … " << numberText(spec->maximum)
                 << (spec->unit.empty() ? "" : " " + spec->unit) << " | `"
                 << numberText(std::get<double>(spec->defaultValue)) << "` |";
        QVERIFY2(line.find(expected.str()) != std::string::npos,
                 qPrintable(QString::fromStdString("expected '" + expected.str() + "' in " + line)));
    }

    void everyKeySaveWritesIsDocumented_data()
    {
        QTest::addColumn<QString>("example");
        for (const auto &entry :
             std::filesystem::directory_iterator(sourcePath("resources/examples")))
            if (entry.path().extension() == ".skyline")
                QTest::newRow(entry.path().filename().c_str())
                    << QString::fromStdString(entry.path().string());
    }

    void everyKeySaveWritesIsDocumented()
    {
        QFETCH(QString, example);
        const auto read = readProject(readWholeFile(example.toStdString()));
        QVERIFY(read.ok());
        std::set<std::string> keys;
        collectKeys(toJson(*read.value), {}, keys);
        const std::string doc = readWholeFile(m_docPath);
        for (const std::string &key : keys)
            QVERIFY2(doc.find("`" + key + "`") != std::string::npos,
                     qPrintable(QString::fromStdString("key '" + key + "' is not documented")));
    }

    void documentedExampleReads()
    {
        const std::string doc = readWholeFile(m_docPath);
        const auto begin = doc.find("```json\n");
        QVERIFY(begin != std::string::npos);
        const auto end = doc.find("```", begin + 8);
        const auto read = readProject(doc.substr(begin + 8, end - begin - 8));
        for (const Problem &problem : read.problems)
            qWarning("%s", describe(problem).c_str());
        QVERIFY(read.ok());
    }
};

QTEST_GUILESS_MAIN(TestFormatDocs)
#include "tst_formatdocs.moc"
