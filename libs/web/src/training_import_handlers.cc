// The import of completions: upload form and history, mapping and preview with every row's
// problem, confirm (all or nothing), discard.
#include "error_status.h"
#include "multipart.h"
#include "page.h"
#include "training_handlers.h"
#include "training_import_service.h"
#include "training_view.h"

namespace synlig::web {
namespace {

constexpr std::size_t kPreviewRows = 10;
constexpr std::size_t kShownProblems = 200;

TrainingContext Ctx(RequestContext& ctx) {
  return TrainingContext{ctx.app.db(), ctx.app.clock(), ctx.actor()};
}

void RenderImport(RequestContext& ctx, const TrainingFormError* error) {
  auto imports = ctx.app.db().training().ListImports(20);
  if (!imports) return RenderError(ctx, imports.error());
  TemplateData data;
  TemplateList rows;
  for (const storage::StagedImport& s : *imports) {
    TemplateData row;
    row.set("id", std::to_string(s.id));
    row.set("created", FormatTime(s.created_at));
    row.set("file_name", s.file_name.empty() ? std::string("–") : s.file_name);
    row.set("encoding", s.encoding);
    row.set("state", std::string(ctx.T("training.import.state." +
                                       std::string(storage::ImportStateCode(s.state)))));
    row.set("added", std::to_string(s.rows_added));
    row.set("skipped", std::to_string(s.rows_skipped));
    if (s.state == storage::ImportState::kPending) row.set("pending", true);
    rows.push_back(row);
  }
  if (rows.empty()) data.set("no_imports", true);
  data.set("imports", rows);
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  if (!ctx.Query("discarded").empty()) {
    data.set("notice", std::string(ctx.T("training.import.discarded")));
  }
  RenderTraining(ctx, "training_import", "training.import.title", std::move(data), status);
}

MappingInput MappingFrom(const Params& params) {
  MappingInput m;
  m.given = FindParam(params, "given").value_or("") == "1";
  m.email = FindParam(params, "email").value_or("");
  m.name = FindParam(params, "name").value_or("");
  m.course = FindParam(params, "course").value_or("");
  m.date = FindParam(params, "date").value_or("");
  m.fixed_course = FindParam(params, "fixed_course").value_or("");
  return m;
}

std::string ColumnValue(int col) { return col < 0 ? std::string() : std::to_string(col + 1); }

void RenderPreview(RequestContext& ctx, const ImportPreview& p, int status) {
  TemplateData data;
  const std::string id = std::to_string(p.staged.id);
  data.set("id", id);
  data.set("file_name", p.staged.file_name.empty() ? std::string("–") : p.staged.file_name);
  data.set("encoding", std::string(ctx.T("training.encoding." + p.staged.encoding)));
  data.set("separator", std::string(ctx.T(p.file.separator == ';'   ? "training.separator.semicolon"
                                          : p.file.separator == ',' ? "training.separator.comma"
                                                                    : "training.separator.tab")));
  data.set("rows", std::to_string(p.file.rows.size()));
  if (p.file.looks_double_encoded) data.set("double_encoded", true);
  // Mapping selects: every column of the header, or none.
  std::vector<std::pair<std::string, std::string>> columns = {
      {"", std::string(ctx.T("training.preview.no_column"))}};
  for (std::size_t i = 0; i < p.file.header.size(); ++i) {
    columns.emplace_back(std::to_string(i + 1), std::to_string(i + 1) + ": " + p.file.header[i]);
  }
  const training::ColumnMapping& m = p.mapping;
  PutOptions(data, "map_email_options", columns, ColumnValue(m.email));
  PutOptions(data, "map_name_options", columns, ColumnValue(m.name));
  PutOptions(data, "map_course_options", columns, ColumnValue(m.course));
  PutOptions(data, "map_date_options", columns, ColumnValue(m.date));
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) return RenderError(ctx, reg.error());
  std::vector<std::pair<std::string, std::string>> courses = {
      {"", std::string(ctx.T("training.preview.course_from_column"))}};
  for (const training::Course& c : reg->courses) courses.emplace_back(std::to_string(c.id), c.name);
  const std::string fixed = m.fixed_course_id ? std::to_string(*m.fixed_course_id) : "";
  PutOptions(data, "map_fixed_course_options", courses, fixed);
  data.set("m_email", ColumnValue(m.email));
  data.set("m_name", ColumnValue(m.name));
  data.set("m_course", ColumnValue(m.course));
  data.set("m_date", ColumnValue(m.date));
  data.set("m_fixed_course", fixed);
  // The first rows as written, each column marked with what it was mapped to.
  TemplateList header;
  for (std::size_t i = 0; i < p.file.header.size(); ++i) {
    TemplateData h;
    h.set("label", p.file.header[i]);
    const int col = static_cast<int>(i);
    std::string role;
    if (col == m.email) role = ctx.T("training.preview.col_email");
    if (col == m.name) role = ctx.T("training.preview.col_name");
    if (col == m.course) role = ctx.T("training.preview.col_course");
    if (col == m.date) role = ctx.T("training.preview.col_date");
    if (!role.empty()) h.set("role", role);
    header.push_back(h);
  }
  data.set("columns", header);
  TemplateList preview_rows;
  for (std::size_t r = 0; r < p.file.rows.size() && r < kPreviewRows; ++r) {
    TemplateData row;
    row.set("row", std::to_string(training::RowNumber(r)));
    TemplateList cells;
    for (std::size_t c = 0; c < p.file.header.size(); ++c) {
      TemplateData cell;
      cell.set("text", c < p.file.rows[r].size() ? p.file.rows[r][c] : std::string());
      cells.push_back(cell);
    }
    row.set("cells", cells);
    preview_rows.push_back(row);
  }
  data.set("preview_rows", preview_rows);
  if (p.mapping_error) {
    data.set("mapping_problem", TrainingErrorFor(ctx, "map", *p.mapping_error).text);
  } else if (p.plan && !p.plan->errors.empty()) {
    data.set("has_problems", true);
    data.set("problems_title", ctx.app.catalog().Format(ctx.lang, "training.preview.problems", "n",
                                                        std::to_string(p.plan->errors.size())));
    TemplateList problems;
    for (std::size_t i = 0; i < p.plan->errors.size() && i < kShownProblems; ++i) {
      TemplateData e;
      e.set("text", RowProblemText(ctx, p.plan->errors[i]));
      problems.push_back(e);
    }
    data.set("problems", problems);
    if (p.plan->errors.size() > kShownProblems) {
      data.set("more_problems",
               ctx.app.catalog().Format(ctx.lang, "training.preview.more_problems", "n",
                                        std::to_string(p.plan->errors.size() - kShownProblems)));
    }
  } else if (p.plan) {
    data.set("ready", true);
    std::string text = ctx.app.catalog().Format(ctx.lang, "training.preview.ready", "n",
                                                std::to_string(p.plan->rows.size()));
    const std::size_t at = text.find("{known}");
    if (at != std::string::npos) text.replace(at, 7, std::to_string(p.already_registered));
    data.set("ready_text", text);
  }
  RenderTraining(ctx, "training_import_preview", "training.preview.title", std::move(data), status);
}

}  // namespace

void HandleTrainingImport(RequestContext& ctx) { RenderImport(ctx, nullptr); }

void HandleTrainingImportUpload(RequestContext& ctx) {
  std::string file_name;
  std::string bytes;
  if (auto parts = ParseMultipart(ctx.req.content_type, ctx.req.body)) {
    if (const MultipartPart* file = FindPart(*parts, "file")) {
      file_name = file->filename;
      bytes = file->data;
    }
  }
  auto id = StageUpload(Ctx(ctx), file_name, bytes);
  if (!id) {
    if (id.error().code() != ErrorCode::kInvalidArgument) return RenderError(ctx, id.error());
    TrainingFormError error = TrainingErrorFor(ctx, "import", id.error());
    // The reader's message names the line ("line 3"): put it into the text's {line}.
    const std::string& message = id.error().message();
    const std::size_t at = message.find("line ");
    std::string line;
    for (std::size_t i = at == std::string::npos ? message.size() : at + 5;
         i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i) {
      line.push_back(message[i]);
    }
    if (const std::size_t slot = error.text.find("{line}"); slot != std::string::npos) {
      error.text.replace(slot, 6, line.empty() ? "?" : line);
    }
    return RenderImport(ctx, &error);
  }
  ctx.res.Redirect("/training/import/" + std::to_string(*id));
}

void HandleTrainingImportPreview(RequestContext& ctx) {
  auto preview = PreviewImport(Ctx(ctx), ArgId(ctx), MappingFrom(ctx.query));
  if (!preview) return RenderError(ctx, preview.error());
  RenderPreview(ctx, *preview, 200);
}

void HandleTrainingImportConfirm(RequestContext& ctx) {
  auto result = ConfirmImport(Ctx(ctx), ArgId(ctx), MappingFrom(ctx.form));
  if (!result) return RenderError(ctx, result.error());
  if (!result->applied) {
    return RenderPreview(ctx, result->preview,
                         HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kForm));
  }
  ctx.res.Redirect("/training?imported=" + std::to_string(result->outcome.added) +
                   "&skipped=" + std::to_string(result->outcome.skipped));
}

void HandleTrainingImportDiscard(RequestContext& ctx) {
  if (Status s = DiscardTrainingImport(Ctx(ctx), ArgId(ctx)); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/training/import?discarded=1");
}

}  // namespace synlig::web
