// Reads a published count table from CSV text (no I/O: the caller reads the file), for
// `synlig disclosure check`. Usage:
//   auto csv = disclosure::ParsePublishedCsv(text);
//   if (!csv) { print csv.error().message(); }   // names the line and column
//   auto unsafe = disclosure::Check(csv->table, options);
#pragma once

#include <string_view>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure {

struct PublishedCsv {
  ProtectedTable table;       // suppressed figures hold 0 in table.cells / published_*
  std::vector<int> row_line;  // line number (1-based) of each row; total row last if present
  char delimiter = ',';
};

// Format: the first line holds the column labels (its first field, the corner, is ignored);
// every further line a row label and one field per column. A last column and/or a last row
// labelled "Totalt", "Total", "Summa" or "Sum" (any case) hold the totals, which must be the
// sums of their cells. Fields are separated by ',' or ';' or a tab (whichever the header line
// uses; ';' when it has both ',' and ';'), may be quoted with "" and are trimmed. A field is:
//   * a count: digits, optionally grouped by spaces ("1 234");
//   * a suppression marker: ".", "..", "...", "x", "X", "*", ":" — or "<N" (the figure lies
//     in [1, N-1], recorded in the below_* fields);
//   * empty: the cell is structurally absent (known to be 0; a total: not published).
// A UTF-8 byte order mark, \r\n line ends and blank lines are accepted.
// Errors: kInvalidArgument naming the line and column: field "header" (no header line, fewer
// than one column, an empty column label), "row" (wrong number of fields, an empty row label,
// no data rows, an unterminated quote), "cell" (a field that is neither a count nor a marker, a
// count above 2^40, "<N" with N < 1); kResourceExhausted for more than 1,000,000 cells.
Result<PublishedCsv> ParsePublishedCsv(std::string_view text);

}  // namespace synlig::disclosure
