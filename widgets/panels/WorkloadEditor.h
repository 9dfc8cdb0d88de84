#pragma once
// The workload editor: the project's workloads (add, remove, rename), the shape of the chosen
// one with that shape's parameters, a preview of its requests per second over the day, and the
// import of a trace from CSV. Every edit goes through Document::addWorkload / setWorkload /
// removeWorkload; a refusal is shown in the editor and nothing is stored.

#include "domain/ParamSchema.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <map>

class QComboBox;
class QCustomPlot;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace skyline {

class Document;

class WorkloadEditor : public QWidget
{
    Q_OBJECT
public:
    explicit WorkloadEditor(Document *document, QWidget *parent = nullptr);
    /// Disconnects its editors first: no handler runs once the panel is being destroyed.
    ~WorkloadEditor() override;

    QString currentWorkloadId() const { return m_workloadId; }
    void setCurrentWorkload(const QString &workloadId);

    /// The editor of a shape parameter ("peakRps") or of "name" / "shape"; nullptr if none.
    QWidget *editor(const QString &field) const;
    /// The message under the editors (refusals, import problems); empty when none is shown.
    QString messageText() const;
    QCustomPlot *preview() const { return m_preview; }
    QListWidget *list() const { return m_list; }

    /// Replaces the current workload by the trace in `csvText` (shape "trace"). On malformed
    /// rows nothing is stored and the problems, with their line numbers, are shown and returned.
    QStringList importTraceCsv(const QString &csvText);

public slots:
    void addWorkload();
    /// Removes the current workload; refused with a message while a client uses it.
    void removeCurrentWorkload();
    /// Asks for a CSV file and imports it (importTraceCsv).
    void importTraceFromFile();

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The texts that do not depend on the workload, in the current language.
    void retranslateStatic();
    void reloadList();
    void rebuildEditors();
    void refreshEditors();
    void updatePreview();
    /// Applies `change` to a copy of the current workload and stores it through the document.
    QString commit(const std::function<void(Workload &)> &change);
    void showMessage(const QString &text);
    void addParamEditor(const ParamSpec &spec);

    Document *m_document;
    QString m_workloadId;
    WorkloadShape m_shownShape = WorkloadShape::Constant;
    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_shape = nullptr;
    QWidget *m_paramsHost = nullptr;
    QFormLayout *m_paramsLayout = nullptr;
    QLabel *m_traceInfo = nullptr;
    QLabel *m_message = nullptr;
    QCustomPlot *m_preview = nullptr;
    std::map<QString, QWidget *> m_paramEditors;
    std::map<QString, std::function<void()>> m_paramRefresh;
};

} // namespace skyline
