// Readers of official statistics exports for the council report: Brå's reported crimes (the
// statistics database over reported crimes, saved as CSV or Excel) and SCB's population table
// (PxWeb, e.g. BE0101N1 "Folkmängden efter region och år"). Pure: the caller reads the file.
//   auto table = report::ReadStatisticsFile(bytes);          // CSV (any encoding) or .xlsx
//   auto bra = report::ParseBraExport(*table, {.municipality = "Linköping"});
//   auto pop = report::ParseScbPopulation(*table);
// Every error is kInvalidArgument with field "file" and names the line (or worksheet row) and
// column of the offending value. The accepted layouts are described in docs/report.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::report {

// The crimes of the motion, as Brå counts them.
enum class Crime { kSexPurchase, kProcuring, kTrafficking };
inline constexpr Crime kAllCrimes[] = {Crime::kSexPurchase, Crime::kProcuring, Crime::kTrafficking};
std::string_view CrimeCode(Crime crime);     // "brb_6_11", "brb_6_12", "brb_4_1a"
std::string_view CrimeLabelSv(Crime crime);  // "Köp av sexuell tjänst (BrB 6 kap. 11 §)"
std::string_view CrimeLabelEn(Crime crime);  // "Purchase of a sexual service (Penal Code 6:11)"
// kInvalidArgument (field "crime") for an unknown code.
Result<Crime> ParseCrimeCode(std::string_view code);

// A sheet of text cells as read from a file: rows[i][j] is line (or worksheet row) i + 1,
// column j + 1, trimmed of surrounding spaces. Rows may differ in length.
struct TextTable {
  std::vector<std::vector<std::string>> rows;
  std::string format;  // how it was read, e.g. "CSV (semicolon, Windows-1252)" or "Excel (.xlsx)"
};

// Decodes text bytes (UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252) and
// splits them as delimited text: the delimiter (semicolon, tab or comma) is the one found
// outside quotes on most lines; fields may be quoted with doubled quotes inside, and quoted
// fields may span lines. Errors: an empty file, a file over 16 MiB or 200,000 lines, a byte
// that is neither UTF-8 nor Windows-1252, an unterminated quote, a line with text after a
// closing quote.
Result<TextTable> ReadDelimitedText(std::string_view bytes);

// The first worksheet of an Excel workbook (.xlsx). Numbers are written back as text, whole
// numbers without decimals. Errors: not a zip, a missing or malformed workbook part, a part
// over 64 MiB uncompressed.
Result<TextTable> ReadXlsxSheet(std::string_view bytes);

// ReadXlsxSheet for bytes starting with the zip signature, ReadDelimitedText otherwise.
Result<TextTable> ReadStatisticsFile(std::string_view bytes);

// A count as official tables write it: "1234", "1 234" (space, no-break or thin space),
// "1234,0" or "1234.0". Returns nullopt-like false for the missing-value marks "..", "…",
// ".", "" and sets `missing`; "-" and "–" (nothing to report) read as 0. kInvalidArgument
// otherwise (field "file"), naming `where` and the text.
Result<std::int64_t> ParseCount(std::string_view text, std::string_view where, bool& missing);

// One figure of Brå's export.
struct BraFigure {
  Crime crime = Crime::kSexPurchase;
  int year = 0;
  std::int64_t reported = 0;
  bool preliminary = false;
  int line = 0;  // where it was read (1-based)
};

struct BraImport {
  std::vector<BraFigure> figures;  // by crime, then year
  // What was read but not stored, one line each: rows of other crimes, per-100,000 rows,
  // rows of other areas, missing values ("..").
  std::vector<std::string> notes;
};

struct BraOptions {
  std::string municipality;  // rows of other areas (when the file names areas) are skipped
};

// Reads Brå's reported crimes per year from a table: either wide (a header row whose cells
// after the label columns are years, "2024*" or "2024 (prel.)" marking preliminary figures;
// one row per crime) or long (columns År/Year, Antal/Value, Brottstyp/Offence and optional
// Område/Region and Status). Crimes are recognised by name or paragraph ("Köp av sexuell
// tjänst", "6 kap. 11 §", "6:11"; koppleri 6:12; människohandel 4:1a — trafficking for other
// purposes than sexual ones is skipped). A line before the header naming the area
// ("Område: ...", "Kommun: ...") must name the municipality; a line mentioning "preliminär"
// and years marks those years preliminary.
// Errors (kInvalidArgument, field "file"): no header row; an area other than the municipality
// only; two rows for the same crime and year; a value that is not a count; a row with more
// fields than the header; no figure for any of the three crimes; an empty municipality
// (field "municipality").
Result<BraImport> ParseBraExport(const TextTable& table, const BraOptions& options);

// One population figure of SCB's table.
struct PopulationRow {
  std::string region_code;  // "0580"; empty when the file gives names only
  std::string region;       // "Linköping"
  int year = 0;
  std::int64_t population = 0;
  int line = 0;
};

struct PopulationImport {
  std::vector<PopulationRow> rows;  // by region as in the file, then year
  std::vector<std::string> notes;
};

// Reads SCB's population per region and year: wide (a header row "region", then years or
// "Folkmängd 2023"-style headings) or long (columns region, år/year and the value). Regions
// are "0580 Linköping" or plain names. Further classifying columns (kön, ålder, civilstånd):
// rows whose class is a total ("totalt", "båda könen", ...) are taken, otherwise the rows of
// a region and year are added up. Errors (kInvalidArgument, field "file"): no header row, no
// region column, a value that is not a count, a zero or negative population, no figure.
Result<PopulationImport> ParseScbPopulation(const TextTable& table);

// Normalised area name for comparisons: without a leading region code, a trailing " kommun",
// surrounding spaces and case ("0580 Linköping" -> "linköping").
std::string NormaliseArea(std::string_view name);

}  // namespace synlig::report
