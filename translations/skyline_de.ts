<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>NodeBadges</name>
        <message numerus="yes">
            <location filename="../widgets/canvas/NodeBadges.cpp" line="+26" />
            <source>%n simulated day(s)</source>
            <translation>
                <numerusform>%n simulierter Tag</numerusform>
                <numerusform>%n simulierte Tage</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1, too few for a confidence interval</source>
            <translation>%1, zu wenige für ein Konfidenzintervall</translation>
        </message>
        <message>
            <location line="+3" />
            <source>P(cold) %1 ± %2 %, alive %3 ± %4, peak %5 ± %6 (95 %, %7)</source>
            <translation>P(kalt) %1 ± %2 %, aktiv %3 ± %4, Spitze %5 ± %6 (95 %, %7)</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <location filename="../app/gui/main.cpp" line="+28" />
            <source>Open the FILEs, then quit: exit status 0 when every file opened, 1 otherwise, with the problems on standard error instead of a dialog. For scripted checks of an installation (e.g. with QT_QPA_PLATFORM=offscreen).</source>
            <translation>Die DATEIen öffnen und danach beenden: Exit-Status 0, wenn jede Datei geöffnet wurde, sonst 1, mit den Problemen auf der Standardfehlerausgabe statt in einem Dialog. Für geskriptete Prüfungen einer Installation (z. B. mit QT_QPA_PLATFORM=offscreen).</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Compare serverless and microservice architectures.</source>
            <translation>Serverless- und Microservice-Architekturen vergleichen.</translation>
        </message>
        <message>
            <location line="-50" />
            <source>A .skyline project to open.</source>
            <translation>Ein zu öffnendes .skyline-Projekt.</translation>
        </message>
    </context>
    <context>
        <name>skyline::BlastRadiusChart</name>
        <message>
            <location filename="../widgets/charts/BlastRadiusChart.cpp" line="+20" />
            <source>%1 of client traffic fails</source>
            <translation>%1 des Client-Verkehrs scheitert</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Blast radius — %1 (largest %2 of %3 nodes)</source>
            <translation>Auswirkungsradius — %1 (die größten %2 von %3 Knoten)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Blast radius — %1</source>
            <translation>Auswirkungsradius — %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>traffic failing (%)</source>
            <translation>fehlschlagender Verkehr (%)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Share of client traffic that fails when the node is down (%)</source>
            <translation>Anteil des Client-Verkehrs, der bei Ausfall des Knotens fehlschlägt (%)</translation>
        </message>
    </context>
    <context>
        <name>skyline::CanvasScene</name>
        <message>
            <location filename="../widgets/canvas/CanvasScene.cpp" line="+33" />
            <source>API call</source>
            <translation>API-Aufruf</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A synchronous request/response call</source>
            <translation>Ein synchroner Aufruf mit Anfrage und Antwort</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An asynchronous message</source>
            <translation>Eine asynchrone Nachricht</translation>
        </message>
        <message>
            <location line="+183" />
            <source>These nodes cannot be connected.</source>
            <translation>Diese Knoten können nicht verbunden werden.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Context %1</source>
            <translation>Kontext %1</translation>
        </message>
        <message numerus="yes">
            <location line="+476" />
            <source>Move %n item(s)</source>
            <translation>
                <numerusform>%n Element verschieben</numerusform>
                <numerusform>%n Elemente verschieben</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>skyline::CanvasView</name>
        <message numerus="yes">
            <location filename="../widgets/canvas/CanvasView.cpp" line="+248" />
            <source>Cut %n node(s)</source>
            <translation>
                <numerusform>%n Knoten ausschneiden</numerusform>
                <numerusform>%n Knoten ausschneiden</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>The clipboard holds no Skyline nodes.</source>
            <translation>Die Zwischenablage enthält keine Skyline-Knoten.</translation>
        </message>
        <message>
            <location line="+119" />
            <source>Enter renames, Esc cancels</source>
            <translation>Eingabe benennt um, Esc bricht ab</translation>
        </message>
        <message>
            <location line="+27" />
            <source>A name cannot be empty; the name was kept.</source>
            <translation>Ein Name darf nicht leer sein; der bisherige Name bleibt.</translation>
        </message>
        <message>
            <location line="+166" />
            <source>This candidate is empty.
Click a component in the Components panel (or drag it here) to add it.
Then draw calls with the API Call (A) or Event (E) tool, or Alt+drag from a node.
Help ▸ Getting Started explains the rest.</source>
            <translation>Dieser Kandidat ist leer.
Klicken Sie auf eine Komponente in der Komponentenleiste (oder ziehen Sie sie hierher), um sie hinzuzufügen.
Zeichnen Sie dann Aufrufe mit dem Werkzeug API-Aufruf (A) oder Ereignis (E) oder mit Alt+Ziehen von einem Knoten.
Hilfe ▸ Erste Schritte erklärt den Rest.</translation>
        </message>
    </context>
    <context>
        <name>skyline::ChartsPanel</name>
        <message>
            <location filename="../widgets/charts/ChartCatalog.cpp" line="+46" />
            <source>Load</source>
            <translation>Last</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Instances</source>
            <translation>Instanzen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Latency</source>
            <translation>Latenz</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cold starts</source>
            <translation>Kaltstarts</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cost</source>
            <translation>Kosten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cost vs load</source>
            <translation>Kosten vs. Last</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Complexity</source>
            <translation>Komplexität</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Blast radius</source>
            <translation>Auswirkungsradius</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What drives the cost</source>
            <translation>Was die Kosten treibt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What drives the cost: each bar moves one parameter from its low to its high (its range, or ±20 % where it has none) with every other parameter at its value, analytic method. The dashed line is the monthly cost at the values; the light end of a bar is the cost at the parameter's low, the dark end at its high; the widest swing is on top. Orange bars make another candidate the cheapest at one end.</source>
            <translation>Was die Kosten treibt: Jeder Balken bewegt einen Parameter von seinem unteren zu seinem oberen Wert (sein Bereich, oder ±20 %, wo er keinen hat), alle anderen Parameter bleiben bei ihrem Wert; analytische Methode. Die gestrichelte Linie sind die Monatskosten bei den Werten; das helle Ende eines Balkens sind die Kosten beim unteren Wert des Parameters, das dunkle Ende die beim oberen; der größte Ausschlag steht oben. Orange Balken machen an einem Ende einen anderen Kandidaten zum günstigsten.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Memory sweep</source>
            <translation>Speicher-Durchlauf</translation>
        </message>
        <message>
            <location filename="../widgets/charts/ChartsPanel.cpp" line="+58" />
            <source>Evaluating…</source>
            <translation>Wird ausgewertet…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop analysing the ranges (Esc); the next edit starts again</source>
            <translation>Analyse der Bereiche anhalten (Esc); die nächste Änderung startet sie neu</translation>
        </message>
        <message>
            <location line="+149" />
            <source>Up to date (simulated)</source>
            <translation>Aktuell (simuliert)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Up to date (analytic)</source>
            <translation>Aktuell (analytisch)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 ±%2</source>
            <translation>%1 ±%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (one day, no interval yet)</source>
            <translation>%1 (ein Tag, noch kein Intervall)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>simulation stopped at its %1 s budget: %2</source>
            <translation>Simulation an ihrem Zeitbudget von %1 s beendet: %2</translation>
        </message>
    </context>
    <context>
        <name>skyline::ColdStartChart</name>
        <message>
            <location filename="../widgets/charts/ColdStartChart.cpp" line="+22" />
            <source>Time of day (hours)</source>
            <translation>Tageszeit (Stunden)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cold starts per second</source>
            <translation>Kaltstarts pro Sekunde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cold starts over the day — %1</source>
            <translation>Kaltstarts über den Tag — %1</translation>
        </message>
    </context>
    <context>
        <name>skyline::ComparisonView</name>
        <message>
            <location filename="../widgets/panels/ComparisonView.cpp" line="+167" />
            <source>Cost</source>
            <translation>Kosten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost vs load</source>
            <translation>Kosten vs. Last</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Latency</source>
            <translation>Latenz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load</source>
            <translation>Last</translation>
        </message>
        <message>
            <location line="-77" />
            <source>Monthly cost</source>
            <translation>Monatliche Kosten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cost per million requests</source>
            <translation>Kosten pro Million Anfragen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>p99 at peak (worst entry)</source>
            <translation>p99 in der Spitze (schlechtester Einstiegspunkt)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Failed requests</source>
            <translation>Gescheiterte Anfragen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cold-start share</source>
            <translation>Kaltstartanteil</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Peak instances</source>
            <translation>Instanzen in der Spitze</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Operational complexity</source>
            <translation>Betriebliche Komplexität</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Worst blast radius</source>
            <translation>Größter Auswirkungsradius</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Availability (worst entry)</source>
            <translation>Verfügbarkeit (schlechtester Einstiegspunkt)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warnings</source>
            <translation>Warnungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cheapest in % of samples</source>
            <translation>Am günstigsten in % der Stichproben</translation>
        </message>
        <message>
            <location line="+88" />
            <source>No evaluation yet.</source>
            <translation>Noch keine Auswertung.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Best: the lowest %1 of the candidates</source>
            <translation>Bester Wert: %1 ist bei diesem Kandidaten am niedrigsten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Best: the highest %1 of the candidates</source>
            <translation>Bester Wert: %1 ist bei diesem Kandidaten am höchsten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>≈: as fast as the fastest within the 95 % confidence intervals of the simulated figures; none is marked best</source>
            <translation>≈: innerhalb der 95-%-Konfidenzintervalle der simulierten Werte so schnell wie der schnellste; keiner wird als bester markiert</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 is the cheapest in %2 of the %3 samples drawn from the ranges (Latin hypercube, triangular around each value).</source>
            <translation>%1 ist in %2 der %3 aus den Bereichen gezogenen Stichproben am günstigsten (Latin Hypercube, dreieckig um jeden Wert).</translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>%n candidate(s) on the same workloads (traffic × %1); the best of each row is marked ★ in bold green; ≈ marks figures that cannot be told apart within their 95 % confidence intervals, and a candidate with more than 1 % failed requests is never best on latency.</source>
            <translation>
                <numerusform>%n Kandidat mit denselben Lasten (Verkehr × %1); der beste Wert jeder Zeile ist mit ★ fett grün markiert; ≈ kennzeichnet Werte, die innerhalb ihrer 95-%-Konfidenzintervalle nicht zu unterscheiden sind, und ein Kandidat mit mehr als 1 % gescheiterten Anfragen ist nie der beste bei der Latenz.</numerusform>
                <numerusform>%n Kandidaten mit denselben Lasten (Verkehr × %1); der beste Wert jeder Zeile ist mit ★ fett grün markiert; ≈ kennzeichnet Werte, die innerhalb ihrer 95-%-Konfidenzintervalle nicht zu unterscheiden sind, und ein Kandidat mit mehr als 1 % gescheiterten Anfragen ist nie der beste bei der Latenz.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../widgets/report/Comparison.cpp" line="+52" />
            <source>fails</source>
            <translation>scheitert</translation>
        </message>
    </context>
    <context>
        <name>skyline::ComplexityChart</name>
        <message>
            <location filename="../widgets/charts/ComplexityChart.cpp" line="+15" />
            <source>%1 points</source>
            <translation>%1 Punkte</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Operational complexity — %1: score %2, lock-in %3</source>
            <translation>Betriebskomplexität — %1: Punktzahl %2, Lock-in %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>item (count × weight)</source>
            <translation>Posten (Anzahl × Gewicht)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Points (count × weight)</source>
            <translation>Punkte (Anzahl × Gewicht)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 (%2 × %3)</source>
            <translation>%1 (%2 × %3)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Points</source>
            <translation>Punkte</translation>
        </message>
    </context>
    <context>
        <name>skyline::ContextItem</name>
        <message>
            <location filename="../widgets/canvas/ContextItem.cpp" line="+156" />
            <source>Context "%1" (double-click to rename)</source>
            <translation>Kontext „%1“ (Doppelklick zum Umbenennen)</translation>
        </message>
    </context>
    <context>
        <name>skyline::CostChart</name>
        <message>
            <location filename="../widgets/charts/CostChart.cpp" line="+78" />
            <location line="+1" />
            <source>USD per month</source>
            <translation>USD pro Monat</translation>
        </message>
        <message>
            <location line="+14" />
            <source>node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Cost per month — %1: total %2</source>
            <translation>Kosten pro Monat — %1: gesamt %2</translation>
        </message>
        <message>
            <location line="-43" />
            <source>Total</source>
            <translation>Gesamt</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Total as evaluated</source>
            <translation>Gesamt wie berechnet</translation>
        </message>
        <message>
            <location line="+10" />
            <source>P90 from ranges</source>
            <translation>P90 aus Bereichen</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Cost per month — %1: total %2, P10–P90 %3–%4 from ranges</source>
            <translation>Kosten pro Monat — %1: gesamt %2, P10–P90 %3–%4 aus Bereichen</translation>
        </message>
        <message>
            <location line="+66" />
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cost per month by line item — %1</source>
            <translation>Monatliche Kosten nach Posten — %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Line item</source>
            <translation>Posten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>line item</source>
            <translation>Posten</translation>
        </message>
    </context>
    <context>
        <name>skyline::Diagnostic</name>
        <message>
            <location filename="../model/engine/Diagnostic.cpp" line="+22" />
            <source>Function '%1' runs %2 on average; %3 of its invocations would exceed the %4 limit of %5.</source>
            <translation>Funktion „%1“ läuft im Mittel %2; %3 ihrer Aufrufe würden das Limit von %4 bei %5 überschreiten.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Function '%1' throttles %2 of its requests at its concurrency limit of %3 instances.</source>
            <translation>Funktion „%1“ drosselt %2 ihrer Anfragen an ihrem Nebenläufigkeitslimit von %3 Instanzen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Function '%1' gets too many requests to simulate each one (%2 on average): each simulated day covers blocks of 5 minutes and interpolates between them, so a spike between two blocks is missed and the peak can be too low. The analytic method covers the whole day.</source>
            <translation>Funktion '%1' erhält zu viele Anfragen, um jede einzeln zu simulieren (%2 im Mittel): Jeder simulierte Tag deckt Blöcke von 5 Minuten ab und interpoliert dazwischen, sodass eine Spitze zwischen zwei Blöcken fehlt und die Spitzenlast zu niedrig sein kann. Die analytische Methode deckt den ganzen Tag ab.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Function '%1' needs state but calls no datastore: functions keep nothing between invocations.</source>
            <translation>Funktion „%1“ braucht Zustand, ruft aber keinen Datenspeicher auf: Funktionen behalten zwischen Aufrufen nichts.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cold starts dominate the p99 of '%1': %2 of invocations start cold and pay %3 of init (p99 %4).</source>
            <translation>Kaltstarts bestimmen das p99 von „%1“: %2 der Aufrufe starten kalt und zahlen %3 Initialisierung (p99 %4).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cold starts dominate the end-to-end p99 of '%1': %2 of its slowest 1% of requests at the busiest hour hit one.</source>
            <translation>Kaltstarts bestimmen das End-to-End-p99 von „%1“: %2 seiner langsamsten 1 % der Anfragen in der Spitzenstunde treffen einen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Service '%1' is overloaded at peak (utilisation %2 with %3 replicas at most): %4 of the day's requests exceed its capacity.</source>
            <translation>Dienst „%1“ ist zur Spitze überlastet (Auslastung %2 bei höchstens %3 Replikaten): %4 der Anfragen des Tages übersteigen seine Kapazität.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Datastore '%1' is used from %2 bounded contexts (%3): they are coupled through its schema.</source>
            <translation>Datenspeicher „%1“ wird aus %2 Bounded Contexts genutzt (%3): Sie sind über sein Schema gekoppelt.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Up to %1 function instances connect to '%2', beyond its limit of %3 connections.</source>
            <translation>Bis zu %1 Funktionsinstanzen verbinden sich mit „%2“, über dessen Limit von %3 Verbindungen hinaus.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Requests of '%1' pass through a synchronous chain of %2 hops (more than %3): every hop adds latency and a failure path.</source>
            <translation>Anfragen von „%1“ durchlaufen eine synchrone Kette von %2 Schritten (mehr als %3): Jeder Schritt fügt Latenz und einen Fehlerpfad hinzu.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The backlog of '%1' never drains: its consumers handle fewer messages per day than arrive, so it grows every day.</source>
            <translation>Der Rückstau von „%1“ baut sich nie ab: Seine Verbraucher bearbeiten pro Tag weniger Nachrichten als ankommen, also wächst er jeden Tag.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Service '%1' keeps up to %2 workers per replica busy at peak; at %3 CPU work each they need %4 vCPU, more than its %5: CPU-bound requests wait for the CPU and run slower than modelled.</source>
            <translation>Dienst „%1“ hält zur Spitze bis zu %2 Worker pro Replikat beschäftigt; bei je %3 CPU-Arbeit brauchen sie %4 vCPU, mehr als seine %5: CPU-lastige Anfragen warten auf die CPU und laufen langsamer als modelliert.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The routes of gateway '%1' take %2 of its requests: each request takes one route, so their shares should add up to 100%.</source>
            <translation>Die Routen von Gateway „%1“ nehmen %2 seiner Anfragen: Jede Anfrage nimmt eine Route, also sollten ihre Anteile zusammen 100 % ergeben.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No client reaches '%1': it receives no requests.</source>
            <translation>Kein Client erreicht „%1“: Es erhält keine Anfragen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Client '%1' calls nothing: its requests go nowhere.</source>
            <translation>Client „%1“ ruft nichts auf: Seine Anfragen gehen ins Leere.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'%1' would receive %2 at its busiest minute, beyond the %3 the model represents (its workload times the traffic multiplier)</source>
            <translation>„%1“ würde in seiner verkehrsreichsten Minute %2 erhalten, mehr als die %3, die das Modell darstellt (seine Last mal dem Verkehrsfaktor)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>'%1' would receive %2 at its busiest minute, beyond the %3 the model represents: the connection from '%4' multiplies its %5 by %6</source>
            <translation>„%1“ würde in seiner verkehrsreichsten Minute %2 erhalten, mehr als die %3, die das Modell darstellt: Die Verbindung von „%4“ vervielfacht dessen %5 mit %6</translation>
        </message>
        <message>
            <location line="+5" />
            <source>load out of range: '%1' would receive %2 at its busiest minute, beyond the %3 the model represents (its workload times the traffic multiplier)</source>
            <translation>Last außerhalb des Bereichs: „%1“ würde in seiner verkehrsreichsten Minute %2 erhalten, mehr als die %3, die das Modell darstellt (seine Last mal dem Verkehrsfaktor)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>load out of range: '%1' would receive %2 at its busiest minute, beyond the %3 the model represents: the connection from '%4' multiplies its %5 by %6</source>
            <translation>Last außerhalb des Bereichs: „%1“ würde in seiner verkehrsreichsten Minute %2 erhalten, mehr als die %3, die das Modell darstellt: Die Verbindung von „%4“ vervielfacht dessen %5 mit %6</translation>
        </message>
        <message>
            <location line="+4" />
            <source>cycle: %1</source>
            <translation>Zyklus: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cycle among the edges</source>
            <translation>Zyklus zwischen den Kanten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>duplicate node id '%1'</source>
            <translation>doppelte Knoten-ID „%1“</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a connection of '%1' leads to the unknown node '%2'</source>
            <translation>eine Verbindung von „%1“ führt zum unbekannten Knoten „%2“</translation>
        </message>
        <message>
            <location line="+3" />
            <source>client '%1': unknown workload '%2'</source>
            <translation>Client „%1“: unbekannte Last „%2“</translation>
        </message>
    </context>
    <context>
        <name>skyline::Document</name>
        <message>
            <location filename="../model/document/Document.cpp" line="+117" />
            <source>Cannot open %1: %2</source>
            <translation>%1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 is too large (more than 512 MiB).</source>
            <translation>%1 ist zu groß (mehr als 512 MiB).</translation>
        </message>
        <message>
            <location line="+23" />
            <location line="+6" />
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <location line="+204" />
            <source>Rename project</source>
            <translation>Projekt umbenennen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Edit description</source>
            <translation>Beschreibung bearbeiten</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Change pricing</source>
            <translation>Preise ändern</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Add candidate</source>
            <translation>Kandidat hinzufügen</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Rename candidate</source>
            <translation>Kandidat umbenennen</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Duplicate candidate</source>
            <translation>Kandidat duplizieren</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Import candidate “%1”</source>
            <translation>Kandidat „%1“ importieren</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Delete candidate</source>
            <translation>Kandidat löschen</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Add workload</source>
            <translation>Lastprofil hinzufügen</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+149" />
            <source>There is no workload '%1'.</source>
            <translation>Es gibt kein Lastprofil „%1“.</translation>
        </message>
        <message>
            <location line="-24" />
            <source>A connection has no number '%1'.</source>
            <translation>Eine Verbindung hat keine Zahl „%1“.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Set range of %1 of %2 → %3</source>
            <translation>Bereich von %1 für %2 → %3 setzen</translation>
        </message>
        <message>
            <location line="+15" />
            <source>A %1 workload has no parameter '%2'.</source>
            <translation>Eine Last vom Typ %1 hat keinen Parameter „%2“.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Set range of %1 of workload %2</source>
            <translation>Bereich von %1 der Last %2 setzen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>1 worker</source>
            <translation>1 Worker</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 workers</source>
            <translation>%1 Worker</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Convert %1 to a function: %2 MB, at most %3 instances (%4 replicas × %5 workers)</source>
            <translation>%1 in eine Funktion umwandeln: %2 MB, höchstens %3 Instanzen (%4 Replikate × %5 Worker)</translation>
        </message>
        <message>
            <location line="-181" />
            <source>Edit workload %1</source>
            <translation>Lastprofil %1 bearbeiten</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Workload '%1' drives client '%2' in candidate '%3'; choose another workload for that client first.</source>
            <translation>Lastprofil „%1“ speist Client „%2“ im Kandidaten „%3“; wählen Sie zuerst ein anderes Lastprofil für diesen Client.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delete workload</source>
            <translation>Lastprofil löschen</translation>
        </message>
        <message>
            <location filename="../model/domain/NodeKinds.cpp" line="+14" />
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Service</source>
            <translation>Dienst</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Queue</source>
            <translation>Warteschlange</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Datastore</source>
            <translation>Datenspeicher</translation>
        </message>
        <message>
            <location line="-34" />
            <source>Add client</source>
            <translation>Client hinzufügen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Add gateway</source>
            <translation>Gateway hinzufügen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Add function</source>
            <translation>Funktion hinzufügen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Add service</source>
            <translation>Dienst hinzufügen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Add queue</source>
            <translation>Warteschlange hinzufügen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Add datastore</source>
            <translation>Datenspeicher hinzufügen</translation>
        </message>
        <message>
            <location filename="../model/document/Document.cpp" line="+49" />
            <source>Rename %1</source>
            <translation>%1 umbenennen</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+20" />
            <location line="+80" />
            <source>There is no node '%1'.</source>
            <translation>Es gibt keinen Knoten „%1“.</translation>
        </message>
        <message>
            <location line="-97" />
            <location line="+20" />
            <source>A %1 has no parameter '%2'.</source>
            <translation>Ein Knoten der Art %1 hat keinen Parameter „%2“.</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Set %1 of %2</source>
            <translation>%1 von %2 festlegen</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Set range of %1 of %2</source>
            <translation>Bereich von %1 von %2 setzen</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Only functions and services can be converted.</source>
            <translation>Nur Funktionen und Dienste können umgewandelt werden.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Convert %1 to a service: %2 vCPU for %3 MB (%4 MB per vCPU), %5 per replica for %6 % CPU-bound work</source>
            <translation>%1 in einen Dienst umwandeln: %2 vCPU für %3 MB (%4 MB pro vCPU), %5 pro Replik bei %6 % CPU-gebundener Arbeit</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Set workload of %1</source>
            <translation>Lastprofil von %1 festlegen</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>Move %n node(s)</source>
            <translation>
                <numerusform>%n Knoten verschieben</numerusform>
                <numerusform>%n Knoten verschieben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>Delete %n node(s)</source>
            <translation>
                <numerusform>%n Knoten löschen</numerusform>
                <numerusform>%n Knoten löschen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+15" />
            <source>There is no candidate '%1'.</source>
            <translation>Es gibt keinen Kandidaten „%1“.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Both ends of a connection must be nodes.</source>
            <translation>Beide Enden einer Verbindung müssen Knoten sein.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 already has this connection to %2.</source>
            <translation>%1 hat diese Verbindung zu %2 bereits.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Connect API call</source>
            <translation>API-Aufruf hinzufügen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Connect event</source>
            <translation>Ereignis hinzufügen</translation>
        </message>
        <message>
            <location line="-156" />
            <location line="+166" />
            <source>There is no connection '%1'.</source>
            <translation>Es gibt keine Verbindung „%1“.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Edit connection</source>
            <translation>Verbindung bearbeiten</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Delete %n connection(s)</source>
            <translation>
                <numerusform>%n Verbindung löschen</numerusform>
                <numerusform>%n Verbindungen löschen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+32" />
            <source>Context</source>
            <translation>Kontext</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Add context</source>
            <translation>Kontext hinzufügen</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Rename context</source>
            <translation>Kontext umbenennen</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Move context</source>
            <translation>Kontext verschieben</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Resize context</source>
            <translation>Kontextgröße ändern</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delete context</source>
            <translation>Kontext löschen</translation>
        </message>
        <message numerus="yes">
            <location line="+55" />
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>%n Element löschen</numerusform>
                <numerusform>%n Elemente löschen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+26" />
            <source>There is no candidate to paste into.</source>
            <translation>Es gibt keinen Kandidaten, in den eingefügt werden kann.</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+4" />
            <source>The clipboard holds no Skyline nodes.</source>
            <translation>Die Zwischenablage enthält keine Skyline-Knoten.</translation>
        </message>
        <message>
            <location line="-2" />
            <source>The clipboard content is damaged: %1</source>
            <translation>Der Inhalt der Zwischenablage ist beschädigt: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>Paste %n node(s)</source>
            <translation>
                <numerusform>%n Knoten einfügen</numerusform>
                <numerusform>%n Knoten einfügen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>skyline::EdgeItem</name>
        <message>
            <location filename="../widgets/canvas/EdgeItem.cpp" line="+47" />
            <source>API call (synchronous)</source>
            <translation>API-Aufruf (synchron)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Event (asynchronous)</source>
            <translation>Ereignis (asynchron)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 per request</source>
            <translation>%1 pro Anfrage</translation>
        </message>
        <message>
            <location line="+3" />
            <source>parallel</source>
            <translation>parallel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>with fallback</source>
            <translation>mit Fallback</translation>
        </message>
    </context>
    <context>
        <name>skyline::EvaluationRunner</name>
        <message>
            <location filename="../model/document/EvaluationRunner.cpp" line="+231" />
            <source>Load sweep: traffic ×%1</source>
            <translation>Lastverlauf: Verkehr ×%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load sweep done</source>
            <translation>Lastverlauf abgeschlossen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Simulating %1 (%2 of %3)</source>
            <translation>%1 wird simuliert (%2 von %3)</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Up to date</source>
            <translation>Aktuell</translation>
        </message>
    </context>
    <context>
        <name>skyline::FigureLabels</name>
        <message>
            <location filename="../widgets/report/FigureLabels.cpp" line="+18" />
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compute</source>
            <translation>Rechenzeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Init (cold starts)</source>
            <translation>Initialisierung (Kaltstarts)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Provisioned concurrency</source>
            <translation>Bereitgestellte Nebenläufigkeit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compute on provisioned instances</source>
            <translation>Rechenzeit auf bereitgestellten Instanzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>vCPU</source>
            <translation>vCPU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Memory</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <location line="+1" />
            <source>API calls</source>
            <translation>API-Aufrufe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>LCUs</source>
            <translation>LCUs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Platform fee</source>
            <translation>Plattformgebühr</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Publishes</source>
            <translation>Veröffentlichungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Events</source>
            <translation>Ereignisse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reads</source>
            <translation>Lesevorgänge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writes</source>
            <translation>Schreibvorgänge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Storage</source>
            <translation>Speicherplatz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Brokers</source>
            <translation>Broker</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Deployables</source>
            <translation>Deploybare Einheiten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Runtimes</source>
            <translation>Laufzeiten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synchronous edges</source>
            <translation>Synchrone Kanten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Asynchronous edges</source>
            <translation>Asynchrone Kanten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cross-context edges</source>
            <translation>Kontextübergreifende Kanten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Message brokers</source>
            <translation>Message Broker</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Datastores</source>
            <translation>Datenspeicher</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Self-run infrastructure</source>
            <translation>Selbst betriebene Infrastruktur</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Managed components</source>
            <translation>Verwaltete Komponenten</translation>
        </message>
    </context>
    <context>
        <name>skyline::InstancesChart</name>
        <message>
            <location filename="../widgets/charts/InstancesChart.cpp" line="+22" />
            <source>Time of day (hours)</source>
            <translation>Tageszeit (Stunden)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Instances or replicas</source>
            <translation>Instanzen oder Replikate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Instances over the day — %1 (solid: alive, dashed: busy)</source>
            <translation>Instanzen über den Tag — %1 (durchgezogen: aktiv, gestrichelt: beschäftigt)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 alive</source>
            <translation>%1 aktiv</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 replicas</source>
            <translation>%1 Replikate</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 busy</source>
            <translation>%1 beschäftigt</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 busy workers</source>
            <translation>%1 beschäftigte Worker</translation>
        </message>
    </context>
    <context>
        <name>skyline::LatencyChart</name>
        <message>
            <location filename="../widgets/charts/LatencyChart.cpp" line="+49" />
            <source>End-to-end latency at the busiest hour (ms)</source>
            <translation>Ende-zu-Ende-Latenz in der Spitzenstunde (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>percentile</source>
            <translation>Perzentil</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Latency per entry point — %1</source>
            <translation>Latenz pro Einstiegspunkt — %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 (%2 fails)</source>
            <translation>%1 (%2 scheitert)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Latency per entry point — all candidates</source>
            <translation>Latenz pro Einstiegspunkt — alle Kandidaten</translation>
        </message>
    </context>
    <context>
        <name>skyline::LoadChart</name>
        <message>
            <location filename="../widgets/charts/LoadChart.cpp" line="+22" />
            <source>Time of day (hours)</source>
            <translation>Tageszeit (Stunden)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Requests per second</source>
            <translation>Anfragen pro Sekunde</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Load over the day — %1</source>
            <translation>Last über den Tag — %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Load over the day — all candidates</source>
            <translation>Last über den Tag — alle Kandidaten</translation>
        </message>
    </context>
    <context>
        <name>skyline::MainWindow</name>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="+91" />
            <source>&amp;Rename…</source>
            <translation>&amp;Umbenennen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>D&amp;uplicate</source>
            <translation>&amp;Duplizieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Delete…</source>
            <translation>&amp;Löschen…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Ready</source>
            <translation>Bereit</translation>
        </message>
        <message>
            <location line="+131" />
            <source>&amp;New</source>
            <translation>&amp;Neu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open…</source>
            <translation>Ö&amp;ffnen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save &amp;As…</source>
            <translation>Speichern &amp;unter…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re&amp;vert</source>
            <translation>Zu&amp;rücksetzen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <location line="-35" />
            <location line="+39" />
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <location line="-38" />
            <location line="+41" />
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+1" />
            <source>Ctrl+Y</source>
            <translation>Ctrl+Y</translation>
        </message>
        <message>
            <location line="-47" />
            <location line="+51" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <location line="-50" />
            <location line="+51" />
            <source>Redo</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Cu&amp;t</source>
            <translation>A&amp;usschneiden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Paste</source>
            <translation>E&amp;infügen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select &amp;All</source>
            <translation>&amp;Alles auswählen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;name</source>
            <translation>Umbe&amp;nennen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+R</source>
            <translation>Ctrl+R</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rename the selected node or context in place (or double-click its title)</source>
            <translation>Den ausgewählten Knoten oder Kontext direkt umbenennen (oder auf seinen Titel doppelklicken)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Duplicate &amp;Selection</source>
            <translation>Auswahl &amp;duplizieren</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+D</source>
            <translation>Ctrl+D</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the selected nodes and the calls among them beside them</source>
            <translation>Die ausgewählten Knoten und die Aufrufe zwischen ihnen daneben kopieren</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Getting Started</source>
            <translation>&amp;Erste Schritte</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A short guide: draw a candidate, read its figures, compare</source>
            <translation>Eine kurze Anleitung: einen Kandidaten zeichnen, seine Zahlen lesen, vergleichen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Pre&amp;ferences…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoom &amp;In</source>
            <translation>&amp;Vergrößern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Zoom &amp;Out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Zoom to &amp;Fit</source>
            <translation>&amp;Einpassen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+9</source>
            <translation>Ctrl+9</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Actual Size</source>
            <translation>&amp;Originalgröße</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Snap to Grid</source>
            <translation>Am &amp;Raster ausrichten</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Add Candidate</source>
            <translation>Kandidat &amp;hinzufügen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+T</source>
            <translation>Ctrl+T</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Rename Candidate…</source>
            <translation>Kandidat &amp;umbenennen…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>F2</source>
            <translation>F2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>D&amp;uplicate Candidate</source>
            <translation>Kandidat &amp;duplizieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Delete Candidate…</source>
            <translation>Kandidat &amp;löschen…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;About Skyline</source>
            <translation>&amp;Über Skyline</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Select</source>
            <translation>Auswählen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Select, move and resize (Esc)</source>
            <translation>Auswählen, verschieben und Größe ändern (Esc)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>API Call</source>
            <translation>API-Aufruf</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Draw synchronous API calls between nodes</source>
            <translation>Synchrone API-Aufrufe zwischen Knoten zeichnen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Draw asynchronous events between nodes</source>
            <translation>Asynchrone Ereignisse zwischen Knoten zeichnen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Context</source>
            <translation>Kontext</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Draw a bounded context box</source>
            <translation>Einen Bounded Context als Rahmen zeichnen</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Bring into Conte&amp;xt</source>
            <translation>In Konte&amp;xt verschieben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Move the selected nodes into a bounded context</source>
            <translation>Die ausgewählten Knoten in einen Bounded Context verschieben</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Tool</source>
            <translation>&amp;Werkzeug</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Panels</source>
            <translation>&amp;Bereiche</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Candidate</source>
            <translation>&amp;Kandidat</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Examples</source>
            <translation>&amp;Beispiele</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Main</source>
            <translation>Hauptleiste</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Components</source>
            <translation>Komponenten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Properties</source>
            <translation>Eigenschaften</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Workloads</source>
            <translation>Lastprofile</translation>
        </message>
        <message>
            <location line="+139" />
            <location line="+99" />
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <location line="-98" />
            <source>%1[*] — Skyline</source>
            <translation>%1[*] — Skyline</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Unsaved Changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“%1” has unsaved changes.</source>
            <translation>„%1“ hat ungespeicherte Änderungen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Do you want to save them?</source>
            <translation>Möchten Sie sie speichern?</translation>
        </message>
        <message>
            <location line="+15" />
            <source>New project</source>
            <translation>Neues Projekt</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open Project</source>
            <translation>Projekt öffnen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skyline projects (*.skyline);;All files (*)</source>
            <translation>Skyline-Projekte (*.skyline);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cannot Open File</source>
            <translation>Datei kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“%1” could not be opened. The open project is unchanged.</source>
            <translation>„%1“ konnte nicht geöffnet werden. Das geöffnete Projekt bleibt unverändert.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Opened %1</source>
            <translation>%1 geöffnet</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Save Project As</source>
            <translation>Projekt speichern unter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skyline projects (*.skyline)</source>
            <translation>Skyline-Projekte (*.skyline)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cannot Save</source>
            <translation>Speichern nicht möglich</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Revert</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discard your changes and reload “%1” from disk?</source>
            <translation>Ihre Änderungen verwerfen und „%1“ neu von der Festplatte laden?</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Cannot Open Example</source>
            <translation>Beispiel kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The example %1 cannot be read.</source>
            <translation>Das Beispiel %1 kann nicht gelesen werden.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Recover Unsaved Work (%1 of %2)</source>
            <translation>Ungesicherte Arbeit wiederherstellen (%1 von %2)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+23" />
            <source>Recover Unsaved Work</source>
            <translation>Ungespeicherte Arbeit wiederherstellen</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Skyline did not shut down cleanly. Unsaved work from %1 was kept.</source>
            <translation>Skyline wurde nicht ordnungsgemäß beendet. Ungespeicherte Arbeit vom %1 wurde aufbewahrt.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Restore it?</source>
            <translation>Wiederherstellen?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>It holds changes to “%1”. Restore it?</source>
            <translation>Sie enthält Änderungen an „%1“. Wiederherstellen?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Restore</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Discard</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The recovery copy cannot be read; it is discarded.</source>
            <translation>Die Wiederherstellungskopie kann nicht gelesen werden; sie wird verworfen.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>&amp;%1 %2</source>
            <translation>&amp;%1 %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No Recent Files</source>
            <translation>Keine zuletzt geöffneten Dateien</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Clear Menu</source>
            <translation>Menü &amp;leeren</translation>
        </message>
        <message>
            <location line="+19" />
            <source>No Examples Installed</source>
            <translation>Keine Beispiele installiert</translation>
        </message>
        <message>
            <location line="+80" />
            <source>Candidate %1</source>
            <translation>Kandidat %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Rename Candidate</source>
            <translation>Kandidat umbenennen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <location line="+21" />
            <source>A project keeps at least one candidate.</source>
            <translation>Ein Projekt behält mindestens einen Kandidaten.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delete Candidate</source>
            <translation>Kandidat löschen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the candidate “%1” and everything on its canvas? Edit ▸ Undo brings it back.</source>
            <translation>Den Kandidaten „%1“ mit allem auf seiner Zeichenfläche löschen? Bearbeiten ▸ Rückgängig holt ihn zurück.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>About Skyline</source>
            <translation>Über Skyline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;h3&gt;Skyline %1&lt;/h3&gt;&lt;p&gt;Sketch serverless and microservice candidates for the same product and compare how they scale, answer, fail and cost.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Skyline %1&lt;/h3&gt;&lt;p&gt;Skizzieren Sie Serverless- und Microservice-Kandidaten für dasselbe Produkt und vergleichen Sie, wie sie skalieren, antworten, ausfallen und was sie kosten.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The guide is missing from this build.</source>
            <translation>Die Anleitung fehlt in diesem Build.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Getting Started</source>
            <translation>Erste Schritte</translation>
        </message>
        <message>
            <location line="+27" />
            <source>No contexts: draw one with the Context tool (B)</source>
            <translation>Keine Kontexte: zeichnen Sie einen mit dem Kontext-Werkzeug (B)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowResults.cpp" line="+95" />
            <source>Compare Candidates</source>
            <translation>Kandidaten vergleichen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Compare Candidates</source>
            <translation>Kandidaten ver&amp;gleichen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+Shift+C</source>
            <translation>Ctrl+Shift+C</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every candidate's headline figures side by side</source>
            <translation>Die wichtigsten Kennzahlen aller Kandidaten nebeneinander</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Warnings</source>
            <translation>Warnungen</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+184" />
            <source>Con&amp;vert to Function / Service</source>
            <translation>In Funktion / Dienst um&amp;wandeln</translation>
        </message>
        <message>
            <location line="-182" />
            <source>Turns the selected service into a function, or back (undoable)</source>
            <translation>Wandelt den ausgewählten Dienst in eine Funktion um oder zurück (rückgängig machbar)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Show &amp;Badges</source>
            <translation>B&amp;adges anzeigen</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Canvas as &amp;PNG…</source>
            <translation>Zeichenfläche als &amp;PNG…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Canvas as &amp;SVG…</source>
            <translation>Zeichenfläche als &amp;SVG…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Canvas as P&amp;DF…</source>
            <translation>Zeichenfläche als P&amp;DF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Chart as PN&amp;G…</source>
            <translation>Diagramm als PN&amp;G…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Chart as S&amp;VG…</source>
            <translation>Diagramm als S&amp;VG…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Chart as PD&amp;F…</source>
            <translation>Diagramm als PD&amp;F…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Figures as &amp;CSV…</source>
            <translation>Kennzahlen als &amp;CSV…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;HTML Report…</source>
            <translation>&amp;HTML-Bericht…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <location line="+16" />
            <source>C&amp;harts</source>
            <translation>&amp;Diagramme</translation>
        </message>
        <message>
            <location line="+11" />
            <source>What-if</source>
            <translation>Was-wäre-wenn</translation>
        </message>
        <message>
            <location line="+114" />
            <source>Con&amp;vert to Function</source>
            <translation>In Funktion um&amp;wandeln</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Con&amp;vert to Service</source>
            <translation>In Dienst um&amp;wandeln</translation>
        </message>
        <message>
            <location line="+39" />
            <source>There is no canvas to export.</source>
            <translation>Es gibt keine Zeichenfläche zum Exportieren.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowImport.cpp" line="+67" />
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ctrl+I</source>
            <translation>Ctrl+I</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import Docker Compose, AWS SAM / CloudFormation, Serverless Framework or Kubernetes files as a project or a candidate</source>
            <translation>Docker-Compose-, AWS-SAM-/CloudFormation-, Serverless-Framework- oder Kubernetes-Dateien als Projekt oder Kandidat importieren</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Candidate as &amp;Mermaid…</source>
            <translation>Kandidat als &amp;Mermaid…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Import Review</source>
            <translation>Import prüfen</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Infrastructure files (*.yaml *.yml *.json *.template)</source>
            <translation>Infrastrukturdateien (*.yaml *.yml *.json *.template)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Docker Compose (*compose*.yaml *compose*.yml)</source>
            <translation>Docker Compose (*compose*.yaml *compose*.yml)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>AWS SAM / CloudFormation (*.yaml *.yml *.json *.template)</source>
            <translation>AWS SAM / CloudFormation (*.yaml *.yml *.json *.template)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serverless Framework (serverless.yml serverless.yaml)</source>
            <translation>Serverless Framework (serverless.yml serverless.yaml)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kubernetes manifests (*.yaml *.yml)</source>
            <translation>Kubernetes-Manifeste (*.yaml *.yml)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+15" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import %1 as:</source>
            <translation>%1 importieren als:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A new candidate sits next to the ones you have, to compare; Edit ▸ Undo removes it again.</source>
            <translation>Ein neuer Kandidat steht zum Vergleich neben den vorhandenen; Bearbeiten ▸ Rückgängig entfernt ihn wieder.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open as a New &amp;Project</source>
            <translation>Als neues &amp;Projekt öffnen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add as a New Candidate to “%1”</source>
            <translation>Als neuen Kandidaten zu „%1“ &amp;hinzufügen</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Cannot Import</source>
            <translation>Import nicht möglich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 could not be imported. Nothing was changed.</source>
            <translation>%1 konnte nicht importiert werden. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No files to import.</source>
            <translation>Keine Dateien zum Importieren.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1: cannot be read (%2)</source>
            <translation>%1: kann nicht gelesen werden (%2)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Nothing could be imported.</source>
            <translation>Es konnte nichts importiert werden.</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Imported %1: %n node(s)</source>
            <translation>
                <numerusform>%1 importiert: %n Knoten</numerusform>
                <numerusform>%1 importiert: %n Knoten</numerusform>
            </translation>
        </message>
        <message>
            <location line="+44" />
            <source>There is no candidate to export.</source>
            <translation>Es gibt keinen Kandidaten zum Exportieren.</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../app/gui/MainWindowResults.cpp" line="+18" />
            <location line="+23" />
            <source>Could not write “%1”.</source>
            <translation>„%1“ konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Export Mermaid Diagram</source>
            <translation>Mermaid-Diagramm exportieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mermaid diagrams (*.mmd);;Markdown (*.md)</source>
            <translation>Mermaid-Diagramme (*.mmd);;Markdown (*.md)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowResults.cpp" line="-16" />
            <source>There is no chart to export.</source>
            <translation>Es gibt kein Diagramm zum Exportieren.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>There are no figures yet: the evaluation has not finished.</source>
            <translation>Es gibt noch keine Kennzahlen: Die Auswertung ist noch nicht abgeschlossen.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>untitled</source>
            <translation>unbenannt</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Exported %1</source>
            <translation>%1 exportiert</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export Failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>SVG images (*.svg)</source>
            <translation>SVG-Bilder (*.svg)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PNG images (*.png)</source>
            <translation>PNG-Bilder (*.png)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export Canvas</source>
            <translation>Zeichenfläche exportieren</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export Chart</source>
            <translation>Diagramm exportieren</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export Figures</source>
            <translation>Kennzahlen exportieren</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Export HTML Report</source>
            <translation>HTML-Bericht exportieren</translation>
        </message>
    </context>
    <context>
        <name>skyline::MemorySweepChart</name>
        <message>
            <location filename="../widgets/charts/MemorySweepChart.cpp" line="+16" />
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Memory sweep — select a function</source>
            <translation>Speicher-Durchlauf — eine Funktion auswählen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select a function on the canvas to see its cost per million requests and its p99 at every memory size.</source>
            <translation>Wählen Sie auf der Zeichenfläche eine Funktion, um ihre Kosten pro Million Anfragen und ihr p99 bei jeder Speichergröße zu sehen.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Sweeping the memory of %1…</source>
            <translation>Speicher von %1 wird durchlaufen …</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cannot sweep the memory of %1:
%2</source>
            <translation>Der Speicher von %1 kann nicht durchlaufen werden:
%2</translation>
        </message>
        <message>
            <location line="+50" />
            <source>p99 (ms, dashed)</source>
            <translation>p99 (ms, gestrichelt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Memory (MB)</source>
            <translation>Speicher (MB)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>USD per million requests</source>
            <translation>USD pro Million Anfragen</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cost per million requests</source>
            <translation>Kosten pro Million Anfragen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>p99</source>
            <translation>p99</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cheapest / balanced</source>
            <translation>Günstigste / ausgewogene</translation>
        </message>
        <message>
            <location line="+7" />
            <source>cheapest and balanced
%1 MB</source>
            <translation>günstigste und ausgewogene
%1 MB</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cheapest
%1 MB</source>
            <translation>günstigste
%1 MB</translation>
        </message>
        <message>
            <location line="+3" />
            <source>balanced
%1 MB</source>
            <translation>ausgewogene
%1 MB</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Memory sweep of %1 — cheapest %2 MB, balanced %3 MB</source>
            <translation>Speicher-Durchlauf von %1 — am günstigsten %2 MB, ausgewogen %3 MB</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Memory sweep of %1 — every size fails more than 1 % of its requests</source>
            <translation>Speicher-Durchlauf von %1 — bei jeder Größe scheitern mehr als 1 % ihrer Anfragen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Memory sweep of %1 — it gets no requests</source>
            <translation>Speicher-Durchlauf von %1 — sie erhält keine Anfragen</translation>
        </message>
        <message>
            <location line="+13" />
            <source>now %1 MB</source>
            <translation>jetzt %1 MB</translation>
        </message>
    </context>
    <context>
        <name>skyline::NodeBadges</name>
        <message>
            <location filename="../widgets/canvas/NodeBadges.cpp" line="+53" />
            <source>p99 %1</source>
            <extracomment>the badge of a node's 99th percentile latency, e.g. "p99 1.4 s"</extracomment>
            <translation>p99 %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>p99 fails</source>
            <extracomment>the badge of a node whose 99th percentile falls among failed requests</extracomment>
            <translation>p99 scheitert</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Monthly cost: %1</source>
            <translation>Monatliche Kosten: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Peak instances: %1</source>
            <translation>Instanzen zur Spitze: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>p99 latency: %1</source>
            <translation>p99-Latenz: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of requests fail (throttled or slower than the caller's timeout)%2</source>
            <translation>%1 der Anfragen scheitern (gedrosselt oder langsamer als das Timeout des Aufrufers)%2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>; p99 fails</source>
            <translation>; p99 scheitert</translation>
        </message>
    </context>
    <context>
        <name>skyline::NodeKind</name>
        <message>
            <location filename="../model/domain/NodeKinds.cpp" line="-40" />
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A source of traffic (web, mobile, partner). Its requests per second follow the workload it is bound to.</source>
            <translation>Eine Verkehrsquelle (Web, Mobil, Partner). Ihre Anfragen pro Sekunde folgen der Last, an die sie gebunden ist.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>API gateway</source>
            <translation>API-Gateway</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An API gateway or load balancer in front of functions or services. Adds its latency and its price per call or per hour.</source>
            <translation>Ein API-Gateway oder Load Balancer vor Funktionen oder Diensten. Fügt seine Latenz und seinen Preis pro Aufruf oder pro Stunde hinzu.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A serverless function: scales per request up to a concurrency limit, pays cold starts, and is billed per request and GB-second.</source>
            <translation>Eine Serverless-Funktion: skaliert pro Anfrage bis zu einem Parallelitätslimit, zahlt Kaltstarts und wird pro Anfrage und GB-Sekunde abgerechnet.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Service</source>
            <translation>Dienst</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A long-running microservice: autoscaled replicas with a number of workers each, billed per replica hour.</source>
            <translation>Ein dauerhaft laufender Microservice: automatisch skalierte Replikate mit je mehreren Workern, abgerechnet pro Replikatstunde.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Queue / topic</source>
            <translation>Warteschlange / Topic</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A queue, topic or event bus. Decouples callers from consumers: adds delivery latency to the asynchronous path and buffers a backlog.</source>
            <translation>Eine Warteschlange, ein Topic oder ein Event-Bus. Entkoppelt Aufrufer von Verbrauchern: fügt dem asynchronen Pfad Zustelllatenz hinzu und puffert einen Rückstau.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Datastore</source>
            <translation>Datenspeicher</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A database or cache where state lives. Adds its latency and its price per request or per instance hour.</source>
            <translation>Eine Datenbank oder ein Cache, in dem der Zustand liegt. Fügt seine Latenz und seinen Preis pro Anfrage oder pro Instanzstunde hinzu.</translation>
        </message>
    </context>
    <context>
        <name>skyline::NodePalette</name>
        <message>
            <location filename="../widgets/canvas/NodePalette.cpp" line="+35" />
            <source>Click a kind to add it at the centre of the canvas, or drag it onto the canvas.</source>
            <translation>Klicken Sie auf eine Art, um sie in der Mitte der Zeichenfläche hinzuzufügen, oder ziehen Sie sie auf die Zeichenfläche.</translation>
        </message>
    </context>
    <context>
        <name>skyline::NumberField</name>
        <message>
            <location filename="../widgets/panels/NumberField.cpp" line="+48" />
            <source>Scientific notation such as 1e6 is accepted.</source>
            <translation>Wissenschaftliche Schreibweise wie 1e6 wird akzeptiert.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>%1 needs a number.</source>
            <translation>%1 braucht eine Zahl.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“%1” is not a number; %2 needs a number (%3).</source>
            <translation>„%1“ ist keine Zahl; %2 braucht eine Zahl (%3).</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 must be a whole number; %2 was not stored.</source>
            <translation>%1 muss eine ganze Zahl sein; %2 wurde nicht übernommen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 must be between %2 and %3; %4 was not stored.</source>
            <translation>%1 muss zwischen %2 und %3 liegen; %4 wurde nicht übernommen.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Range: %1 to %2</source>
            <translation>Bereich: %1 bis %2</translation>
        </message>
    </context>
    <context>
        <name>skyline::NumberFormat</name>
        <message>
            <location filename="../widgets/report/DiagnosticText.cpp" line="+20" />
            <location filename="../widgets/report/NumberFormat.cpp" line="+120" />
            <source>%1 s</source>
            <extracomment>seconds</extracomment>
            <translation>%1 s</translation>
        </message>
        <message>
            <location filename="../widgets/report/NumberFormat.cpp" line="-93" />
            <source>B</source>
            <translation> Mrd.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>M</source>
            <translation> Mio.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>k</source>
            <translation>k</translation>
        </message>
        <message>
            <location line="+79" />
            <source>%1/mo</source>
            <extracomment>a monthly amount, e.g. "$1,234/mo"; %1 is the amount with its currency symbol</extracomment>
            <translation>%1/Mon.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>%1 ms</source>
            <extracomment>milliseconds</extracomment>
            <translation>%1 ms</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 %</source>
            <extracomment>a percentage, e.g. "12.5 %"</extracomment>
            <translation>%1 %</translation>
        </message>
        <message>
            <location line="+35" />
            <source>%1 req/s</source>
            <extracomment>requests per second</extracomment>
            <translation>%1 Anfr./s</translation>
        </message>
    </context>
    <context>
        <name>skyline::ParamSchema</name>
        <message>
            <location filename="../widgets/panels/PropertyPanel.cpp" line="+33" />
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Latency</source>
            <translation>Latenz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Availability</source>
            <translation>Verfügbarkeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Provider</source>
            <translation>Anbieter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Architecture</source>
            <translation>Architektur</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Memory</source>
            <translation>Arbeitsspeicher</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run time</source>
            <translation>Laufzeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run time variability</source>
            <translation>Streuung der Laufzeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cold start</source>
            <translation>Kaltstart</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep-alive</source>
            <translation>Vorhaltezeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Concurrency limit</source>
            <translation>Parallelitätsgrenze</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Provisioned concurrency</source>
            <translation>Bereitgestellte Parallelität</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Needs state</source>
            <translation>Braucht Zustand</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Runtime</source>
            <translation>Laufzeitumgebung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hosting</source>
            <translation>Hosting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>vCPU</source>
            <translation>vCPU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service time</source>
            <translation>Bedienzeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service time variability</source>
            <translation>Streuung der Bedienzeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workers per replica</source>
            <translation>Worker je Replikat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min replicas</source>
            <translation>Min. Replikate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max replicas</source>
            <translation>Max. Replikate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Target utilisation</source>
            <translation>Zielauslastung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scale-up delay</source>
            <translation>Verzögerung beim Hochskalieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scale-down delay</source>
            <translation>Verzögerung beim Herunterskalieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery latency</source>
            <translation>Zustelllatenz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Batch size</source>
            <translation>Batchgröße</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Message size</source>
            <translation>Nachrichtengröße</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max connections</source>
            <translation>Max. Verbindungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate</source>
            <translation>Rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peak rate</source>
            <translation>Spitzenrate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trough rate</source>
            <translation>Tiefstrate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peak hour</source>
            <translation>Spitzenstunde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Office-hours rate</source>
            <translation>Rate zu Geschäftszeiten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off-hours rate</source>
            <translation>Rate außerhalb der Geschäftszeiten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opens</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closes</source>
            <translation>Ende</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base rate</source>
            <translation>Grundrate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spike rate</source>
            <translation>Rate einer Lastspitze</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spikes per day</source>
            <translation>Lastspitzen pro Tag</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spike length</source>
            <translation>Dauer einer Lastspitze</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Seed</source>
            <translation>Startwert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ms</source>
            <translation>ms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>MB</source>
            <translation>MB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CV</source>
            <translation>VK</translation>
        </message>
        <message>
            <location line="+1" />
            <source>s</source>
            <translation>s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>instances</source>
            <translation>Instanzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GB</source>
            <translation>GB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>workers</source>
            <translation>Worker</translation>
        </message>
        <message>
            <location line="+1" />
            <source>replicas</source>
            <translation>Replikate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>messages</source>
            <translation>Nachrichten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>KB</source>
            <translation>KB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>connections</source>
            <translation>Verbindungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>req/s</source>
            <translation>Anfr./s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>h</source>
            <translation>h</translation>
        </message>
        <message>
            <location line="+1" />
            <source>spikes</source>
            <translation>Spitzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>min</source>
            <translation>min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Which gateway or load balancer; decides the price per call or per hour.</source>
            <translation>Welches Gateway oder welcher Load Balancer; bestimmt den Preis pro Aufruf oder pro Stunde.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Latency the gateway adds to every call it forwards.</source>
            <translation>Latenz, die das Gateway jedem weitergeleiteten Aufruf hinzufügt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Share of time the component is up (0.999 = three nines); feeds the availability of every entry point that calls it.</source>
            <translation>Anteil der Zeit, in der die Komponente läuft (0,999 = drei Neunen); geht in die Verfügbarkeit jedes Einstiegspunkts ein, der sie aufruft.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Serverless platform; decides prices and the execution time limit.</source>
            <translation>Serverless-Plattform; bestimmt Preise und die maximale Ausführungszeit.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CPU architecture (arm is cheaper).</source>
            <translation>CPU-Architektur (arm ist günstiger).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Memory of one instance; billed as GB-seconds.</source>
            <translation>Arbeitsspeicher einer Instanz; abgerechnet in GB-Sekunden.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mean warm run time of one invocation.</source>
            <translation>Mittlere warme Laufzeit eines Aufrufs.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coefficient of variation of the run time (1 = exponential, 0 = constant).</source>
            <translation>Variationskoeffizient der Laufzeit (1 = exponentiell, 0 = konstant).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Init time a new instance spends before its first request (billed).</source>
            <translation>Initialisierungszeit einer neuen Instanz vor ihrer ersten Anfrage (wird abgerechnet).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Idle time after which the platform reclaims an instance.</source>
            <translation>Leerlaufzeit, nach der die Plattform eine Instanz abbaut.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Most instances at once; requests beyond it are throttled.</source>
            <translation>Höchstzahl gleichzeitiger Instanzen; Anfragen darüber hinaus werden gedrosselt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Instances kept warm all day (billed whether used or not).</source>
            <translation>Den ganzen Tag warm gehaltene Instanzen (abgerechnet, ob genutzt oder nicht).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The function keeps state between requests, so it must reach a datastore.</source>
            <translation>Die Funktion hält Zustand zwischen Anfragen und muss daher einen Datenspeicher erreichen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Language runtime (counts towards complexity).</source>
            <translation>Sprach-Laufzeitumgebung (zählt zur Komplexität).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where the replicas run; decides prices and platform fees.</source>
            <translation>Wo die Replikate laufen; bestimmt Preise und Plattformgebühren.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>vCPUs of one replica.</source>
            <translation>vCPUs eines Replikats.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Memory of one replica.</source>
            <translation>Arbeitsspeicher eines Replikats.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mean time one worker spends on one request.</source>
            <translation>Mittlere Zeit, die ein Worker für eine Anfrage braucht.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coefficient of variation of the service time (1 = exponential).</source>
            <translation>Variationskoeffizient der Bedienzeit (1 = exponentiell).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Requests one replica serves at once.</source>
            <translation>Anfragen, die ein Replikat gleichzeitig bedient.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replicas that always run.</source>
            <translation>Replikate, die immer laufen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Most replicas the autoscaler starts.</source>
            <translation>Höchstzahl an Replikaten, die der Autoscaler startet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Utilisation the autoscaler aims for.</source>
            <translation>Auslastung, die der Autoscaler anstrebt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time before the autoscaler adds replicas for higher demand.</source>
            <translation>Zeit, bis der Autoscaler bei höherer Nachfrage Replikate hinzufügt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Time of lower demand before the autoscaler removes replicas.</source>
            <translation>Dauer geringerer Nachfrage, bevor der Autoscaler Replikate entfernt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Queue, topic or event bus; decides prices.</source>
            <translation>Warteschlange, Topic oder Event-Bus; bestimmt die Preise.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time from publish to delivery (asynchronous: not added to the caller).</source>
            <translation>Zeit vom Veröffentlichen bis zur Zustellung (asynchron: zählt nicht zur Latenz des Aufrufers).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Messages delivered per consumer invocation.</source>
            <translation>Pro Aufruf des Konsumenten zugestellte Nachrichten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size of one message; SQS bills per 64 KB chunk.</source>
            <translation>Größe einer Nachricht; SQS rechnet je angefangene 64 KB ab.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database or cache; decides prices per request or per hour.</source>
            <translation>Datenbank oder Cache; bestimmt die Preise pro Anfrage oder pro Stunde.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Latency of one call.</source>
            <translation>Latenz eines Aufrufs.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection limit (0 = no limit); too many function instances exhaust it.</source>
            <translation>Verbindungsgrenze (0 = keine Grenze); zu viele Funktionsinstanzen schöpfen sie aus.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Requests per second all day.</source>
            <translation>Anfragen pro Sekunde über den ganzen Tag.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate at the peak hour.</source>
            <translation>Rate zur Spitzenstunde.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate twelve hours from the peak.</source>
            <translation>Rate zwölf Stunden nach der Spitze.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hour of the day of the peak.</source>
            <translation>Tagesstunde der Spitze.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate during office hours.</source>
            <translation>Rate während der Geschäftszeiten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate outside office hours.</source>
            <translation>Rate außerhalb der Geschäftszeiten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hour office hours start.</source>
            <translation>Stunde, zu der die Geschäftszeiten beginnen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hour office hours end.</source>
            <translation>Stunde, zu der die Geschäftszeiten enden.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate between spikes.</source>
            <translation>Rate zwischen den Lastspitzen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate during a spike.</source>
            <translation>Rate während einer Lastspitze.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many spikes.</source>
            <translation>Anzahl der Lastspitzen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Length of one spike.</source>
            <translation>Dauer einer Lastspitze.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Seed that places the spikes.</source>
            <translation>Startwert, der die Lastspitzen platziert.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls per request</source>
            <translation>Aufrufe pro Anfrage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many calls or events the source makes for each request it handles.</source>
            <translation>Wie viele Aufrufe oder Ereignisse die Quelle für jede bearbeitete Anfrage auslöst.</translation>
        </message>
        <message>
            <location line="+35" />
            <source>instance</source>
            <translation>Instanz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>worker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <location line="+1" />
            <source>replica</source>
            <translation>Replikat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <location line="+1" />
            <source>connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>spike</source>
            <translation>Spitze</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Share of requests</source>
            <translation>Anteil der Anfragen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Share of the gateway's requests that take this route; a gateway's routes add up to 100 %.</source>
            <translation>Anteil der Anfragen des Gateways, die diese Route nehmen; die Routen eines Gateways ergeben zusammen 100 %.</translation>
        </message>
        <message>
            <location line="-85" />
            <source>Latency of one call on the network (API calls).</source>
            <translation>Latenz eines Aufrufs im Netzwerk (API-Aufrufe).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours per month</source>
            <translation>Stunden pro Monat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours in a billing month (730 is the convention of the AWS Pricing Calculator).</source>
            <translation>Stunden in einem Abrechnungsmonat (730 ist die Konvention des AWS Pricing Calculator).</translation>
        </message>
    </context>
    <context>
        <name>skyline::PreferencesDialog</name>
        <message>
            <location filename="../app/gui/PreferencesDialog.cpp" line="+19" />
            <source>Preferences</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A new language takes effect at once, numbers included.</source>
            <translation>Eine neue Sprache wirkt sofort, Zahlen eingeschlossen.</translation>
        </message>
    </context>
    <context>
        <name>skyline::PropertyPanel</name>
        <message>
            <location filename="../widgets/panels/PropertyPanel.cpp" line="+350" />
            <source>Project</source>
            <translation>Projekt</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+94" />
            <location line="+357" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="-442" />
            <source>What this project decides, for whom</source>
            <translation>Was dieses Projekt entscheidet, und für wen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Pricing</source>
            <translation>Preise</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Price catalog</source>
            <translation>Preiskatalog</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Prices used for every candidate: provider, region and the date of each price.</source>
            <translation>Für alle Kandidaten verwendete Preise: Anbieter, Region und Datum jedes Preises.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Count free tiers</source>
            <translation>Kostenlose Kontingente anrechnen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Free tier</source>
            <translation>Kostenloses Kontingent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Subtract the providers' monthly free allowances from the cost.</source>
            <translation>Die monatlichen Freikontingente der Anbieter von den Kosten abziehen.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Hours per month</source>
            <translation>Stunden pro Monat</translation>
        </message>
        <message>
            <location line="+33" />
            <location line="+357" />
            <source>A name cannot be empty.</source>
            <translation>Ein Name darf nicht leer sein.</translation>
        </message>
        <message>
            <location line="-334" />
            <source>Workload</source>
            <translation>Lastprofil</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The requests per second this client sends over the day.</source>
            <translation>Die Anfragen pro Sekunde, die dieser Client über den Tag sendet.</translation>
        </message>
        <message>
            <location line="+143" />
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <location line="+33" />
            <source>API call (synchronous)</source>
            <translation>API-Aufruf (synchron)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event (asynchronous)</source>
            <translation>Ereignis (asynchron)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location line="+4" />
            <source>API calls wait for the answer and add latency; events only add load downstream.</source>
            <translation>API-Aufrufe warten auf die Antwort und erhöhen die Latenz; Ereignisse erzeugen nur nachgelagert Last.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Calls per request</source>
            <translation>Aufrufe pro Anfrage</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Network latency</source>
            <translation>Netzwerklatenz</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Called in parallel</source>
            <translation>Parallel aufgerufen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Parallel</source>
            <translation>Parallel</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The caller makes this call in parallel with its other calls (fan-out).</source>
            <translation>Der Aufrufer macht diesen Aufruf parallel zu seinen anderen Aufrufen (Fan-out).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Caller degrades on failure</source>
            <translation>Aufrufer arbeitet bei Ausfall eingeschränkt weiter</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fallback</source>
            <translation>Fallback</translation>
        </message>
        <message>
            <location line="+4" />
            <source>When the callee is down the caller degrades instead of failing: the failure stops here.</source>
            <translation>Fällt der Aufgerufene aus, arbeitet der Aufrufer eingeschränkt weiter statt auszufallen: Der Ausfall endet hier.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>The routes of %1 add up to %2, not 100 %: every request takes one route, so their shares should make 100 %.</source>
            <translation>Die Routen von %1 ergeben zusammen %2, nicht 100 %: Jede Anfrage nimmt eine Route, also sollten ihre Anteile 100 % ergeben.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The routes of %1 add up to %2.</source>
            <translation>Die Routen von %1 ergeben zusammen %2.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Share of requests</source>
            <translation>Anteil der Anfragen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Bounded context</source>
            <translation>Bounded Context</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>%n item(s) selected</source>
            <translation>
                <numerusform>%n Element ausgewählt</numerusform>
                <numerusform>%n Elemente ausgewählt</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select a single node, connection or context to edit it.</source>
            <translation>Wählen Sie einen einzelnen Knoten, eine Verbindung oder einen Kontext aus, um ihn zu bearbeiten.</translation>
        </message>
    </context>
    <context>
        <name>skyline::RangeField</name>
        <message>
            <location filename="../widgets/panels/RangeField.cpp" line="+20" />
            <source>A range says how sure you are of this value: low and high are the least and the most it can plausibly be, the value itself the most likely (a triangular distribution). Uncertainty samples within it for the P10–P90 bands and the “cheapest in N % of samples” row; the tornado chart moves it from low to high.</source>
            <translation>Ein Bereich sagt, wie sicher Sie sich dieses Werts sind: Unten und Oben sind das Kleinste und das Größte, was er plausibel sein kann, der Wert selbst das Wahrscheinlichste (eine Dreiecksverteilung). Die Unsicherheitsanalyse zieht darin Stichproben für die P10–P90-Bänder und die Zeile „am günstigsten in N % der Stichproben“; das Tornado-Diagramm bewegt ihn von unten nach oben.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Give %1 a range (low and high) instead of one guess.
%2</source>
            <translation>%1 einen Bereich (unten und oben) statt einer einzelnen Schätzung geben.
%2</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Low: the least %1 can plausibly be (not above the value).
%2</source>
            <translation>Unten: das Kleinste, was %1 plausibel sein kann (nicht über dem Wert).
%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>High: the most %1 can plausibly be (not below the value).
%2</source>
            <translation>Oben: das Größte, was %1 plausibel sein kann (nicht unter dem Wert).
%2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Clear</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the range: %1 is one number again.</source>
            <translation>Bereich entfernen: %1 ist wieder eine einzelne Zahl.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Low</source>
            <translation>Unten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>High</source>
            <translation>Oben</translation>
        </message>
        <message>
            <location line="+39" />
            <source>%1–%2</source>
            <translation>%1–%2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Low %1 is above the value %2 (low ≤ value ≤ high); not stored.</source>
            <translation>Unten %1 liegt über dem Wert %2 (unten ≤ Wert ≤ oben); nicht gespeichert.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>High %1 is below the value %2 (low ≤ value ≤ high); not stored.</source>
            <translation>Oben %1 liegt unter dem Wert %2 (unten ≤ Wert ≤ oben); nicht gespeichert.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>%1
Ranged: %2 (the value is the most likely).</source>
            <translation>%1
Bereich: %2 (der Wert ist der wahrscheinlichste).</translation>
        </message>
    </context>
    <context>
        <name>skyline::RangeRunner</name>
        <message>
            <location filename="../model/document/RangeRunner.cpp" line="+117" />
            <source>Ranges: cancelled — the next edit analyses them again</source>
            <translation>Bereiche: abgebrochen — die nächste Änderung analysiert sie erneut</translation>
        </message>
        <message numerus="yes">
            <location line="+65" />
            <source>Ranges: sampling %n case(s)</source>
            <translation>
                <numerusform>Bereiche: %n Fall wird gezogen</numerusform>
                <numerusform>Bereiche: %n Fälle werden gezogen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+18" />
            <source>Ranges: what drives the cost</source>
            <translation>Bereiche: was die Kosten treibt</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Ranges: up to date</source>
            <translation>Bereiche: aktuell</translation>
        </message>
    </context>
    <context>
        <name>skyline::ReportWriter</name>
        <message>
            <location filename="../widgets/report/ReportWriter.cpp" line="+49" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <location line="+170" />
            <source>en</source>
            <extracomment>the report's HTML language code (BCP 47) in this translation</extracomment>
            <translation>de</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Decision record: %1</source>
            <translation>Entscheidungsprotokoll: %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Generated by Skyline %1 on %2. Every figure describes the representative day in steady state; monthly figures are the day × hours per month ÷ 24.</source>
            <translation>Erstellt von Skyline %1 am %2. Jede Zahl beschreibt den repräsentativen Tag im eingeschwungenen Zustand; Monatszahlen sind der Tag × Stunden pro Monat ÷ 24.</translation>
        </message>
        <message numerus="yes">
            <location line="+18" />
            <source>Decision record · %n candidate architecture(s) on the same workloads and prices · figures %1</source>
            <translation>
                <numerusform>Entscheidungsprotokoll · %n Kandidaten-Architektur mit denselben Lasten und Preisen · Zahlen %1</numerusform>
                <numerusform>Entscheidungsprotokoll · %n Kandidaten-Architekturen mit denselben Lasten und Preisen · Zahlen %1</numerusform>
            </translation>
        </message>
        <message>
            <location line="+11" />
            <source>Figures at traffic ×%1 (what-if): every workload's requests multiplied by %1.</source>
            <translation>Zahlen bei Verkehr ×%1 (Was-wäre-wenn): die Anfragen jeder Last mit %1 multipliziert.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Candidates:</source>
            <translation>Kandidaten:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Comparison</source>
            <translation>Vergleich</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Figure</source>
            <translation>Kennzahl</translation>
        </message>
        <message>
            <location line="+14" />
            <source>best</source>
            <translation>beste</translation>
        </message>
        <message>
            <location line="+6" />
            <source>★ marks the best value of each row (lowest, or highest for availability); ≈ marks p99 figures that cannot be told apart within their 95 % confidence intervals, and a candidate with more than 1 % failed requests is never best on latency. p99 is the slowest entry point at the busiest hour ("fails" where it falls among failed requests: throttled, or slower than the caller's timeout); the cold-start share weighs each function by its invocations; the blast radius is the largest share of client traffic that fails when one component is down. Figures %1.</source>
            <translation>★ markiert den besten Wert jeder Zeile (den niedrigsten, bei Verfügbarkeit den höchsten); ≈ markiert p99-Werte, die sich innerhalb ihrer 95-%-Konfidenzintervalle nicht unterscheiden lassen, und ein Kandidat mit mehr als 1 % fehlgeschlagenen Anfragen ist bei der Latenz nie der beste. p99 ist der langsamste Einstiegspunkt in der verkehrsreichsten Stunde („scheitert“, wo er unter die fehlgeschlagenen Anfragen fällt: gedrosselt oder langsamer als das Zeitlimit des Aufrufers); der Kaltstart-Anteil gewichtet jede Funktion nach ihren Aufrufen; der Ausfallradius ist der größte Anteil des Client-Verkehrs, der scheitert, wenn eine Komponente ausfällt. Zahlen %1.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Cheapest in % of samples: how often each candidate costs least among %1 samples drawn from the ranges (Latin hypercube, triangular around each value, seed %2, analytic method).</source>
            <translation>Am günstigsten in % der Stichproben: wie oft jeder Kandidat unter %1 aus den Bereichen gezogenen Stichproben am wenigsten kostet (Latin Hypercube, dreieckig um jeden Wert, Startwert %2, analytische Methode).</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 could not be evaluated: %2</source>
            <translation>%1 konnte nicht berechnet werden: %2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cost versus load</source>
            <translation>Kosten gegenüber Last</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No sweep.</source>
            <translation>Kein Durchlauf.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Every workload scaled by a traffic multiplier from ×%1 to ×%2 (%3 points, logarithmic, analytic method).</source>
            <translation>Jede Last skaliert mit einem Verkehrsfaktor von ×%1 bis ×%2 (%3 Punkte, logarithmisch, analytische Methode).</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Monthly cost and p99 against the traffic multiplier</source>
            <translation>Monatskosten und p99 über dem Verkehrsfaktor</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Monthly cost (solid, left axis) and p99 (dashed, right axis) per candidate</source>
            <translation>Monatskosten (durchgezogen, linke Achse) und p99 (gestrichelt, rechte Achse) je Kandidat</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The cost curves do not cross in this range: the cheaper candidate stays cheaper at every load.</source>
            <translation>Die Kostenkurven kreuzen sich in diesem Bereich nicht: Der günstigere Kandidat bleibt bei jeder Last günstiger.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Break-even between</source>
            <translation>Gleichstand zwischen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>and</source>
            <translation>und</translation>
        </message>
        <message>
            <location line="+0" />
            <source>at traffic</source>
            <translation>bei Verkehr</translation>
        </message>
        <message>
            <location line="+1" />
            <source>monthly cost there</source>
            <translation>Monatskosten dort</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is left out of the sweep: %2</source>
            <translation>%1 fehlt im Durchlauf: %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Warnings</source>
            <translation>Warnungen</translation>
        </message>
        <message>
            <location line="+20" />
            <source>No candidate raises a warning.</source>
            <translation>Kein Kandidat löst eine Warnung aus.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Candidate</source>
            <translation>Kandidat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+58" />
            <source>Node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <location line="-58" />
            <source>What it means</source>
            <translation>Bedeutung</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Not evaluated: %1</source>
            <translation>Nicht berechnet: %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Monthly cost %1 for %2 million client requests a month (figures %3).</source>
            <translation>Monatskosten %1 für %2 Millionen Client-Anfragen im Monat (Zahlen %3).</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Diagram of %1</source>
            <translation>Diagramm von %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The candidate's canvas, with each node's monthly cost, peak instances, p99 and warnings as evaluated.</source>
            <translation>Die Zeichenfläche des Kandidaten mit Monatskosten, Spitzeninstanzen, p99 und Warnungen jedes Knotens, wie berechnet.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No cost lines.</source>
            <translation>Keine Kostenposten.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cost lines</source>
            <translation>Kostenposten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Item</source>
            <translation>Posten</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Price used</source>
            <translation>Verwendeter Preis</translation>
        </message>
        <message>
            <location line="+0" />
            <source>USD per month</source>
            <translation>USD pro Monat</translation>
        </message>
        <message>
            <location line="+3" />
            <source>platform</source>
            <translation>Plattform</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Total</source>
            <translation>Gesamt</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Charts</source>
            <translation>Diagramme</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Assumptions</source>
            <translation>Annahmen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Evaluation</source>
            <translation>Berechnung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Engine version</source>
            <translation>Engine-Version</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(analytic function lifecycle)</source>
            <translation>(analytischer Funktions-Lebenszyklus)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(discrete-event simulation of the function lifecycle)</source>
            <translation>(ereignisdiskrete Simulation des Funktions-Lebenszyklus)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Seed</source>
            <translation>Startwert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic multiplier</source>
            <translation>Verkehrsfaktor</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Workloads</source>
            <translation>Lasten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Workload</source>
            <translation>Last</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shape</source>
            <translation>Form</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Drives</source>
            <translation>Treibt</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 trace points, peak %2 req/s</source>
            <translation>%1 Trace-Punkte, Spitze %2 Anfr./s</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Pricing</source>
            <translation>Preise</translation>
        </message>
        <message>
            <location line="+7" />
            <source>dated %1</source>
            <translation>Stand %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>(not a built-in catalog: %1)</source>
            <translation>(kein mitgelieferter Katalog: %1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Catalog</source>
            <translation>Katalog</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Free tiers</source>
            <translation>Freikontingente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>counted</source>
            <translation>berücksichtigt</translation>
        </message>
        <message>
            <location line="+0" />
            <source>not counted</source>
            <translation>nicht berücksichtigt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours per month</source>
            <translation>Stunden pro Monat</translation>
        </message>
        <message>
            <location line="+3" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+8" />
            <source>(catalog: %1 %2)</source>
            <translation>(Katalog: %1 %2)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Overrides</source>
            <translation>Überschreibungen</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Prices used by the cost lines</source>
            <translation>Von den Kostenposten verwendete Preise</translation>
        </message>
        <message>
            <location line="+3" />
            <source>None.</source>
            <translation>Keine.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Price</source>
            <translation>Preis</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location line="+10" />
            <source>overridden by the project</source>
            <translation>vom Projekt überschrieben</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(catalog %1 from</source>
            <translation>(Katalog %1 aus</translation>
        </message>
        <message>
            <location line="+32" />
            <source>simulated (seed %1)</source>
            <translation>simuliert (Startwert %1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>analytic</source>
            <translation>analytisch</translation>
        </message>
    </context>
    <context>
        <name>skyline::ResultChart</name>
        <message>
            <location filename="../widgets/charts/ResultChart.cpp" line="+73" />
            <location line="+206" />
            <source>Waiting for the first evaluation…</source>
            <translation>Warten auf die erste Auswertung…</translation>
        </message>
        <message>
            <location line="-150" />
            <source>P10–P90 from ranges</source>
            <translation>P10–P90 aus Bereichen</translation>
        </message>
        <message>
            <location line="+94" />
            <source>%1 (simulated)</source>
            <translation>%1 (simuliert)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 (analytic)</source>
            <translation>%1 (analytisch)</translation>
        </message>
        <message>
            <location line="+59" />
            <source>No candidate selected</source>
            <translation>Kein Kandidat ausgewählt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No result for this candidate</source>
            <translation>Kein Ergebnis für diesen Kandidaten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cannot evaluate %1:
%2</source>
            <translation>%1 kann nicht ausgewertet werden:
%2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Nothing to show for this candidate</source>
            <translation>Für diesen Kandidaten gibt es nichts anzuzeigen</translation>
        </message>
        <message>
            <location line="+179" />
            <source>Platform</source>
            <translation>Plattform</translation>
        </message>
    </context>
    <context>
        <name>skyline::ReviewPanel</name>
        <message>
            <location filename="../widgets/panels/ReviewPanel.cpp" line="+31" />
            <source>Inferred edge</source>
            <translation>Abgeleitete Verbindung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Assumed value</source>
            <translation>Angenommener Wert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Default workload</source>
            <translation>Standardlast</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unresolved</source>
            <translation>Nicht aufgelöst</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ignored</source>
            <translation>Ignoriert</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Inferred edges: %1</source>
            <translation>Abgeleitete Verbindungen: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Assumed values: %1</source>
            <translation>Angenommene Werte: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Default workloads: %1</source>
            <translation>Standardlasten: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unresolved: %1</source>
            <translation>Nicht aufgelöst: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ignored: %1</source>
            <translation>Ignoriert: %1</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Node or edge</source>
            <translation>Knoten oder Verbindung</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What to check</source>
            <translation>Was zu prüfen ist</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Nothing imported yet: File ▸ Import… reads Compose, SAM/CloudFormation, Serverless Framework and Kubernetes files.</source>
            <translation>Noch nichts importiert: Datei ▸ Importieren… liest Compose-, SAM-/CloudFormation-, Serverless-Framework- und Kubernetes-Dateien.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 — nodes: %2, edges: %3 · values carried over: %4, assumed: %5 · inferred edges: %6 · unresolved: %7</source>
            <translation>%1 — Knoten: %2, Verbindungen: %3 · übernommene Werte: %4, angenommen: %5 · abgeleitete Verbindungen: %6 · nicht aufgelöst: %7</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Click to select it on the canvas</source>
            <translation>Klicken, um es auf der Zeichenfläche auszuwählen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The imported candidate is no longer in the project (undone).</source>
            <translation>Der importierte Kandidat ist nicht mehr im Projekt (rückgängig gemacht).</translation>
        </message>
    </context>
    <context>
        <name>skyline::SweepChart</name>
        <message>
            <location filename="../widgets/charts/SweepChart.cpp" line="+96" />
            <source>%1 P10 (ranges sampled at traffic ×%2, scaled)</source>
            <translation>%1 P10 (Bereiche bei Verkehr ×%2 gezogen, skaliert)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>P10–P90 from ranges sampled at traffic ×%1, scaled</source>
            <translation>P10–P90 aus Bereichen bei Verkehr ×%1 gezogen, skaliert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 P90 (ranges sampled at traffic ×%2, scaled)</source>
            <translation>%1 P90 (Bereiche bei Verkehr ×%2 gezogen, skaliert)</translation>
        </message>
        <message>
            <location line="+25" />
            <location line="+90" />
            <source>p99 at the busiest hour (ms, dashed)</source>
            <translation>p99 in der Spitzenstunde (ms, gestrichelt)</translation>
        </message>
        <message>
            <location line="-89" />
            <source>Traffic multiplier</source>
            <translation>Verkehrsfaktor</translation>
        </message>
        <message>
            <location line="+0" />
            <source>USD per month</source>
            <translation>USD pro Monat</translation>
        </message>
        <message>
            <location line="+20" />
            <source>%1 p99</source>
            <translation>%1 p99</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Monthly cost against traffic — %n break-even point(s)</source>
            <translation>
                <numerusform>Monatliche Kosten abhängig vom Verkehr — %n Break-even-Punkt</numerusform>
                <numerusform>Monatliche Kosten abhängig vom Verkehr — %n Break-even-Punkte</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Monthly cost against traffic (cannot evaluate: %1)</source>
            <translation>Monatliche Kosten abhängig vom Verkehr (Auswertung nicht möglich: %1)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Break-even</source>
            <translation>Break-even</translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1 = %2
×%3, %4</source>
            <translation>%1 = %2
×%3, %4</translation>
        </message>
        <message>
            <location line="+25" />
            <source>what-if ×%1</source>
            <translation>Was-wäre-wenn ×%1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>p99 (ms, dashed)</source>
            <translation>p99 (ms, gestrichelt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>p99 (ms)</source>
            <translation>p99 (ms)</translation>
        </message>
    </context>
    <context>
        <name>skyline::TornadoChart</name>
        <message>
            <location filename="../widgets/charts/TornadoChart.cpp" line="+31" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+55" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No sensitivity for this candidate yet</source>
            <translation>Noch keine Sensitivität für diesen Kandidaten</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cannot analyse %1:
%2</source>
            <translation>%1 kann nicht analysiert werden:
%2</translation>
        </message>
        <message>
            <location line="+20" />
            <source>No parameter moves the cost of %1</source>
            <translation>Kein Parameter bewegt die Kosten von %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Parameter at its low</source>
            <translation>Parameter an seinem unteren Ende</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Parameter at its high</source>
            <translation>Parameter an seinem oberen Ende</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changes the cheapest candidate: low</source>
            <translation>Ändert den günstigsten Kandidaten: unten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changes the cheapest candidate: high</source>
            <translation>Ändert den günstigsten Kandidaten: oben</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Monthly cost at the ends (USD)</source>
            <translation>Monatskosten an den Enden (USD)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>USD per month</source>
            <translation>USD pro Monat</translation>
        </message>
        <message>
            <location line="+2" />
            <source>parameter</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change of monthly cost (USD)</source>
            <translation>Änderung der Monatskosten (USD)</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>What drives the cost — %1 at %2: the %3 widest of %n parameters</source>
            <translation>
                <numerusform>Was die Kosten treibt — %1 bei %2: die %3 breitesten von %n Parameter</numerusform>
                <numerusform>Was die Kosten treibt — %1 bei %2: die %3 breitesten von %n Parametern</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>What drives the cost — %1 at %2: %n parameter(s), widest swing on top</source>
            <translation>
                <numerusform>Was die Kosten treibt — %1 bei %2: %n Parameter, größter Ausschlag oben</numerusform>
                <numerusform>Was die Kosten treibt — %1 bei %2: %n Parameter, größter Ausschlag oben</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>skyline::TrafficSlider</name>
        <message>
            <location filename="../widgets/panels/TrafficSlider.cpp" line="+55" />
            <source>Traffic multiplier: scales every workload (what-if)</source>
            <translation>Verkehrsfaktor: skaliert jedes Lastprofil (Was-wäre-wenn)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic</source>
            <translation>Verkehr</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back to the workloads as drawn (× 1)</source>
            <translation>Zurück zu den Lastprofilen wie gezeichnet (× 1)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>× %1</source>
            <translation>× %1</translation>
        </message>
    </context>
    <context>
        <name>skyline::WarningsPanel</name>
        <message>
            <location filename="../widgets/panels/WarningsPanel.cpp" line="+176" />
            <source>All candidates</source>
            <translation>Alle Kandidaten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>List the warnings of every candidate, not only the current</source>
            <translation>Die Warnungen aller Kandidaten auflisten, nicht nur die des aktuellen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Candidate</source>
            <translation>Kandidat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <location line="+13" />
            <source>No warnings</source>
            <translation>Keine Warnungen</translation>
        </message>
        <message>
            <location line="-2" />
            <source>No evaluation yet</source>
            <translation>Noch keine Auswertung</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n Warnung</numerusform>
                <numerusform>%n Warnungen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+69" />
            <source>Click to select the node on its canvas</source>
            <translation>Klicken, um den Knoten auf seiner Zeichenfläche auszuwählen</translation>
        </message>
    </context>
    <context>
        <name>skyline::WorkloadEditor</name>
        <message>
            <location filename="../widgets/panels/WorkloadEditor.cpp" line="+35" />
            <source>Constant</source>
            <translation>Konstant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Diurnal (day and night)</source>
            <translation>Tagesverlauf (Tag und Nacht)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Business hours</source>
            <translation>Geschäftszeiten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spiky</source>
            <translation>Lastspitzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trace (imported)</source>
            <translation>Aufzeichnung (importiert)</translation>
        </message>
        <message>
            <location line="+130" />
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a workload</source>
            <translation>Ein Lastprofil hinzufügen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the chosen workload (not while a client uses it)</source>
            <translation>Das gewählte Lastprofil entfernen (nicht, solange ein Client es nutzt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import trace from CSV…</source>
            <translation>Aufzeichnung aus CSV importieren…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replace the chosen workload by a trace: rows of "minute,rps" or "ISO timestamp,rps"</source>
            <translation>Das gewählte Lastprofil durch eine Aufzeichnung ersetzen: Zeilen aus „Minute,rps“ oder „ISO-Zeitstempel,rps“</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shape</source>
            <translation>Form</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hour of day</source>
            <translation>Tagesstunde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>req/s</source>
            <translation>Anfr./s</translation>
        </message>
        <message>
            <location line="-43" />
            <source>A name cannot be empty.</source>
            <translation>Ein Name darf nicht leer sein.</translation>
        </message>
        <message numerus="yes">
            <location line="+230" />
            <source>%n trace point(s); the day repeats, gaps are interpolated.</source>
            <translation>
                <numerusform>%n Messpunkt; der Tag wiederholt sich, Lücken werden interpoliert.</numerusform>
                <numerusform>%n Messpunkte; der Tag wiederholt sich, Lücken werden interpoliert.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+36" />
            <source>Workload %1</source>
            <translation>Lastprofil %1</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The file holds no rows of "minute,rps".</source>
            <translation>Die Datei enthält keine Zeilen der Form „Minute,rps“.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing was imported; fix these rows first:</source>
            <translation>Nichts wurde importiert; korrigieren Sie zuerst diese Zeilen:</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>… and %n more.</source>
            <translation>
                <numerusform>… und %n weitere.</numerusform>
                <numerusform>… und %n weitere.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+19" />
            <source>Import Trace</source>
            <translation>Aufzeichnung importieren</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
    </context>
</TS>
