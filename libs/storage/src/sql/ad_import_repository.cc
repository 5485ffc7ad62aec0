// Online-ad imports: checked, then the import row and its error rows written in one
// transaction; read back newest first.
#include "sql/ad_import_repository.h"

#include <string>

namespace synlig::storage::sql {
namespace {

constexpr std::size_t kMaxFileName = 200;

constexpr std::string_view kSelect =
    "SELECT id, round_id, created_at, created_by, file_name, format, lines, ads_read, skipped,"
    " counts_json, captures_csv, files FROM ad_imports ";

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

Status Check(const AdImport& im) {
  if (im.format != "jsonl" && im.format != "html") {
    return InvalidArgument("format must be jsonl or html, got '" + im.format + "'", "format");
  }
  if (im.file_name.empty() || im.file_name.size() > kMaxFileName) {
    return InvalidArgument("the file name must have 1-" + std::to_string(kMaxFileName) + " bytes",
                           "file_name");
  }
  if (im.lines < 0 || im.ads_read < 0 || im.skipped < 0 || im.ads_read > im.lines) {
    return InvalidArgument("counts must be >= 0 with no more ads than lines (lines " +
                               std::to_string(im.lines) + ", ads " + std::to_string(im.ads_read) +
                               ")",
                           "ads_read");
  }
  if (im.files < 1 || im.files > kMaxAdImportFiles) {
    return InvalidArgument("an import holds 1-" + std::to_string(kMaxAdImportFiles) +
                               " files, got " + std::to_string(im.files),
                           "files");
  }
  if (im.counts_json.empty()) return InvalidArgument("the counts are empty", "counts_json");
  if (im.errors.size() > kMaxStoredAdImportErrors) {
    return InvalidArgument("at most " + std::to_string(kMaxStoredAdImportErrors) +
                               " errors are stored, got " + std::to_string(im.errors.size()),
                           "errors");
  }
  for (std::size_t i = 0; i < im.errors.size(); ++i) {
    const AdImportError& e = im.errors[i];
    if (e.line < 1 || e.file < 1 || e.file > im.files || !IsCode(e.field) || !IsCode(e.problem)) {
      return InvalidArgument("error " + std::to_string(i + 1) +
                                 " needs a line >= 1, a file of the import and a field and "
                                 "problem code of [a-z0-9_.]",
                             "errors");
    }
  }
  return Ok();
}

RowSink Collect(std::vector<AdImport>& out) {
  return [&out](const Row& row) -> Status {
    AdImport im;
    im.id = row.Int(0);
    im.round_id = row.Int(1);
    im.created_at = row.Int(2);
    im.created_by = row.Int(3);
    im.file_name = std::string(row.Text(4));
    im.format = std::string(row.Text(5));
    im.lines = row.Int(6);
    im.ads_read = row.Int(7);
    im.skipped = row.Int(8);
    im.counts_json = std::string(row.Text(9));
    im.captures_csv = std::string(row.Text(10));
    im.files = row.Int(11);
    out.push_back(std::move(im));
    return Ok();
  };
}

// The id of the import the round's report uses: the chosen one, else the newest; 0 for none.
Result<Id> ReportImportOf(Tx& tx, Id round_id) {
  auto chosen =
      QueryInt(tx, "SELECT import_id FROM ad_report_imports WHERE round_id = $1", {round_id});
  if (!chosen) return Unexpected(chosen.error());
  if (*chosen) return **chosen;
  auto newest = QueryInt(
      tx, "SELECT id FROM ad_imports WHERE round_id = $1 ORDER BY id DESC LIMIT 1", {round_id});
  if (!newest) return Unexpected(newest.error());
  return newest->value_or(0);
}

}  // namespace

Result<Id> SqlAdImportRepository::Create(const AdImport& im) {
  if (Status s = Check(im); !s) return Unexpected(s.error());
  Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto round = QueryInt(tx, "SELECT id FROM rounds WHERE id = $1", {im.round_id});
    if (!round) return Unexpected(round.error());
    if (!*round) return NotFound("round " + std::to_string(im.round_id) + " does not exist");
    if (im.created_by != 0) {
      if (Status s = RequireUser(tx, im.created_by, "created_by"); !s) return s;
    }
    auto new_id = QueryInt(
        tx,
        "INSERT INTO ad_imports (round_id, created_at, created_by, file_name, format, lines,"
        " ads_read, skipped, counts_json, captures_csv, files)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        {im.round_id, im.created_at, im.created_by != 0 ? Param(im.created_by) : kNull,
         std::string_view(im.file_name), std::string_view(im.format), im.lines, im.ads_read,
         im.skipped, std::string_view(im.counts_json), std::string_view(im.captures_csv),
         im.files});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    for (std::size_t i = 0; i < im.errors.size(); ++i) {
      const AdImportError& e = im.errors[i];
      auto r = Exec(tx,
                    "INSERT INTO ad_import_errors (import_id, position, line, field, problem,"
                    " file) VALUES ($1, $2, $3, $4, $5, $6)",
                    {id, static_cast<std::int64_t>(i), e.line, std::string_view(e.field),
                     std::string_view(e.problem), e.file});
      if (!r) return Unexpected(r.error());
    }
    return Ok();
  });
  if (!status) {
    return Annotate(status.error(),
                    "storing the ad import of round " + std::to_string(im.round_id));
  }
  return id;
}

Result<AdImport> SqlAdImportRepository::Find(Id id) {
  std::vector<AdImport> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    Status s = Query(tx, std::string(kSelect) + "WHERE id = $1", {id}, Collect(found));
    if (!s || found.empty()) return s;
    auto report = ReportImportOf(tx, found[0].round_id);
    if (!report) return Unexpected(report.error());
    found[0].for_report = *report == id;
    return Query(tx,
                 "SELECT file, line, field, problem FROM ad_import_errors WHERE import_id = $1"
                 " ORDER BY position",
                 {id}, [&](const Row& row) -> Status {
                   found[0].errors.push_back({row.Int(1), std::string(row.Text(2)),
                                              std::string(row.Text(3)), row.Int(0)});
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "reading ad import " + std::to_string(id));
  if (found.empty()) return NotFound("ad import " + std::to_string(id) + " does not exist");
  return std::move(found[0]);
}

Result<std::vector<AdImport>> SqlAdImportRepository::ListForRound(Id round_id) {
  std::vector<AdImport> out;
  bool round_exists = false;
  Status status = store_.Read([&](Tx& tx) -> Status {
    auto round = QueryInt(tx, "SELECT id FROM rounds WHERE id = $1", {round_id});
    if (!round) return Unexpected(round.error());
    round_exists = round->has_value();
    if (!round_exists) return Ok();
    Status s = Query(tx, std::string(kSelect) + "WHERE round_id = $1 ORDER BY id DESC", {round_id},
                     Collect(out));
    if (!s) return s;
    auto report = ReportImportOf(tx, round_id);
    if (!report) return Unexpected(report.error());
    for (AdImport& im : out) im.for_report = im.id == *report;
    return Ok();
  });
  if (!status) {
    return Annotate(status.error(), "listing the ad imports of round " + std::to_string(round_id));
  }
  if (!round_exists) return NotFound("round " + std::to_string(round_id) + " does not exist");
  return out;
}

Status SqlAdImportRepository::ChooseForReport(Id import_id, std::int64_t chosen_at, Id chosen_by) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto round = QueryInt(tx, "SELECT round_id FROM ad_imports WHERE id = $1", {import_id});
    if (!round) return Unexpected(round.error());
    if (!*round) return NotFound("ad import " + std::to_string(import_id) + " does not exist");
    if (chosen_by != 0) {
      if (Status s = RequireUser(tx, chosen_by, "chosen_by"); !s) return s;
    }
    auto r = Exec(tx,
                  "INSERT INTO ad_report_imports (round_id, import_id, chosen_at, chosen_by)"
                  " VALUES ($1, $2, $3, $4) ON CONFLICT (round_id) DO UPDATE SET"
                  " import_id = excluded.import_id, chosen_at = excluded.chosen_at,"
                  " chosen_by = excluded.chosen_by",
                  {**round, import_id, chosen_at, chosen_by != 0 ? Param(chosen_by) : kNull});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) {
    return Annotate(status.error(),
                    "choosing ad import " + std::to_string(import_id) + " for the report");
  }
  return Ok();
}

}  // namespace synlig::storage::sql
