// The one source of skyline-cli's help (app/cli/CliHelp.cpp): every registered command has an
// entry, and `--help`, `COMMAND --help`, the usage line of a bad call and the manual pages all
// show what that entry says.
#include "Cli.h"
#include "CliHelp.h"
#include "support/CliRun.h"

#include <QtTest>

#include <string>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;
using skyline::test::shown;

bool contains(const std::string &text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

/// Troff escapes '-' as "\-"; the man page text of `text`.
std::string inTroff(std::string_view text)
{
    std::string out;
    for (const char c : text)
        out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

void addCommandRows()
{
    QTest::addColumn<QString>("command");
    for (const std::string &name : skyline::cli::registeredCommands())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT
private slots:
    void everyRegisteredCommandHasHelp_data();
    void everyRegisteredCommandHasHelp();
    void commandHelpGoesToStdout_data();
    void commandHelpGoesToStdout();
    void overviewListsEveryCommand();
    void usageErrorShowsTheHelpSynopsis();
    void manPageHoldsEveryCommandAndOption();
    void studioManPage();
    void unknownManPageIsRefused();
    void version();
    void commandWithoutHelpIsFound(); // last: it registers a command for good
};

void TestCliHelp::everyRegisteredCommandHasHelp_data()
{
    addCommandRows();
}

void TestCliHelp::everyRegisteredCommandHasHelp()
{
    QFETCH(QString, command);
    const skyline::cli::CommandHelp *help = skyline::cli::findCommandHelp(command.toStdString());
    QVERIFY2(help, qPrintable(command + " has no entry in app/cli/CliHelp.cpp"));
    QVERIFY(help->synopsis.substr(0, help->name.size()) == help->name);
    QVERIFY(!help->summary.empty());
    QVERIFY(!help->description.empty());
    QVERIFY(contains(std::string(help->example), "skyline-cli " + command.toStdString()));
}

void TestCliHelp::commandWithoutHelpIsFound()
{
    QVERIFY(skyline::cli::commandsWithoutHelp().empty());
    // A command added without its help entry: named by the check, and --man refuses, so the
    // build step that writes the installed manual pages fails.
    skyline::cli::registerCommand("frobnicate", [](auto &, auto &, auto &) { return 0; });
    const std::vector<std::string> missing = skyline::cli::commandsWithoutHelp();
    QCOMPARE(missing.size(), size_t(1));
    QCOMPARE(missing.front(), std::string("frobnicate"));
    const CliResult r = runCli({"--man", "skyline-cli"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(contains(r.err, "command 'frobnicate' has no entry"), shown(r).constData());
}

void TestCliHelp::commandHelpGoesToStdout_data()
{
    addCommandRows();
}

void TestCliHelp::commandHelpGoesToStdout()
{
    QFETCH(QString, command);
    const skyline::cli::CommandHelp *help = skyline::cli::findCommandHelp(command.toStdString());
    QVERIFY(help);
    for (const char *flag : {"--help", "-h"}) {
        for (const std::vector<std::string> &args :
             {std::vector<std::string>{command.toStdString(), flag},
              std::vector<std::string>{command.toStdString(), "some.skyline", flag},
              std::vector<std::string>{"help", command.toStdString()}}) {
            const CliResult r = runCli(args);
            QVERIFY2(r.exitCode == 0, shown(r).constData());
            QVERIFY2(r.err.empty(), shown(r).constData());
            QVERIFY2(contains(r.out, "usage: skyline-cli " + std::string(help->synopsis)),
                     shown(r).constData());
            for (const skyline::cli::OptionHelp &option : help->options)
                QVERIFY2(contains(r.out, option.option), shown(r).constData());
            QVERIFY2(contains(r.out, help->example), shown(r).constData());
        }
    }
}

void TestCliHelp::overviewListsEveryCommand()
{
    const CliResult r = runCli({"--help"});
    QCOMPARE(r.exitCode, 0);
    for (const skyline::cli::CommandHelp &c : skyline::cli::cliHelp().commands)
        QVERIFY2(contains(r.out, "  " + std::string(c.synopsis) + "\n"), shown(r).constData());
}

void TestCliHelp::usageErrorShowsTheHelpSynopsis()
{
    const CliResult r = runCli({"evaluate"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    const std::string synopsis(skyline::cli::findCommandHelp("evaluate")->synopsis);
    QVERIFY2(contains(r.err, "usage: skyline-cli " + synopsis + "\n"), shown(r).constData());
    QVERIFY(contains(synopsis, "--per-minute"));
}

void TestCliHelp::manPageHoldsEveryCommandAndOption()
{
    const CliResult r = runCli({"--man", "skyline-cli"});
    QVERIFY2(r.exitCode == 0, shown(r).constData());
    QVERIFY(r.err.empty());
    QVERIFY(r.out.rfind(".\\\"", 0) == 0); // a troff comment first: generated, do not edit
    for (const char *section :
         {".TH SKYLINE\\-CLI 1", ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS",
          ".SH COMMANDS", ".SH \"EXIT STATUS\"", ".SH EXAMPLES"})
        QVERIFY2(contains(r.out, section), section);
    for (const skyline::cli::CommandHelp &c : skyline::cli::cliHelp().commands) {
        QVERIFY2(contains(r.out, ".SS " + inTroff(c.name) + " \\- "), c.name.data());
        QVERIFY2(contains(r.out, inTroff(c.synopsis)), c.synopsis.data());
        for (const skyline::cli::OptionHelp &option : c.options)
            QVERIFY2(contains(r.out, ".B " + inTroff(option.option) + "\n"), option.option.data());
    }
    for (const skyline::cli::ExitCodeHelp &e : skyline::cli::cliHelp().exitCodes)
        QVERIFY(contains(r.out, ".B " + std::to_string(e.code) + "\n"));
}

void TestCliHelp::studioManPage()
{
    const CliResult r = runCli({"--man", "skyline"});
    QVERIFY2(r.exitCode == 0, shown(r).constData());
    QVERIFY(contains(r.out, ".TH SKYLINE 1"));
    QVERIFY(contains(r.out, ".B \\-\\-quit\\-after\\-load\n"));
    QVERIFY(contains(r.out, "window of its own")); // what a second launch does
    QVERIFY(!contains(r.out, ".SH COMMANDS"));
}

void TestCliHelp::unknownManPageIsRefused()
{
    const CliResult r = runCli({"--man", "skyline-studio"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(contains(r.err, "usage: skyline-cli --man skyline-cli|skyline"), shown(r).constData());
}

void TestCliHelp::version()
{
    const CliResult r = runCli({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QString::fromStdString(r.out).contains(QRegularExpression("^skyline-cli \\d+\\.\\d+")),
             shown(r).constData());
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_clihelp.moc"
