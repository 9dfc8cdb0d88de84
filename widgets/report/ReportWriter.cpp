#include "ReportWriter.h"

#include "Comparison.h"
#include "DiagnosticText.h"
#include "FigureLabels.h"
#include "ImageExport.h"
#include "ResultImages.h"

#include "Document.h"
#include "RangeRunner.h"
#include "canvas/CanvasScene.h"
#include "domain/ParamSchema.h"
#include "pricing/Catalog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <variant>

namespace skyline {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString number(double value, int significant = 6)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    if (value != 0 && std::abs(value) < 1e-3)
        return QString::number(value, 'g', significant); // 1.66667e-05, not 1.66667E-05
    return QLocale(QLocale::English).toString(value, 'g', significant);
}

QString paramText(const ParamValue &value)
{
    if (const double *d = std::get_if<double>(&value))
        return number(*d);
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? ReportWriter::tr("yes") : ReportWriter::tr("no");
    return q(std::get<std::string>(value));
}

/// A link only for http(s) addresses; anything else (javascript: …) stays plain text.
QString linkHtml(const std::string &url, const QString &text)
{
    const QUrl parsed(q(url), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return htmlEscape(text);
    return QStringLiteral("<a href=\"") + htmlEscape(parsed.toString(QUrl::FullyEncoded))
        + QStringLiteral("\">") + htmlEscape(text) + QStringLiteral("</a>");
}

QString paragraphs(const std::string &text)
{
    QString html;
    const QStringList blocks = q(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &block : blocks)
        html += QStringLiteral("<p>") + htmlEscape(block) + QStringLiteral("</p>\n");
    return html;
}

/// The HTML id of a candidate's section: its file stem (unique within the project).
QString anchorId(const Project &project, const std::string &candidateId)
{
    const std::map<std::string, QString> stems = candidateFileStems(project);
    const auto it = stems.find(candidateId);
    return QStringLiteral("candidate-") + (it != stems.end() ? it->second : QString());
}

const char *styleSheet()
{
    return R"CSS(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --best: #e3f9e5; --accent: #2f6fab; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 32px 48px; color: var(--ink);
       font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; background: #fff; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 22px 0 8px; }
.meta, .note, figcaption { color: var(--muted); font-size: 13px; }
.description p { margin: 6px 0; max-width: 980px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
thead th { background: #f0f4f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.comparison td.best { background: var(--best); font-weight: bold; }
.best-mark { color: #207227; margin-left: 4px; }
tr.error td { color: #9b1c1c; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12.5px; background: #f5f7fa;
       padding: 0 3px; border-radius: 3px; }
figure { margin: 12px 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 12px; }
.charts figure { margin: 0; }
section.candidate { page-break-before: always; }
.warning-code { font-weight: bold; color: #8d2b0b; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line);
         padding-top: 8px; }
a { color: var(--accent); }
)CSS";
}

/// Marks the body once every image has decoded (used by the headless-browser check).
const char *imageCheckScript()
{
    return R"JS(
window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images);
  var broken = images.filter(function (img) { return !(img.complete && img.naturalWidth > 0); });
  document.body.setAttribute('data-image-count', String(images.length));
  document.body.setAttribute('data-images-loaded', broken.length === 0 ? 'true' : 'false');
});
)JS";
}

QString tableRow(const QStringList &cellsHtml, const QString &rowClass = {})
{
    QString html = rowClass.isEmpty() ? QStringLiteral("<tr>")
                                      : QStringLiteral("<tr class=\"") + rowClass
                                            + QStringLiteral("\">");
    for (const QString &cell : cellsHtml)
        html += cell.startsWith(QLatin1String("<t")) ? cell
                                                    : QStringLiteral("<td>") + cell
                                                          + QStringLiteral("</td>");
    return html + QStringLiteral("</tr>\n");
}

QString numCell(const QString &text)
{
    return QStringLiteral("<td class=\"num\">") + htmlEscape(text) + QStringLiteral("</td>");
}

QString headRow(const QStringList &labels)
{
    QString html = QStringLiteral("<thead><tr>");
    for (const QString &label : labels)
        html += QStringLiteral("<th>") + htmlEscape(label) + QStringLiteral("</th>");
    return html + QStringLiteral("</tr></thead>\n");
}

} // namespace

QString htmlEscape(const QString &text)
{
    // Qt escapes & < > and "; the apostrophe too, so that attribute values in either quote
    // style stay closed.
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

QString htmlEscape(const std::string &text)
{
    return htmlEscape(q(text));
}

QString htmlEscape(const char *text)
{
    return htmlEscape(QString::fromUtf8(text));
}

ReportWriter::ReportWriter(const Project &project, ReportOptions options)
    : m_project(std::make_shared<const Project>(project)), m_options(std::move(options))
{
}

ReportWriter::~ReportWriter() = default;

void ReportWriter::computeFigures()
{
    EvalOptions options = m_options.evaluation;
    options.candidateId.clear();
    options.computeSeries = true; // the day charts need the per-minute series
    m_evaluation = m_options.figures
                       ? m_options.figures
                       : std::make_shared<const Evaluation>(evaluate(*m_project, options));
    m_uncertainty = m_options.uncertainty;
    if (!m_uncertainty && projectHasRanges(*m_project)) {
        UncertaintyOptions uncertainty;
        uncertainty.samples = RangeRunner::studioSamples;
        uncertainty.trafficMultiplier = options.trafficMultiplier;
        m_uncertainty = std::make_shared<const UncertaintyResult>(
            analyzeUncertainty(*m_project, uncertainty));
    }
    m_sensitivity = m_options.sensitivity;
    if (!m_sensitivity && m_options.includeCharts) {
        SensitivityOptions sensitivity;
        sensitivity.trafficMultiplier = options.trafficMultiplier;
        m_sensitivity =
            std::make_shared<const SensitivityResult>(analyzeSensitivity(*m_project, sensitivity));
    }
    m_sweep = {};
    if (m_options.includeSweep && !m_options.multipliers.empty()) {
        EvalOptions sweepOptions = options;
        sweepOptions.method = EvalMethod::Analytic; // 41 evaluations: the instant method
        m_sweep = skyline::sweep(*m_project, m_options.multipliers, sweepOptions);
    }
}

QString ReportWriter::html()
{
    computeFigures();
    Document document;
    document.resetProject(*m_project);

    QString html;
    html.reserve(1 << 20);
    // The language of the prose: the studio's (tr), English where no catalogue is installed.
    //: the report's HTML language code (BCP 47) in this translation
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + htmlEscape(tr("en"))
        + QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<meta name=\"generator\" content=\"Skyline\">\n<title>");
    html += htmlEscape(tr("Decision record: %1").arg(q(m_project->name)));
    html += QStringLiteral("</title>\n<style>") + QLatin1String(styleSheet())
        + QStringLiteral("</style>\n<script>") + QLatin1String(imageCheckScript())
        + QStringLiteral("</script>\n</head>\n<body>\n");
    html += headerHtml();
    html += comparisonHtml();
    if (m_options.includeSweep)
        html += sweepHtml();
    html += warningsHtml();
    for (const CandidateEvaluation &candidate : m_evaluation->candidates)
        html += candidateHtml(candidate, &document);
    html += assumptionsHtml();
    const QString generatedAt = m_options.generatedAt.isEmpty()
        ? QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
        : m_options.generatedAt;
    html += QStringLiteral("<footer>")
        + htmlEscape(tr("Generated by Skyline %1 on %2. Every figure describes the "
                        "representative day in steady state; monthly figures are the day × "
                        "hours per month ÷ 24.")
                         .arg(QStringLiteral(SKYLINE_VERSION), generatedAt))
        + QStringLiteral("</footer>\n");
    html += QStringLiteral("</body>\n</html>\n");
    return html;
}

bool ReportWriter::write(const QString &path, QString *error)
{
    return writeFileBytes(path, html().toUtf8(), error);
}

QString ReportWriter::headerHtml() const
{
    QString html = QStringLiteral("<header>\n<h1>") + htmlEscape(m_project->name)
        + QStringLiteral("</h1>\n<p class=\"meta\">")
        + tr("Decision record · %n candidate architecture(s) on the same workloads and prices "
             "· figures %1", "", int(m_project->candidates.size()))
              .arg(methodText())
        + QStringLiteral("</p>\n");
    if (!m_project->description.empty())
        html += QStringLiteral("<div class=\"description\">\n") + paragraphs(m_project->description)
            + QStringLiteral("</div>\n");
    // A what-if traffic (the studio's Traffic slider, skyline-cli --multiplier) is said before
    // any figure, so that no one reads the figures as those of the workloads as written.
    if (m_evaluation->trafficMultiplier != 1.0)
        html += QStringLiteral("<p class=\"meta traffic\">")
            + htmlEscape(tr("Figures at traffic ×%1 (what-if): every workload's requests "
                            "multiplied by %1.")
                             .arg(number(m_evaluation->trafficMultiplier)))
            + QStringLiteral("</p>\n");
    html += QStringLiteral("<p class=\"meta\">") + htmlEscape(tr("Candidates:"))
        + QLatin1Char(' ');
    QStringList links;
    for (const CandidateEvaluation &c : m_evaluation->candidates)
        links << QStringLiteral("<a href=\"#") + anchorId(*m_project, c.id) + QStringLiteral("\">")
                + htmlEscape(c.name) + QStringLiteral("</a>");
    html += links.join(QStringLiteral(" · ")) + QStringLiteral("</p>\n</header>\n");
    return html;
}

QString ReportWriter::comparisonHtml() const
{
    const ComparisonTable table = ComparisonTable::build(*m_evaluation, m_uncertainty.get());
    QString html = QStringLiteral("<section id=\"comparison\">\n<h2>") + htmlEscape(tr("Comparison"))
        + QStringLiteral("</h2>\n<table class=\"comparison\">\n<thead><tr><th>")
        + htmlEscape(tr("Figure")) + QStringLiteral("</th>");
    for (const QString &name : table.candidateNames())
        html += QStringLiteral("<th>") + htmlEscape(name) + QStringLiteral("</th>");
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const ComparisonRow &row : table.rows()) {
        html += QStringLiteral("<tr data-key=\"") + htmlEscape(row.key) + QStringLiteral("\"><th>")
            + htmlEscape(row.label) + QStringLiteral("</th>");
        for (int i = 0; i < table.columnCount(); ++i) {
            const bool best = row.isBest(i);
            html += best ? QStringLiteral("<td class=\"num best\">")
                         : QStringLiteral("<td class=\"num\">");
            html += htmlEscape(row.texts.value(i));
            if (best)
                html += QStringLiteral("<span class=\"best-mark\" title=\"")
                    + htmlEscape(tr("best")) + QStringLiteral("\">★</span>");
            html += QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</tbody>\n</table>\n<p class=\"note\">")
        + htmlEscape(tr("★ marks the best value of each row (lowest, or highest for "
                        "availability); ≈ marks p99 figures that cannot be told apart within "
                        "their 95 % confidence intervals, and a candidate with more than 1 % "
                        "failed requests is never best on latency. p99 is the slowest entry "
                        "point at the busiest hour (\"fails\" where it falls among failed "
                        "requests: throttled, or slower than the caller's timeout); the "
                        "cold-start share weighs each function by its invocations; the blast "
                        "radius is the largest share of client traffic that fails when one "
                        "component is down. Figures %1.")
                         .arg(methodText()))
        + QStringLiteral("</p>\n");
    if (m_uncertainty)
        html += QStringLiteral("<p class=\"note\">")
            + htmlEscape(tr("Cheapest in % of samples: how often each candidate costs least "
                            "among %1 samples drawn from the ranges (Latin hypercube, "
                            "triangular around each value, seed %2, analytic method).")
                             .arg(m_uncertainty->samples)
                             .arg(m_uncertainty->seed))
            + QStringLiteral("</p>\n");
    for (const CandidateEvaluation &c : m_evaluation->candidates)
        for (const Diagnostic &error : c.errors)
            html += QStringLiteral("<p class=\"note\">")
                + tr("%1 could not be evaluated: %2")
                      .arg(QStringLiteral("<strong>") + htmlEscape(c.name)
                               + QStringLiteral("</strong>"),
                           htmlEscape(diagnosticText(error)))
                + QStringLiteral("</p>\n");
    return html + QStringLiteral("</section>\n");
}

QString ReportWriter::sweepHtml() const
{
    QString html = QStringLiteral("<section id=\"sweep\">\n<h2>") + htmlEscape(tr("Cost versus load"))
        + QStringLiteral("</h2>\n");
    if (m_sweep.multipliers.empty())
        return html + QStringLiteral("<p>") + htmlEscape(tr("No sweep."))
            + QStringLiteral("</p>\n</section>\n");
    html += QStringLiteral("<p>")
        + htmlEscape(tr("Every workload scaled by a traffic multiplier from ×%1 to ×%2 (%3 "
                        "points, logarithmic, analytic method).")
                         .arg(number(m_sweep.multipliers.front(), 3),
                              number(m_sweep.multipliers.back(), 3),
                              QString::number(m_sweep.multipliers.size())))
        + QStringLiteral("</p>\n");
    if (m_options.includeCharts) {
        auto chart = makeSweepChart(m_sweep, QSize(m_options.chartSizePx.width() * 3 / 2,
                                                   m_options.chartSizePx.height() * 3 / 2));
        chart->setTrafficMultiplier(m_evaluation->trafficMultiplier); // the other figures'
        const QImage image = renderPlotImage(chart.get(), chart->size());
        html += QStringLiteral("<figure><img alt=\"")
            + htmlEscape(tr("Monthly cost and p99 against the traffic multiplier"))
            + QStringLiteral("\" src=\"") + pngDataUri(image) + QStringLiteral("\"><figcaption>")
            + htmlEscape(tr("Monthly cost (solid, left axis) and p99 (dashed, right axis) per "
                            "candidate"))
            + QStringLiteral("</figcaption></figure>\n");
    }
    if (m_sweep.breakEven.empty()) {
        html += QStringLiteral("<p class=\"break-even\">")
            + htmlEscape(tr("The cost curves do not cross in this range: the cheaper candidate "
                            "stays cheaper at every load."))
            + QStringLiteral("</p>\n");
    } else {
        html += QStringLiteral("<table class=\"break-even\">\n")
            + headRow({tr("Break-even between"), tr("and"), tr("at traffic"),
                       tr("monthly cost there")})
            + QStringLiteral("<tbody>\n");
        for (const CostBreakEven &point : m_sweep.breakEven)
            html += tableRow({htmlEscape(candidateName(point.a)), htmlEscape(candidateName(point.b)),
                              numCell(QStringLiteral("×") + formatMultiplier(point.multiplier)),
                              numCell(formatUsd(point.monthlyCostUsd))});
        html += QStringLiteral("</tbody>\n</table>\n");
    }
    for (const LoadSweepCurve &curve : m_sweep.candidates)
        if (!curve.valid())
            html += QStringLiteral("<p class=\"note\">")
                + htmlEscape(tr("%1 is left out of the sweep: %2")
                                 .arg(QString::fromStdString(curve.name),
                                      QString::fromStdString(curve.error)))
                + QStringLiteral("</p>\n");
    return html + QStringLiteral("</section>\n");
}

QString ReportWriter::warningsHtml() const
{
    QString html = QStringLiteral("<section id=\"warnings\">\n<h2>") + htmlEscape(tr("Warnings"))
        + QStringLiteral("</h2>\n");
    int count = 0;
    QString rows;
    for (const CandidateEvaluation &c : m_evaluation->candidates) {
        for (const Warning &w : c.warnings) {
            ++count;
            rows += tableRow({htmlEscape(c.name),
                              QStringLiteral("<td><code class=\"warning-code\">") + htmlEscape(w.code)
                                  + QStringLiteral("</code></td>"),
                              nodeLabel(c.id, w.node), htmlEscape(diagnosticText(w))});
        }
        for (const std::string &problem : c.costProblems) {
            ++count;
            rows += tableRow({htmlEscape(c.name),
                              QStringLiteral("<td><code class=\"warning-code\">price</code></td>"),
                              QString(), htmlEscape(problem)});
        }
    }
    if (count == 0)
        return html + QStringLiteral("<p>") + htmlEscape(tr("No candidate raises a warning."))
            + QStringLiteral("</p>\n</section>\n");
    html += QStringLiteral("<table class=\"warnings\">\n")
        + headRow({tr("Candidate"), tr("Code"), tr("Node"), tr("What it means")})
        + QStringLiteral("<tbody>\n") + rows + QStringLiteral("</tbody>\n</table>\n");
    return html + QStringLiteral("</section>\n");
}

QString ReportWriter::candidateHtml(const CandidateEvaluation &candidate,
                                    Document *document) const
{
    QString html = QStringLiteral("<section class=\"candidate\" id=\"") + anchorId(*m_project, candidate.id)
        + QStringLiteral("\">\n<h2>") + htmlEscape(candidate.name) + QStringLiteral("</h2>\n");
    html += diagramHtml(candidate, document);
    if (!candidate.errors.empty()) {
        for (const Diagnostic &error : candidate.errors)
            html += QStringLiteral("<p class=\"note\">")
                + htmlEscape(tr("Not evaluated: %1").arg(diagnosticText(error)))
                + QStringLiteral("</p>\n");
        return html + QStringLiteral("</section>\n");
    }
    html += QStringLiteral("<p>")
        + tr("Monthly cost %1 for %2 million client requests a month (figures %3).")
              .arg(QStringLiteral("<strong>") + htmlEscape(formatUsd(candidate.monthlyCostUsd))
                       + QStringLiteral("</strong>"),
                   number(candidate.monthlyRequests / 1e6, 4), methodText())
        + QStringLiteral("</p>\n");
    html += costLinesHtml(candidate);
    if (m_options.includeCharts)
        html += chartsHtml(candidate);
    return html + QStringLiteral("</section>\n");
}

QString ReportWriter::diagramHtml(const CandidateEvaluation &candidate, Document *document) const
{
    const auto scene = makeCandidateScene(document, q(candidate.id), &candidate);
    const QSize size =
        fittedSceneSize(scene.get(), m_options.diagramMaxWidthPx, m_options.diagramMaxHeightPx, 1.5);
    const QImage image = renderSceneImage(scene.get(), size);
    return QStringLiteral("<figure class=\"diagram\"><img alt=\"")
        + htmlEscape(tr("Diagram of %1").arg(QString::fromStdString(candidate.name)))
        + QStringLiteral("\" width=\"") + QString::number(size.width())
        + QStringLiteral("\" height=\"") + QString::number(size.height()) + QStringLiteral("\" src=\"")
        + pngDataUri(image)
        + QStringLiteral("\"><figcaption>")
        + htmlEscape(tr("The candidate's canvas, with each node's monthly cost, peak instances, "
                        "p99 and warnings as evaluated."))
        + QStringLiteral("</figcaption></figure>\n");
}

QString ReportWriter::costLinesHtml(const CandidateEvaluation &candidate) const
{
    if (candidate.cost.empty())
        return QStringLiteral("<p>") + htmlEscape(tr("No cost lines.")) + QStringLiteral("</p>\n");
    std::vector<const CostLine *> lines;
    for (const CostLine &line : candidate.cost)
        lines.push_back(&line);
    std::stable_sort(lines.begin(), lines.end(),
                     [](const CostLine *a, const CostLine *b) { return a->usd > b->usd; });
    QString html = QStringLiteral("<h3>") + htmlEscape(tr("Cost lines"))
        + QStringLiteral("</h3>\n<table class=\"cost\">\n")
        + headRow({tr("Node"), tr("Item"), tr("Price used"), tr("USD per month")})
        + QStringLiteral("<tbody>\n");
    for (const CostLine *line : lines)
        html += tableRow({line->node.empty() ? htmlEscape(tr("platform"))
                                             : nodeLabel(candidate.id, line->node),
                          htmlEscape(costItemLabel(line->item)),
                          QStringLiteral("<code>") + htmlEscape(line->catalogKey)
                              + QStringLiteral("</code>"),
                          numCell(formatUsd(line->usd))});
    html += tableRow({QStringLiteral("<th colspan=\"3\">") + htmlEscape(tr("Total"))
                          + QStringLiteral("</th>"),
                      numCell(formatUsd(candidate.monthlyCostUsd))});
    return html + QStringLiteral("</tbody>\n</table>\n");
}

QString ReportWriter::chartsHtml(const CandidateEvaluation &candidate) const
{
    const auto charts = makeCandidateCharts(m_evaluation, m_project, q(candidate.id),
                                            m_options.chartSizePx, m_sensitivity);
    if (charts.empty())
        return {};
    QString html = QStringLiteral("<h3>") + htmlEscape(tr("Charts"))
        + QStringLiteral("</h3>\n<div class=\"charts\">\n");
    for (const CandidateChart &chart : charts) {
        const QImage image = renderPlotImage(chart.chart.get(), m_options.chartSizePx);
        html += QStringLiteral("<figure data-chart=\"") + chart.key + QStringLiteral("\"><img alt=\"")
            + htmlEscape(chart.title) + QStringLiteral("\" src=\"") + pngDataUri(image)
            + QStringLiteral("\">"); // the title is drawn in the chart
        if (!chart.caption.isEmpty())
            html += QStringLiteral("<figcaption>") + htmlEscape(chart.caption)
                + QStringLiteral("</figcaption>");
        html += QStringLiteral("</figure>\n");
    }
    return html + QStringLiteral("</div>\n");
}

QString ReportWriter::assumptionsHtml() const
{
    QString html = QStringLiteral("<section id=\"assumptions\">\n<h2>")
        + htmlEscape(tr("Assumptions")) + QStringLiteral("</h2>\n<h3>") + htmlEscape(tr("Evaluation"))
        + QStringLiteral("</h3>\n<table class=\"evaluation\"><tbody>\n");
    html += tableRow({htmlEscape(tr("Engine version")), htmlEscape(m_evaluation->engineVersion)});
    html += tableRow({htmlEscape(tr("Method")),
                      htmlEscape(toString(m_evaluation->method)) + QLatin1Char(' ')
                          + htmlEscape(m_evaluation->method == EvalMethod::Analytic
                                           ? tr("(analytic function lifecycle)")
                                           : tr("(discrete-event simulation of the function "
                                                "lifecycle)"))});
    html += tableRow({htmlEscape(tr("Seed")), QString::number(m_evaluation->seed)});
    html += tableRow({htmlEscape(tr("Traffic multiplier")),
                      QStringLiteral("×") + number(m_evaluation->trafficMultiplier)});
    html += QStringLiteral("</tbody></table>\n");
    html += workloadsHtml();
    html += pricingHtml();
    html += pricesUsedHtml();
    return html + QStringLiteral("</section>\n");
}

QString ReportWriter::workloadsHtml() const
{
    QString html = QStringLiteral("<h3>") + htmlEscape(tr("Workloads"))
        + QStringLiteral("</h3>\n<table class=\"workloads\">\n")
        + headRow({tr("Workload"), tr("Shape"), tr("Parameters"), tr("Drives")})
        + QStringLiteral("<tbody>\n");
    for (const Workload &w : m_project->workloads) {
        QStringList params;
        for (const ParamSpec &spec : workloadParamSpecs(w.shape)) {
            const auto it = w.params.find(spec.key);
            const ParamValue value = it != w.params.end() ? it->second : spec.defaultValue;
            params << htmlEscape(q(spec.label)) + QStringLiteral(": ") + htmlEscape(paramText(value))
                    + (spec.unit.empty() ? QString() : QStringLiteral(" ") + htmlEscape(spec.unit));
        }
        if (w.shape == WorkloadShape::Trace) {
            double peak = 0;
            for (const auto &point : w.points)
                peak = std::max(peak, point[1]);
            params << htmlEscape(tr("%1 trace points, peak %2 req/s")
                                     .arg(QString::number(w.points.size()), number(peak)));
        }
        QStringList drivenBy;
        for (const Candidate &c : m_project->candidates)
            for (const Node &n : c.nodes)
                if (n.kind == NodeKind::Client && n.workload == w.id)
                    drivenBy << htmlEscape(c.name) + QStringLiteral(": ") + htmlEscape(n.name);
        html += tableRow({htmlEscape(w.name.empty() ? w.id : w.name),
                          htmlEscape(toString(w.shape)), params.join(QStringLiteral("<br>")),
                          drivenBy.join(QStringLiteral("<br>"))});
    }
    return html + QStringLiteral("</tbody>\n</table>\n");
}

QString ReportWriter::pricingHtml() const
{
    const Pricing &pricing = m_project->pricing;
    const Catalog *catalog = builtInCatalog(pricing.catalog);
    QString html = QStringLiteral("<h3>") + htmlEscape(tr("Pricing"))
        + QStringLiteral("</h3>\n<table class=\"pricing\"><tbody>\n");
    QString catalogText = QStringLiteral("<code>") + htmlEscape(pricing.catalog)
        + QStringLiteral("</code>");
    if (catalog)
        catalogText += QStringLiteral(" — ") + htmlEscape(catalog->provider()) + QStringLiteral(" ")
            + htmlEscape(catalog->region()) + QStringLiteral(", ")
            + htmlEscape(tr("dated %1").arg(QString::fromStdString(catalog->date())))
            + QStringLiteral("<br><span class=\"note\">") + htmlEscape(catalog->description())
            + QStringLiteral("</span>");
    else
        catalogText += QLatin1Char(' ')
            + htmlEscape(tr("(not a built-in catalog: %1)")
                             .arg(QString::fromStdString(builtInCatalogError(pricing.catalog))));
    html += tableRow({htmlEscape(tr("Catalog")), catalogText});
    html += tableRow({htmlEscape(tr("Free tiers")),
                      htmlEscape(pricing.freeTier ? tr("counted") : tr("not counted"))});
    html += tableRow({htmlEscape(tr("Hours per month")), number(pricing.hoursPerMonth)});
    QString overrides;
    if (pricing.overrides.empty()) {
        overrides = htmlEscape(tr("none"));
    } else {
        QStringList items;
        for (const auto &[key, value] : pricing.overrides) {
            QString item = QStringLiteral("<code>") + htmlEscape(key) + QStringLiteral("</code> = ")
                + number(value);
            if (const CatalogEntry *entry = catalog ? catalog->find(key) : nullptr)
                item += QLatin1Char(' ')
                    + htmlEscape(tr("(catalog: %1 %2)")
                                     .arg(number(entry->value), QString::fromStdString(entry->unit)));
            items << item;
        }
        overrides = items.join(QStringLiteral("<br>"));
    }
    html += tableRow({htmlEscape(tr("Overrides")), overrides});
    return html + QStringLiteral("</tbody></table>\n");
}

QString ReportWriter::pricesUsedHtml() const
{
    std::set<std::string> keys;
    for (const CandidateEvaluation &c : m_evaluation->candidates)
        for (const CostLine &line : c.cost)
            if (!line.catalogKey.empty())
                keys.insert(line.catalogKey);
    QString html = QStringLiteral("<h3>") + htmlEscape(tr("Prices used by the cost lines"))
        + QStringLiteral("</h3>\n");
    if (keys.empty())
        return html + QStringLiteral("<p>") + htmlEscape(tr("None.")) + QStringLiteral("</p>\n");
    const Pricing &pricing = m_project->pricing;
    const Catalog *catalog = builtInCatalog(pricing.catalog);
    html += QStringLiteral("<table class=\"prices\">\n")
        + headRow({tr("Price"), tr("Value"), tr("Unit"), tr("Source"), tr("Date")})
        + QStringLiteral("<tbody>\n");
    for (const std::string &key : keys) {
        const CatalogEntry *entry = catalog ? catalog->find(key) : nullptr;
        const auto override = pricing.overrides.find(key);
        QString value = override != pricing.overrides.end() ? number(override->second)
                        : entry                               ? number(entry->value)
                                                              : QStringLiteral("—");
        QString source;
        if (override != pricing.overrides.end())
            source = htmlEscape(tr("overridden by the project"));
        if (entry) {
            if (!source.isEmpty())
                source += QLatin1Char(' ')
                    + htmlEscape(tr("(catalog %1 from").arg(number(entry->value)))
                    + QLatin1Char(' ');
            source += linkHtml(entry->sourceUrl, q(entry->sourceTitle.empty() ? entry->sourceUrl
                                                                            : entry->sourceTitle));
            if (override != pricing.overrides.end())
                source += QStringLiteral(")");
            if (!entry->note.empty())
                source += QStringLiteral("<br><span class=\"note\">") + htmlEscape(entry->note)
                    + QStringLiteral("</span>");
        }
        html += tableRow({QStringLiteral("<code>") + htmlEscape(key) + QStringLiteral("</code>"),
                          numCell(value), entry ? htmlEscape(entry->unit) : QString(), source,
                          entry ? htmlEscape(entry->date) : QString()});
    }
    return html + QStringLiteral("</tbody>\n</table>\n");
}

QString ReportWriter::nodeLabel(const std::string &candidateId, const std::string &nodeId) const
{
    if (nodeId.empty())
        return {};
    const Candidate *candidate = m_project->findCandidate(candidateId);
    const Node *node = candidate ? candidate->findNode(nodeId) : nullptr;
    // The name only (issue 10 point 6): ids are for machines; a node without a name shows its id.
    if (node && !node->name.empty())
        return htmlEscape(node->name);
    return htmlEscape(nodeId);
}

QString ReportWriter::methodText() const
{
    if (m_evaluation->method == EvalMethod::Simulation)
        return tr("simulated (seed %1)").arg(m_evaluation->seed);
    return tr("analytic");
}

QString ReportWriter::candidateName(const std::string &candidateId) const
{
    const Candidate *candidate = m_project->findCandidate(candidateId);
    return candidate ? q(candidate->name) : q(candidateId);
}

} // namespace skyline
