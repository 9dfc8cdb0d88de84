#pragma once
// The property panel: shows and edits what is selected on the current candidate's canvas —
// one node (its name, a client's workload, every parameter of its kind's schema), one edge,
// one context box, or, with nothing selected, the project itself. Every edit goes through the
// Document; a value the document refuses is shown next to its editor, which then reverts.

#include "domain/ParamSchema.h"

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <map>
#include <optional>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace skyline {

class Document;
class NumberField;
class RangeField;

/// The schema's English label / help of a parameter, translated (context "skyline::ParamSchema").
QString translatedParamLabel(const ParamSpec &spec);
QString translatedParamHelp(const ParamSpec &spec);
/// The unit as a spin box suffix (" ms"), empty when unitless.
QString unitSuffix(const ParamSpec &spec);
/// The unit after `value`: the singular of a unit that counts things when the value is 1
/// (" instance", " spike"), else unitSuffix(spec).
QString unitSuffix(const ParamSpec &spec, double value);
/// Decimals that show every value of the spec's range faithfully enough to edit it.
int decimalsFor(const ParamSpec &spec);

class PropertyPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Subject { Project, Node, Edge, Context, Several };

    explicit PropertyPanel(Document *document, QWidget *parent = nullptr);
    /// Disconnects its editors first: no handler runs once the panel is being destroyed.
    ~PropertyPanel() override;

    QString candidateId() const { return m_candidateId; }
    Subject subject() const { return m_subject; }
    /// Id of the shown node, edge or context (empty for the project or several items).
    QString subjectId() const { return m_subjectId; }

    /// The editor of a field: a parameter key ("memoryMb"), or "name", "workload",
    /// "description", "kind", "perRequest", "latencyMs", "parallel", "fallback", "catalog",
    /// "freeTier", "hoursPerMonth". Nullptr when the current subject has no such field.
    QWidget *editor(const QString &field) const;
    /// The refusal shown next to a field's editor; empty when none is shown.
    QString errorText(const QString &field) const;
    /// The range editor beside a numeric field ("memoryMb", "perRequest" …), or nullptr.
    RangeField *rangeField(const QString &field) const;

    /// Applies a parameter value to the shown node as if the user had entered it. Returns the
    /// document's refusal (also shown next to the editor), or an empty string.
    QString applyNodeParam(const QString &key, const ParamValue &value);

public slots:
    /// Shows the candidate's project-level view; selection is cleared.
    void setCandidate(const QString &candidateId);
    /// Shows the selection of the current candidate (the canvas's selectionChanged).
    void setSelection(const QStringList &nodeIds, const QStringList &edgeIds,
                      const QStringList &contextIds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// The language changed at run time: the form is built anew in it.
    void changeEvent(QEvent *event) override;

private:
    struct Field
    {
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        std::function<void()> refresh; ///< reads the document into the editor (signals blocked)
    };

    void showSubject(Subject subject, const QString &id);
    void rebuild();
    void refresh();
    void buildProject();
    void buildNode();
    void buildEdge();
    void buildContext();
    void buildSeveral();
    void addParamEditor(const ParamSpec &spec);
    void addEdgeEditors();
    /// perRequest of a gateway's route: its share of the gateway's requests, with their sum.
    void addRouteShareEditor(const QString &gatewayId);
    QLabel *addHeading(const QString &text);
    /// `placed`: the widget the row shows when it is not the editor itself (a RangeField
    /// holding the editor).
    void addField(const QString &key, const QString &label, QWidget *editor,
                  std::function<void()> refresh, const QString &toolTip = {},
                  QWidget *placed = nullptr);
    /// The range editor beside a number's field (RangeField); `store` hands a range (nullopt:
    /// none) to the Document and returns its refusal. Null when the field takes no range.
    RangeField *makeRangeField(NumberField *field,
                               std::function<QString(const std::optional<ParamRange> &)> store);
    void showError(const QString &key, const QString &error);
    void clearError(const QString &key);
    QString commitEdge(const std::function<void(Edge &)> &change, const QString &key);
    void connectDocument();

    Document *m_document;
    QString m_candidateId;
    Subject m_subject = Subject::Project;
    QString m_subjectId;
    int m_selectionSize = 0;
    QScrollArea *m_scroll = nullptr;
    QPointer<QWidget> m_form;
    QFormLayout *m_layout = nullptr;
    std::map<QString, Field> m_fields;
};

} // namespace skyline
