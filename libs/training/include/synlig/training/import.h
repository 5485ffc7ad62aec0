// Import of completions from a learning platform's CSV export: read the file (encoding,
// separator, header), map its columns (e-mail, name, course, date), and check every row
// against the register. The plan is all-or-nothing: the caller stores its rows in one
// transaction only when it has no errors.
//   auto file = training::ReadImportFile(bytes);
//   training::ColumnMapping mapping = training::GuessMapping(file->header);
//   auto plan = training::PlanImport(*file, mapping, employees, courses, today);
//   if (plan->errors.empty()) store(plan->rows);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/training/register.h"
#include "synlig/training/text_encoding.h"

namespace synlig::training {

struct ImportFile {
  Encoding encoding = Encoding::kUtf8;
  char separator = ';';
  bool looks_double_encoded = false;
  std::vector<std::string> header;             // the first row, trimmed
  std::vector<std::vector<std::string>> rows;  // the data rows, as written
};

// Decodes (DecodeText) and parses (ParseCsv) the file; the first record is the header.
// kInvalidArgument with those functions' errors, "file_no_rows" for a file without data
// rows, "file_header" for a header with an empty or repeated column name.
Result<ImportFile> ReadImportFile(std::string_view bytes);

// The spreadsheet row number of data row i: the header is row 1.
inline int RowNumber(std::size_t data_row_index) { return static_cast<int>(data_row_index) + 2; }

// Which column holds what; -1 = not in the file. With fixed_course_id set the course
// column is not needed (an export of one course).
struct ColumnMapping {
  int email = -1;
  int name = -1;
  int course = -1;
  int date = -1;
  std::optional<Id> fixed_course_id;
};

// Guesses from the header names (Swedish and English: "E-post", "Email", "Namn", "Kurs",
// "Course", "Datum", "Slutförd", "Completed", ...). Columns it cannot place stay -1.
ColumnMapping GuessMapping(const std::vector<std::string>& header);

// kInvalidArgument with field "email" (no e-mail column), "course" (neither a course column
// nor a fixed course), "date" (no date column), "name", or "mapping" (a column index outside
// the header, or one column chosen for two things).
Status CheckMapping(const ColumnMapping& mapping, std::size_t columns);

enum class RowProblem {
  kMissingFields,  // the row ends before a mapped column
  kMissingEmail,   // no e-mail (and no name to find the employee by)
  kUnknownEmail,   // no employee has that e-mail
  kUnknownName,    // no e-mail; no employee has that name
  kAmbiguousName,  // no e-mail; several employees have that name
  kMissingCourse,
  kUnknownCourse,  // matches no course's code, name or other names
  kMissingDate,
  kBadDate,       // not a date in a known format
  kFutureDate,    // after today
  kDuplicateRow,  // same employee, course and date as an earlier row (other_row)
};
std::string_view RowProblemCode(RowProblem problem);  // "unknown_email", ...

struct RowError {
  int row = 0;  // spreadsheet row (RowNumber)
  RowProblem problem = RowProblem::kMissingFields;
  std::string value;  // the offending text, as written (shortened to 100 bytes)
  int other_row = 0;  // kDuplicateRow: the earlier row
};

struct PlannedCompletion {
  int row = 0;
  Id employee_id = 0;
  Id course_id = 0;
  Date date;
};

struct ImportPlan {
  std::vector<PlannedCompletion> rows;  // when errors is empty: every data row with content
  std::vector<RowError> errors;         // by row
  int blank_rows = 0;                   // rows with nothing in the mapped columns, skipped
};

// Matches every row (e-mail case-insensitively; the name, if mapped, when the e-mail is
// empty; the course by code, name or other name, case- and space-insensitively) and parses
// its date (ParseSwedishDate, not after `today`). Errors of CheckMapping; row problems go
// into the plan, never an error.
Result<ImportPlan> PlanImport(const ImportFile& file, const ColumnMapping& mapping,
                              const std::vector<Employee>& employees,
                              const std::vector<Course>& courses, const Date& today);

// Finds the course whose code, name or other name folds (FoldForMatch) to the same text.
const Course* MatchCourse(const std::vector<Course>& courses, std::string_view text);

}  // namespace synlig::training
