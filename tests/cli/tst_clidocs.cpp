// docs/cli.md, the user's reference of skyline-cli, is generated from the one help table that
// also feeds --help and the manual pages (app/cli/CliHelp.cpp): a test fails when it drifts.
//
// After changing the help, regenerate the page with
//   SKYLINE_UPDATE_DOCS=1 build/bin/tst_clidocs
#include "CliHelp.h"
#include "support/CliRun.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace skyline::cli;

using skyline::test::readWholeFile;

class TestCliDocs : public QObject
{
    Q_OBJECT

private:
    const std::string m_docPath = std::string(SKYLINE_SOURCE_DIR) + "/docs/cli.md";

private slots:
    void commandReferenceIsWhatTheHelpGenerates()
    {
        std::string doc = readWholeFile(m_docPath);
        const auto begin = doc.find(markdownReferenceBegin);
        const auto end = doc.find(markdownReferenceEnd);
        QVERIFY2(begin != std::string::npos && end != std::string::npos && begin < end,
                 "docs/cli.md lacks the command reference markers");
        const auto from = begin + markdownReferenceBegin.size() + 1;
        const std::string section = doc.substr(from, end - from);
        const std::string generated = markdownReference();
        if (qEnvironmentVariableIsSet("SKYLINE_UPDATE_DOCS") && section != generated) {
            doc.replace(from, section.size(), generated);
            std::ofstream(m_docPath, std::ios::binary) << doc;
            qInfo("docs/cli.md: command reference regenerated");
            return;
        }
        QVERIFY2(section == generated, "docs/cli.md differs from the CLI help; regenerate it: "
                                       "SKYLINE_UPDATE_DOCS=1 build/bin/tst_clidocs");
    }

    void everyCommandAndOptionIsOnThePage()
    {
        const std::string doc = readWholeFile(m_docPath);
        for (const CommandHelp &command : cliHelp().commands) {
            QVERIFY2(doc.find("### " + std::string(command.name) + "\n") != std::string::npos,
                     std::string(command.name).c_str());
            for (const OptionHelp &option : command.options) {
                std::string typed(option.option);
                for (size_t at = typed.find('|'); at != std::string::npos;
                     at = typed.find('|', at + 2))
                    typed.replace(at, 1, "\\|");
                QVERIFY2(doc.find("`" + typed + "`") != std::string::npos, typed.c_str());
            }
        }
        for (const ExitCodeHelp &exit : cliHelp().exitCodes)
            QVERIFY(doc.find("| " + std::to_string(exit.code) + " | ") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "tst_clidocs.moc"
