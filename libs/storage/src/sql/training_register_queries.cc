// The training register's staged imports, targets, and the whole register for coverage.
#include <set>
#include <string>
#include <tuple>

#include "sql/training_repository.h"

namespace synlig::storage {

std::string_view ImportStateCode(ImportState s) {
  switch (s) {
    case ImportState::kApplied:
      return "applied";
    case ImportState::kDiscarded:
      return "discarded";
    case ImportState::kPending:
      break;
  }
  return "pending";
}

}  // namespace synlig::storage

namespace synlig::storage::sql {
namespace {

Result<ImportState> ParseImportState(std::string_view code) {
  if (code == "pending") return ImportState::kPending;
  if (code == "applied") return ImportState::kApplied;
  if (code == "discarded") return ImportState::kDiscarded;
  return Internal("stored import state '" + std::string(code) + "' is unknown");
}

constexpr std::string_view kImportColumns =
    "SELECT id, created_at, created_by, file_name, encoding, state, finished_at, rows_added,"
    " rows_skipped, content FROM training_imports ";

RowSink CollectImports(std::vector<StagedImport>& out, bool with_content) {
  return [&out, with_content](const Row& row) -> Status {
    StagedImport s;
    s.id = row.Int(0);
    s.created_at = row.Int(1);
    if (!row.IsNull(2)) s.created_by = row.Int(2);
    s.file_name = std::string(row.Text(3));
    s.encoding = std::string(row.Text(4));
    auto state = ParseImportState(row.Text(5));
    if (!state) return Unexpected(state.error());
    s.state = *state;
    s.finished_at = row.Int(6);
    s.rows_added = static_cast<int>(row.Int(7));
    s.rows_skipped = static_cast<int>(row.Int(8));
    if (with_content) s.content = std::string(row.Text(9));
    out.push_back(std::move(s));
    return Ok();
  };
}

// The state of an import, or kNotFound.
Result<std::string> StateOf(Tx& tx, training::Id id) {
  std::optional<std::string> state;
  Status s = Query(tx, "SELECT state FROM training_imports WHERE id = $1", {id},
                   [&](const Row& row) -> Status {
                     state = std::string(row.Text(0));
                     return Ok();
                   });
  if (!s) return Unexpected(s.error());
  if (!state) return NotFound("import " + std::to_string(id) + " not found");
  return *state;
}

std::string Scope(std::optional<training::Id> department) {
  return department ? "department:" + std::to_string(*department) : std::string("all");
}

}  // namespace

Result<training::Id> SqlTrainingRepository::StageImport(const StagedImport& staged) {
  if (staged.content.empty()) return InvalidArgument("the import has no content", "file");
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id =
        QueryInt(tx,
                 "INSERT INTO training_imports (created_at, created_by, file_name,"
                 " encoding, content, state) VALUES ($1, $2, $3, $4, $5, 'pending')"
                 " RETURNING id",
                 {staged.created_at, staged.created_by ? Param(*staged.created_by) : kNull,
                  std::string_view(staged.file_name), std::string_view(staged.encoding),
                  std::string_view(staged.content)});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return Annotate(status.error(), "staging an import");
  return id;
}

Result<StagedImport> SqlTrainingRepository::FindImport(training::Id id) {
  std::vector<StagedImport> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kImportColumns) + "WHERE id = $1", {id},
                 CollectImports(found, true));
  });
  if (!status) return Annotate(status.error(), "reading import " + std::to_string(id));
  if (found.empty()) return NotFound("import " + std::to_string(id) + " not found");
  return std::move(found.front());
}

Result<std::vector<StagedImport>> SqlTrainingRepository::ListImports(int limit) {
  if (limit < 1 || limit > 1000) {
    return InvalidArgument("limit " + std::to_string(limit) + " is not 1..1000", "limit");
  }
  std::vector<StagedImport> out;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kImportColumns) + "ORDER BY created_at DESC, id DESC LIMIT $1",
                 {std::int64_t{limit}}, CollectImports(out, false));
  });
  if (!status) return Annotate(status.error(), "listing imports");
  return out;
}

Result<ImportOutcome> SqlTrainingRepository::ApplyImport(
    training::Id id, const std::vector<training::PlannedCompletion>& rows, std::int64_t now) {
  ImportOutcome outcome;
  Status status = store_.Write([&](Tx& tx) -> Status {
    outcome = ImportOutcome{};
    auto state = StateOf(tx, id);
    if (!state) return Unexpected(state.error());
    if (*state != "pending") {
      return FailedPrecondition("import " + std::to_string(id) + " is " + *state + ", not pending");
    }
    std::set<training::Id> employees;
    std::set<training::Id> courses;
    for (const training::PlannedCompletion& r : rows) {
      employees.insert(r.employee_id);
      courses.insert(r.course_id);
    }
    for (const training::Id e : employees) {
      auto found = training_sql::Exists(tx, "training_employees", e);
      if (!found) return Unexpected(found.error());
      if (!*found) {
        return InvalidArgument("employee " + std::to_string(e) + " does not exist", "employee");
      }
    }
    for (const training::Id c : courses) {
      auto found = training_sql::Exists(tx, "training_courses", c);
      if (!found) return Unexpected(found.error());
      if (!*found) {
        return InvalidArgument("course " + std::to_string(c) + " does not exist", "course");
      }
    }
    std::set<std::tuple<training::Id, training::Id, std::string>> done;
    for (const training::PlannedCompletion& r : rows) {
      const std::string date = FormatDate(r.date);
      if (!done.insert({r.employee_id, r.course_id, date}).second) {
        ++outcome.skipped;
        continue;
      }
      auto existing = QueryInt(tx,
                               "SELECT id FROM training_completions WHERE employee_id = $1"
                               " AND course_id = $2 AND completed_on = $3",
                               {r.employee_id, r.course_id, std::string_view(date)});
      if (!existing) return Unexpected(existing.error());
      if (*existing) {
        ++outcome.skipped;
        continue;
      }
      auto added = Exec(tx,
                        "INSERT INTO training_completions (employee_id, course_id, completed_on,"
                        " source, import_id, created_at, created_by)"
                        " SELECT $1, $2, $3, 'import', id, $4, created_by FROM training_imports"
                        " WHERE id = $5",
                        {r.employee_id, r.course_id, std::string_view(date), now, id});
      if (!added) return Unexpected(added.error());
      ++outcome.added;
    }
    auto marked = Exec(tx,
                       "UPDATE training_imports SET state = 'applied', content = '',"
                       " finished_at = $2, rows_added = $3, rows_skipped = $4 WHERE id = $1",
                       {id, now, std::int64_t{outcome.added}, std::int64_t{outcome.skipped}});
    if (!marked) return Unexpected(marked.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "applying import " + std::to_string(id));
  return outcome;
}

Status SqlTrainingRepository::DiscardImport(training::Id id, std::int64_t now) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto changed = Exec(tx,
                        "UPDATE training_imports SET state = 'discarded', content = '',"
                        " finished_at = $2 WHERE id = $1 AND state = 'pending'",
                        {id, now});
    if (!changed) return Unexpected(changed.error());
    if (*changed == 1) return Ok();
    auto state = StateOf(tx, id);
    if (!state) return Unexpected(state.error());
    return FailedPrecondition("import " + std::to_string(id) + " is " + *state + ", not pending");
  });
  if (!status) return Annotate(status.error(), "discarding import " + std::to_string(id));
  return Ok();
}

Result<int> SqlTrainingRepository::DiscardStaleImports(std::int64_t before, std::int64_t now) {
  int count = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto changed = Exec(tx,
                        "UPDATE training_imports SET state = 'discarded', content = '',"
                        " finished_at = $2 WHERE state = 'pending' AND created_at < $1",
                        {before, now});
    if (!changed) return Unexpected(changed.error());
    count = static_cast<int>(*changed);
    return Ok();
  });
  if (!status) return Annotate(status.error(), "discarding stale imports");
  return count;
}

Status SqlTrainingRepository::SetTarget(const training::Target& in) {
  training::Target t = in;
  if (Status s = training::ValidateTarget(t); !s) return s;
  if (!t.due.ok()) return InvalidArgument("the target has no valid date", "due");
  const std::string scope = Scope(t.department_id);
  const std::string due = FormatDate(t.due);
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (t.department_id) {
      auto found = training_sql::Exists(tx, "training_departments", *t.department_id);
      if (!found) return Unexpected(found.error());
      if (!*found) return InvalidArgument("the department does not exist", "department");
    }
    auto r =
        Exec(tx,
             "INSERT INTO training_targets (scope, department_id, share_percent, due_on,"
             " decision) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope) DO UPDATE SET"
             " share_percent = excluded.share_percent, due_on = excluded.due_on,"
             " decision = excluded.decision",
             {std::string_view(scope), t.department_id ? Param(*t.department_id) : kNull,
              std::int64_t{t.share_percent}, std::string_view(due), std::string_view(t.decision)});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "setting the target (" + scope + ")");
  return Ok();
}

Status SqlTrainingRepository::RemoveTarget(std::optional<training::Id> department_id) {
  const std::string scope = Scope(department_id);
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto r = Exec(tx, "DELETE FROM training_targets WHERE scope = $1", {std::string_view(scope)});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "removing the target (" + scope + ")");
  return Ok();
}

Result<training::Register> SqlTrainingRepository::LoadRegister() {
  training::Register reg;
  Status status = store_.Read([&](Tx& tx) -> Status {
    reg = training::Register{};
    Status s = Query(tx, "SELECT id, name, kind FROM training_departments ORDER BY name, id", {},
                     [&](const Row& row) -> Status {
                       auto kind = training::ParseOrgKind(row.Text(2));
                       if (!kind) return Internal("stored department kind is unknown");
                       reg.departments.push_back({row.Int(0), std::string(row.Text(1)), *kind});
                       return Ok();
                     });
    if (!s) return s;
    s = Query(tx,
              "SELECT id, department_id, name, manager_email, active FROM training_units"
              " ORDER BY name, id",
              {}, [&](const Row& row) -> Status {
                reg.units.push_back({row.Int(0), row.Int(1), std::string(row.Text(2)),
                                     std::string(row.Text(3)), row.Int(4) != 0});
                return Ok();
              });
    if (!s) return s;
    s = Query(tx, "SELECT id, name, target_group FROM training_roles ORDER BY name, id", {},
              [&](const Row& row) -> Status {
                reg.roles.push_back({row.Int(0), std::string(row.Text(1)), row.Int(2) != 0});
                return Ok();
              });
    if (!s) return s;
    s = Query(tx, std::string(training_sql::kEmployeeColumns) + "ORDER BY name, id", {},
              training_sql::CollectEmployees(reg.employees));
    if (!s) return s;
    s = Query(tx,
              "SELECT id, code, name, provider, url, track, is_local, counts, active, aliases"
              " FROM training_courses ORDER BY name, id",
              {}, [&](const Row& row) -> Status {
                training::Course c;
                c.id = row.Int(0);
                c.code = std::string(row.Text(1));
                c.name = std::string(row.Text(2));
                c.provider = std::string(row.Text(3));
                c.url = std::string(row.Text(4));
                auto track = training::ParseCourseTrack(row.Text(5));
                if (!track) return Internal("stored course track is unknown");
                c.track = *track;
                c.local = row.Int(6) != 0;
                c.counts = row.Int(7) != 0;
                c.active = row.Int(8) != 0;
                c.aliases = training::SplitAliases(row.Text(9));
                reg.courses.push_back(std::move(c));
                return Ok();
              });
    if (!s) return s;
    s = Query(tx, std::string(training_sql::kCompletionColumns) + "ORDER BY completed_on, id", {},
              training_sql::CollectCompletions(reg.completions));
    if (!s) return s;
    return Query(tx,
                 "SELECT department_id, share_percent, due_on, decision FROM training_targets"
                 " ORDER BY scope",
                 {}, [&](const Row& row) -> Status {
                   training::Target t;
                   if (!row.IsNull(0)) t.department_id = row.Int(0);
                   t.share_percent = static_cast<int>(row.Int(1));
                   auto due = ParseDate(row.Text(2));
                   if (!due) return Internal("stored target date is malformed");
                   t.due = *due;
                   t.decision = std::string(row.Text(3));
                   reg.targets.push_back(std::move(t));
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "loading the training register");
  return reg;
}

}  // namespace synlig::storage::sql
