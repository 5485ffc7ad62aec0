// The training register's records: departments, units, roles, employees, courses and
// completions entered by hand.
#include "sql/training_repository.h"

#include <string>

namespace synlig::storage::sql {
namespace training_sql {

Result<bool> Exists(Tx& tx, std::string_view table, training::Id id) {
  auto found = QueryInt(tx, "SELECT id FROM " + std::string(table) + " WHERE id = $1", {id});
  if (!found) return Unexpected(found.error());
  return found->has_value();
}

Unexpected MapError(const Error& error, std::string_view unique_field, std::string_view what) {
  if (error.code() == ErrorCode::kAlreadyExists && error.field().empty()) {
    return Fail(ErrorCode::kAlreadyExists,
                std::string(what) + ": the " + std::string(unique_field) + " is already taken",
                std::string(unique_field));
  }
  return Annotate(error, what);
}

RowSink CollectEmployees(std::vector<training::Employee>& out) {
  return [&out](const Row& row) -> Status {
    training::Employee e;
    e.id = row.Int(0);
    e.name = std::string(row.Text(1));
    e.email = std::string(row.Text(2));
    e.unit_id = row.Int(3);
    e.role_id = row.Int(4);
    e.active = row.Int(5) != 0;
    out.push_back(std::move(e));
    return Ok();
  };
}

RowSink CollectCompletions(std::vector<training::Completion>& out) {
  return [&out](const Row& row) -> Status {
    training::Completion c;
    c.id = row.Int(0);
    c.employee_id = row.Int(1);
    c.course_id = row.Int(2);
    auto date = ParseDate(row.Text(3));
    auto source = training::ParseCompletionSource(row.Text(4));
    if (!date || !source) {
      return Internal("stored completion " + std::to_string(c.id) + " is malformed");
    }
    c.date = *date;
    c.source = *source;
    c.import_id = row.Int(5);
    out.push_back(c);
    return Ok();
  };
}

}  // namespace training_sql

namespace {

using training_sql::Exists;
using training_sql::MapError;

std::int64_t Flag(bool b) { return b ? 1 : 0; }

// Runs an UPDATE that must change exactly one row: kNotFound naming `what` otherwise.
Status UpdateOne(Tx& tx, std::string_view sql, std::initializer_list<Param> params,
                 const std::string& what) {
  auto changed = Exec(tx, sql, params);
  if (!changed) return Unexpected(changed.error());
  if (*changed == 0) return NotFound(what + " not found");
  return Ok();
}

Status CheckRef(Tx& tx, std::string_view table, training::Id id, std::string_view field,
                std::string_view what) {
  auto found = Exists(tx, table, id);
  if (!found) return Unexpected(found.error());
  if (!*found) {
    return InvalidArgument(std::string(what) + " " + std::to_string(id) + " does not exist",
                           std::string(field));
  }
  return Ok();
}

std::string AliasText(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out.push_back('\n');
    out.append(a);
  }
  return out;
}

}  // namespace

Result<training::Id> SqlTrainingRepository::CreateDepartment(const training::Department& in) {
  training::Department d = in;
  if (Status s = training::ValidateDepartment(d); !s) return Unexpected(s.error());
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id = QueryInt(tx,
                           "INSERT INTO training_departments (name, kind) VALUES ($1, $2)"
                           " RETURNING id",
                           {std::string_view(d.name), training::OrgKindCode(d.kind)});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return MapError(status.error(), "name", "creating department '" + d.name + "'");
  return id;
}

Status SqlTrainingRepository::UpdateDepartment(const training::Department& in) {
  training::Department d = in;
  if (Status s = training::ValidateDepartment(d); !s) return s;
  Status status = store_.Write([&](Tx& tx) -> Status {
    return UpdateOne(tx, "UPDATE training_departments SET name = $2, kind = $3 WHERE id = $1",
                     {d.id, std::string_view(d.name), training::OrgKindCode(d.kind)},
                     "department " + std::to_string(d.id));
  });
  if (!status) return MapError(status.error(), "name", "changing department '" + d.name + "'");
  return Ok();
}

Result<training::Id> SqlTrainingRepository::CreateUnit(const training::Unit& in) {
  training::Unit u = in;
  if (Status s = training::ValidateUnit(u); !s) return Unexpected(s.error());
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s =
            CheckRef(tx, "training_departments", u.department_id, "department", "department");
        !s) {
      return s;
    }
    auto new_id = QueryInt(tx,
                           "INSERT INTO training_units (department_id, name, manager_email, active)"
                           " VALUES ($1, $2, $3, $4) RETURNING id",
                           {u.department_id, std::string_view(u.name),
                            std::string_view(u.manager_email), Flag(u.active)});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return MapError(status.error(), "name", "creating unit '" + u.name + "'");
  return id;
}

Status SqlTrainingRepository::UpdateUnit(const training::Unit& in) {
  training::Unit u = in;
  if (Status s = training::ValidateUnit(u); !s) return s;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s =
            CheckRef(tx, "training_departments", u.department_id, "department", "department");
        !s) {
      return s;
    }
    return UpdateOne(tx,
                     "UPDATE training_units SET department_id = $2, name = $3, manager_email = $4,"
                     " active = $5 WHERE id = $1",
                     {u.id, u.department_id, std::string_view(u.name),
                      std::string_view(u.manager_email), Flag(u.active)},
                     "unit " + std::to_string(u.id));
  });
  if (!status) return MapError(status.error(), "name", "changing unit '" + u.name + "'");
  return Ok();
}

Result<training::Id> SqlTrainingRepository::CreateRole(const training::JobRole& in) {
  training::JobRole r = in;
  if (Status s = training::ValidateJobRole(r); !s) return Unexpected(s.error());
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id = QueryInt(tx,
                           "INSERT INTO training_roles (name, target_group) VALUES ($1, $2)"
                           " RETURNING id",
                           {std::string_view(r.name), Flag(r.target_group)});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return MapError(status.error(), "name", "creating role '" + r.name + "'");
  return id;
}

Status SqlTrainingRepository::UpdateRole(const training::JobRole& in) {
  training::JobRole r = in;
  if (Status s = training::ValidateJobRole(r); !s) return s;
  Status status = store_.Write([&](Tx& tx) -> Status {
    return UpdateOne(tx, "UPDATE training_roles SET name = $2, target_group = $3 WHERE id = $1",
                     {r.id, std::string_view(r.name), Flag(r.target_group)},
                     "role " + std::to_string(r.id));
  });
  if (!status) return MapError(status.error(), "name", "changing role '" + r.name + "'");
  return Ok();
}

Result<training::Id> SqlTrainingRepository::CreateEmployee(const training::Employee& in,
                                                           std::int64_t now) {
  training::Employee e = in;
  if (Status s = training::ValidateEmployee(e); !s) return Unexpected(s.error());
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s = CheckRef(tx, "training_units", e.unit_id, "unit", "unit"); !s) return s;
    if (Status s = CheckRef(tx, "training_roles", e.role_id, "role", "role"); !s) return s;
    auto new_id = QueryInt(tx,
                           "INSERT INTO training_employees (name, email, unit_id, role_id, active,"
                           " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)"
                           " RETURNING id",
                           {std::string_view(e.name), std::string_view(e.email), e.unit_id,
                            e.role_id, Flag(e.active), now});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return MapError(status.error(), "email", "creating an employee");
  return id;
}

Status SqlTrainingRepository::UpdateEmployee(const training::Employee& in, std::int64_t now) {
  training::Employee e = in;
  if (Status s = training::ValidateEmployee(e); !s) return s;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s = CheckRef(tx, "training_units", e.unit_id, "unit", "unit"); !s) return s;
    if (Status s = CheckRef(tx, "training_roles", e.role_id, "role", "role"); !s) return s;
    return UpdateOne(tx,
                     "UPDATE training_employees SET name = $2, email = $3, unit_id = $4,"
                     " role_id = $5, active = $6, updated_at = $7 WHERE id = $1",
                     {e.id, std::string_view(e.name), std::string_view(e.email), e.unit_id,
                      e.role_id, Flag(e.active), now},
                     "employee " + std::to_string(e.id));
  });
  if (!status) {
    return MapError(status.error(), "email", "changing employee " + std::to_string(e.id));
  }
  return Ok();
}

Result<training::Employee> SqlTrainingRepository::FindEmployee(training::Id id) {
  std::vector<training::Employee> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(training_sql::kEmployeeColumns) + "WHERE id = $1", {id},
                 training_sql::CollectEmployees(found));
  });
  if (!status) return Annotate(status.error(), "reading employee " + std::to_string(id));
  if (found.empty()) return NotFound("employee " + std::to_string(id) + " not found");
  return std::move(found.front());
}

Result<std::vector<training::Employee>> SqlTrainingRepository::ListEmployees() {
  std::vector<training::Employee> all;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(training_sql::kEmployeeColumns) + "ORDER BY name, id", {},
                 training_sql::CollectEmployees(all));
  });
  if (!status) return Annotate(status.error(), "listing employees");
  return all;
}

Result<training::Id> SqlTrainingRepository::CreateCourse(const training::Course& in) {
  training::Course c = in;
  if (Status s = training::ValidateCourse(c); !s) return Unexpected(s.error());
  const std::string aliases = AliasText(c.aliases);
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    for (const auto& [column, value, field] :
         {std::tuple<std::string_view, std::string_view, std::string_view>{"code", c.code, "code"},
          {"name", c.name, "name"}}) {
      auto taken = QueryInt(
          tx, "SELECT id FROM training_courses WHERE " + std::string(column) + " = $1", {value});
      if (!taken) return Unexpected(taken.error());
      if (*taken) {
        return Fail(ErrorCode::kAlreadyExists,
                    "course " + std::string(field) + " '" + std::string(value) + "' is taken",
                    std::string(field));
      }
    }
    auto new_id =
        QueryInt(tx,
                 "INSERT INTO training_courses (code, name, provider, url, track,"
                 " is_local, counts, active, aliases)"
                 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                 {std::string_view(c.code), std::string_view(c.name), std::string_view(c.provider),
                  std::string_view(c.url), training::CourseTrackCode(c.track), Flag(c.local),
                  Flag(c.counts), Flag(c.active), std::string_view(aliases)});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return MapError(status.error(), "name", "creating course '" + c.name + "'");
  return id;
}

Status SqlTrainingRepository::UpdateCourse(const training::Course& in) {
  training::Course c = in;
  if (Status s = training::ValidateCourse(c); !s) return s;
  const std::string aliases = AliasText(c.aliases);
  Status status = store_.Write([&](Tx& tx) -> Status {
    for (const auto& [column, value, field] :
         {std::tuple<std::string_view, std::string_view, std::string_view>{"code", c.code, "code"},
          {"name", c.name, "name"}}) {
      auto taken = QueryInt(
          tx, "SELECT id FROM training_courses WHERE " + std::string(column) + " = $1 AND id <> $2",
          {value, c.id});
      if (!taken) return Unexpected(taken.error());
      if (*taken) {
        return Fail(ErrorCode::kAlreadyExists,
                    "course " + std::string(field) + " '" + std::string(value) + "' is taken",
                    std::string(field));
      }
    }
    return UpdateOne(
        tx,
        "UPDATE training_courses SET code = $2, name = $3, provider = $4, url = $5,"
        " track = $6, is_local = $7, counts = $8, active = $9, aliases = $10"
        " WHERE id = $1",
        {c.id, std::string_view(c.code), std::string_view(c.name), std::string_view(c.provider),
         std::string_view(c.url), training::CourseTrackCode(c.track), Flag(c.local), Flag(c.counts),
         Flag(c.active), std::string_view(aliases)},
        "course " + std::to_string(c.id));
  });
  if (!status) return MapError(status.error(), "name", "changing course '" + c.name + "'");
  return Ok();
}

Result<training::Id> SqlTrainingRepository::AddCompletion(const training::Completion& c,
                                                          std::optional<training::Id> created_by,
                                                          std::int64_t now) {
  if (!c.date.ok()) return InvalidArgument("the completion has no valid date", "date");
  const std::string date = FormatDate(c.date);
  training::Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s = CheckRef(tx, "training_employees", c.employee_id, "employee", "employee"); !s) {
      return s;
    }
    if (Status s = CheckRef(tx, "training_courses", c.course_id, "course", "course"); !s) {
      return s;
    }
    auto new_id = QueryInt(tx,
                           "INSERT INTO training_completions (employee_id, course_id, completed_on,"
                           " source, import_id, created_at, created_by)"
                           " VALUES ($1, $2, $3, 'manual', NULL, $4, $5) RETURNING id",
                           {c.employee_id, c.course_id, std::string_view(date), now,
                            created_by ? Param(*created_by) : kNull});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return MapError(status.error(), "date", "adding a completion");
  return id;
}

Status SqlTrainingRepository::DeleteCompletion(training::Id id) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto changed = Exec(tx, "DELETE FROM training_completions WHERE id = $1", {id});
    if (!changed) return Unexpected(changed.error());
    if (*changed == 0) return NotFound("completion " + std::to_string(id) + " not found");
    return Ok();
  });
  if (!status) return Annotate(status.error(), "deleting completion " + std::to_string(id));
  return Ok();
}

Result<std::vector<training::Completion>> SqlTrainingRepository::ListCompletions(
    std::optional<training::Id> employee) {
  std::vector<training::Completion> out;
  Status status = store_.Read([&](Tx& tx) -> Status {
    if (employee) {
      return Query(tx,
                   std::string(training_sql::kCompletionColumns) +
                       "WHERE employee_id = $1 ORDER BY completed_on DESC, id DESC",
                   {*employee}, training_sql::CollectCompletions(out));
    }
    return Query(
        tx, std::string(training_sql::kCompletionColumns) + "ORDER BY completed_on DESC, id DESC",
        {}, training_sql::CollectCompletions(out));
  });
  if (!status) return Annotate(status.error(), "listing completions");
  return out;
}

}  // namespace synlig::storage::sql
