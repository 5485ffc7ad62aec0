// libFuzzer target for the import of completions: any bytes must give a plan or a clean
// error; a plan's rows and errors must name data rows of the file, and decoded text must be
// valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/training/import.h"
#include "synlig/training/swedish_date.h"

namespace {

bool ValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::training;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = ReadImportFile(bytes);
  if (!file) return 0;
  for (const auto& h : file->header) {
    if (!ValidUtf8(h)) std::abort();
  }
  for (const auto& row : file->rows) {
    for (const auto& cell : row) {
      if (!ValidUtf8(cell)) std::abort();
      (void)ParseSwedishDate(cell);
    }
  }
  const std::vector<Employee> employees = {
      {1, "Alva Exempelsson", "alva.exempelsson@demo.synlig.invalid", 1, 1, true},
      {2, "Bo Påhittsson", "bo.pahittsson@demo.synlig.invalid", 1, 1, true}};
  Course course;
  course.id = 7;
  course.code = "SOS-VUXNA";
  course.name = "Sex mot ersättning";
  ColumnMapping mapping = GuessMapping(file->header);
  if (mapping.course < 0) mapping.fixed_course_id = 7;
  const synlig::Date today{std::chrono::year(2026), std::chrono::month(6), std::chrono::day(1)};
  auto plan = PlanImport(*file, mapping, employees, {course}, today);
  if (!plan) return 0;
  const int last_row = RowNumber(file->rows.size() - 1);
  for (const auto& r : plan->rows) {
    if (r.row < 2 || r.row > last_row || today < r.date) std::abort();
  }
  for (const auto& e : plan->errors) {
    if (e.row < 2 || e.row > last_row) std::abort();
    if (e.problem == RowProblem::kDuplicateRow && (e.other_row < 2 || e.other_row >= e.row)) {
      std::abort();
    }
  }
  return 0;
}
