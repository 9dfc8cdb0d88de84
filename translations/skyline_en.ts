<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>NodeBadges</name>
    <message numerus="yes">
        <location filename="../widgets/canvas/NodeBadges.cpp" line="24"/>
        <source>%n simulated day(s)</source>
        <translation>
            <numerusform>%n simulated day</numerusform>
            <numerusform>%n simulated days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::CanvasScene</name>
    <message numerus="yes">
        <location filename="../widgets/canvas/CanvasScene.cpp" line="703"/>
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>Move %n item</numerusform>
            <numerusform>Move %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::CanvasView</name>
    <message numerus="yes">
        <location filename="../widgets/canvas/CanvasView.cpp" line="248"/>
        <source>Cut %n node(s)</source>
        <translation>
            <numerusform>Cut %n node</numerusform>
            <numerusform>Cut %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::ComparisonView</name>
    <message numerus="yes">
        <location filename="../widgets/panels/ComparisonView.cpp" line="249"/>
        <source>%n candidate(s) on the same workloads (traffic × %1); the best of each row is marked ★ in bold green; ≈ marks figures that cannot be told apart within their 95 % confidence intervals, and a candidate with more than 1 % failed requests is never best on latency.</source>
        <translation>
            <numerusform>%n candidate on the same workloads (traffic × %1); the best of each row is marked ★ in bold green; ≈ marks figures that cannot be told apart within their 95 % confidence intervals, and a candidate with more than 1 % failed requests is never best on latency.</numerusform>
            <numerusform>%n candidates on the same workloads (traffic × %1); the best of each row is marked ★ in bold green; ≈ marks figures that cannot be told apart within their 95 % confidence intervals, and a candidate with more than 1 % failed requests is never best on latency.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::Document</name>
    <message numerus="yes">
        <location filename="../model/document/Document.cpp" line="719"/>
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/document/Document.cpp" line="725"/>
        <source>Delete %n node(s)</source>
        <translation>
            <numerusform>Delete %n node</numerusform>
            <numerusform>Delete %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/document/Document.cpp" line="786"/>
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>Delete %n connection</numerusform>
            <numerusform>Delete %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/document/Document.cpp" line="921"/>
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/document/Document.cpp" line="968"/>
        <source>Paste %n node(s)</source>
        <translation>
            <numerusform>Paste %n node</numerusform>
            <numerusform>Paste %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowImport.cpp" line="245"/>
        <source>Imported %1: %n node(s)</source>
        <translation>
            <numerusform>Imported %1: %n node</numerusform>
            <numerusform>Imported %1: %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::PropertyPanel</name>
    <message numerus="yes">
        <location filename="../widgets/panels/PropertyPanel.cpp" line="937"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n item selected</numerusform>
            <numerusform>%n items selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::RangeRunner</name>
    <message numerus="yes">
        <location filename="../model/document/RangeRunner.cpp" line="182"/>
        <source>Ranges: sampling %n case(s)</source>
        <translation>
            <numerusform>Ranges: sampling %n case</numerusform>
            <numerusform>Ranges: sampling %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::ReportWriter</name>
    <message numerus="yes">
        <location filename="../widgets/report/ReportWriter.cpp" line="260"/>
        <source>Decision record · %n candidate architecture(s) on the same workloads and prices · figures %1</source>
        <translation>
            <numerusform>Decision record · %n candidate architecture on the same workloads and prices · figures %1</numerusform>
            <numerusform>Decision record · %n candidate architectures on the same workloads and prices · figures %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::SweepChart</name>
    <message numerus="yes">
        <location filename="../widgets/charts/SweepChart.cpp" line="158"/>
        <source>Monthly cost against traffic — %n break-even point(s)</source>
        <translation>
            <numerusform>Monthly cost against traffic — %n break-even point</numerusform>
            <numerusform>Monthly cost against traffic — %n break-even points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::TornadoChart</name>
    <message numerus="yes">
        <location filename="../widgets/charts/TornadoChart.cpp" line="217"/>
        <source>What drives the cost — %1 at %2: the %3 widest of %n parameters</source>
        <translation>
            <numerusform>What drives the cost — %1 at %2: the %3 widest of %n parameter</numerusform>
            <numerusform>What drives the cost — %1 at %2: the %3 widest of %n parameters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/charts/TornadoChart.cpp" line="222"/>
        <source>What drives the cost — %1 at %2: %n parameter(s), widest swing on top</source>
        <translation>
            <numerusform>What drives the cost — %1 at %2: %n parameter, widest swing on top</numerusform>
            <numerusform>What drives the cost — %1 at %2: %n parameters, widest swing on top</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::WarningsPanel</name>
    <message numerus="yes">
        <location filename="../widgets/panels/WarningsPanel.cpp" line="193"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>skyline::WorkloadEditor</name>
    <message numerus="yes">
        <location filename="../widgets/panels/WorkloadEditor.cpp" line="370"/>
        <source>%n trace point(s); the day repeats, gaps are interpolated.</source>
        <translation>
            <numerusform>%n trace point; the day repeats, gaps are interpolated.</numerusform>
            <numerusform>%n trace points; the day repeats, gaps are interpolated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/panels/WorkloadEditor.cpp" line="431"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
</TS>
