// Reading the export, guessing the mapping and planning the import row by row.
#include "synlig/training/import.h"

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "synlig/training/csv.h"
#include "synlig/training/swedish_date.h"

namespace synlig::training {
namespace {

std::string Shorten(std::string_view text) {
  std::string s = NormaliseName(text);
  if (s.size() <= 100) return s;
  std::size_t cut = 100;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

bool ContainsAny(const std::string& folded, std::initializer_list<std::string_view> words) {
  for (const std::string_view w : words) {
    if (folded.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

Result<ImportFile> ReadImportFile(std::string_view bytes) {
  auto text = DecodeText(bytes);
  if (!text) return Unexpected(text.error());
  auto table = ParseCsv(text->utf8);
  if (!table) return Unexpected(table.error());
  if (table->records.empty()) return InvalidArgument("the file has no rows", "file_no_rows");
  ImportFile file;
  file.encoding = text->encoding;
  file.separator = table->separator;
  file.looks_double_encoded = text->looks_double_encoded;
  std::set<std::string> seen;
  for (const std::string& h : table->records.front()) {
    std::string name = NormaliseName(h);
    if (name.empty()) {
      return InvalidArgument(
          "column " + std::to_string(file.header.size() + 1) + " of the header row has no name",
          "file_header");
    }
    if (!seen.insert(FoldForMatch(name)).second) {
      return InvalidArgument("the header row names column '" + name + "' twice", "file_header");
    }
    file.header.push_back(std::move(name));
  }
  table->records.erase(table->records.begin());
  if (table->records.empty()) {
    return InvalidArgument("the file has a header row but no rows of data", "file_no_rows");
  }
  file.rows = std::move(table->records);
  return file;
}

ColumnMapping GuessMapping(const std::vector<std::string>& header) {
  ColumnMapping m;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h = FoldForMatch(header[i]);
    const int col = static_cast<int>(i);
    if (m.email < 0 && ContainsAny(h, {"e-post", "epost", "e-mail", "email", "mail"})) {
      m.email = col;
    } else if (m.date < 0 && ContainsAny(h, {"datum", "date", "slutförd", "genomförd", "avklarad",
                                             "completed", "klar"})) {
      m.date = col;
    } else if (m.course < 0 &&
               ContainsAny(h, {"kurs", "course", "utbildning", "modul", "training"})) {
      m.course = col;
    } else if (m.name < 0 && ContainsAny(h, {"namn", "name", "deltagare", "participant"})) {
      m.name = col;
    }
  }
  return m;
}

Status CheckMapping(const ColumnMapping& mapping, std::size_t columns) {
  if (mapping.email < 0 && mapping.name < 0) {
    return InvalidArgument("choose the column with the e-mail address", "email");
  }
  if (mapping.course < 0 && !mapping.fixed_course_id) {
    return InvalidArgument("choose the column with the course, or one course for every row",
                           "course");
  }
  if (mapping.date < 0) return InvalidArgument("choose the column with the date", "date");
  std::set<int> used;
  for (const auto& [col, field] : {std::pair<int, std::string_view>{mapping.email, "email"},
                                   {mapping.name, "name"},
                                   {mapping.course, "course"},
                                   {mapping.date, "date"}}) {
    if (col < 0) continue;
    if (static_cast<std::size_t>(col) >= columns) {
      return InvalidArgument("column " + std::to_string(col + 1) + " chosen for " +
                                 std::string(field) + " is not in the file",
                             "mapping");
    }
    if (!used.insert(col).second) {
      return InvalidArgument("column " + std::to_string(col + 1) + " is chosen twice", "mapping");
    }
  }
  return Ok();
}

std::string_view RowProblemCode(RowProblem problem) {
  switch (problem) {
    case RowProblem::kMissingFields:
      return "missing_fields";
    case RowProblem::kMissingEmail:
      return "missing_email";
    case RowProblem::kUnknownEmail:
      return "unknown_email";
    case RowProblem::kUnknownName:
      return "unknown_name";
    case RowProblem::kAmbiguousName:
      return "ambiguous_name";
    case RowProblem::kMissingCourse:
      return "missing_course";
    case RowProblem::kUnknownCourse:
      return "unknown_course";
    case RowProblem::kMissingDate:
      return "missing_date";
    case RowProblem::kBadDate:
      return "bad_date";
    case RowProblem::kFutureDate:
      return "future_date";
    case RowProblem::kDuplicateRow:
      return "duplicate_row";
  }
  return "unknown";
}

const Course* MatchCourse(const std::vector<Course>& courses, std::string_view text) {
  const std::string want = FoldForMatch(text);
  if (want.empty()) return nullptr;
  for (const Course& c : courses) {
    if (FoldForMatch(c.code) == want || FoldForMatch(c.name) == want) return &c;
    for (const std::string& a : c.aliases) {
      if (FoldForMatch(a) == want) return &c;
    }
  }
  return nullptr;
}

Result<ImportPlan> PlanImport(const ImportFile& file, const ColumnMapping& mapping,
                              const std::vector<Employee>& employees,
                              const std::vector<Course>& courses, const Date& today) {
  if (Status s = CheckMapping(mapping, file.header.size()); !s) return Unexpected(s.error());
  const Course* fixed = nullptr;
  if (mapping.fixed_course_id) {
    for (const Course& c : courses) {
      if (c.id == *mapping.fixed_course_id) fixed = &c;
    }
    if (fixed == nullptr) return InvalidArgument("the chosen course does not exist", "course");
  }
  std::unordered_map<std::string, const Employee*> by_email;
  std::unordered_map<std::string, std::vector<const Employee*>> by_name;
  for (const Employee& e : employees) {
    by_email[e.email] = &e;
    by_name[FoldForMatch(e.name)].push_back(&e);
  }
  int needed = 0;
  for (const int col : {mapping.email, mapping.name, mapping.course, mapping.date}) {
    needed = std::max(needed, col + 1);
  }
  ImportPlan plan;
  std::map<std::tuple<Id, Id, int>, int> seen;  // (employee, course, day) -> first row
  for (std::size_t i = 0; i < file.rows.size(); ++i) {
    const std::vector<std::string>& r = file.rows[i];
    const int row = RowNumber(i);
    auto cell = [&](int col) -> std::string_view {
      return col >= 0 && static_cast<std::size_t>(col) < r.size() ? std::string_view(r[col])
                                                                  : std::string_view();
    };
    const std::string email_text = NormaliseName(cell(mapping.email));
    const std::string name_text = NormaliseName(cell(mapping.name));
    const std::string course_text = NormaliseName(cell(mapping.course));
    const std::string date_text = NormaliseName(cell(mapping.date));
    if (email_text.empty() && name_text.empty() && course_text.empty() && date_text.empty()) {
      ++plan.blank_rows;
      continue;
    }
    if (r.size() < static_cast<std::size_t>(needed)) {
      plan.errors.push_back({row, RowProblem::kMissingFields, std::to_string(r.size()), 0});
      continue;
    }
    const Employee* employee = nullptr;
    bool row_ok = true;
    auto fail = [&](RowProblem p, std::string_view value) {
      plan.errors.push_back({row, p, Shorten(value), 0});
      row_ok = false;
    };
    if (!email_text.empty()) {
      auto email = NormaliseEmail(email_text);
      auto it = email ? by_email.find(*email) : by_email.end();
      if (it == by_email.end()) {
        fail(RowProblem::kUnknownEmail, email_text);
      } else {
        employee = it->second;
      }
    } else if (mapping.name >= 0 && !name_text.empty()) {
      auto it = by_name.find(FoldForMatch(name_text));
      if (it == by_name.end()) {
        fail(RowProblem::kUnknownName, name_text);
      } else if (it->second.size() > 1) {
        fail(RowProblem::kAmbiguousName, name_text);
      } else {
        employee = it->second.front();
      }
    } else {
      fail(RowProblem::kMissingEmail, "");
    }
    const Course* course = fixed;
    if (course == nullptr) {
      if (course_text.empty()) {
        fail(RowProblem::kMissingCourse, "");
      } else {
        course = MatchCourse(courses, course_text);
        if (course == nullptr) fail(RowProblem::kUnknownCourse, course_text);
      }
    }
    std::optional<Date> date;
    if (date_text.empty()) {
      fail(RowProblem::kMissingDate, "");
    } else if (auto d = ParseSwedishDate(date_text); !d) {
      fail(RowProblem::kBadDate, date_text);
    } else if (today < *d) {
      fail(RowProblem::kFutureDate, date_text);
    } else {
      date = *d;
    }
    if (!row_ok) continue;
    const int day = static_cast<int>(std::chrono::sys_days(*date).time_since_epoch().count());
    auto [it, fresh] = seen.emplace(std::make_tuple(employee->id, course->id, day), row);
    if (!fresh) {
      plan.errors.push_back({row, RowProblem::kDuplicateRow,
                             Shorten(email_text.empty() ? name_text : email_text), it->second});
      continue;
    }
    plan.rows.push_back({row, employee->id, course->id, *date});
  }
  return plan;
}

}  // namespace synlig::training
