// The SPSS export read back with ReadStat's own parser: one case per cell, the variables
// named in docs/report.md, suppressed counts system-missing.
#include "report_spss.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#ifdef SYNLIG_HAVE_READSTAT
#include <readstat.h>
#endif

namespace synlig::web {
namespace {

#ifdef SYNLIG_HAVE_READSTAT

struct Read {
  std::string bytes;
  std::size_t pos = 0;
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> rows;
};

int OpenCb(const char*, void*) { return 0; }
int CloseCb(void*) { return 0; }
readstat_off_t SeekCb(readstat_off_t offset, readstat_io_flags_t whence, void* ctx) {
  auto* r = static_cast<Read*>(ctx);
  std::int64_t base = whence == READSTAT_SEEK_SET   ? 0
                      : whence == READSTAT_SEEK_CUR ? static_cast<std::int64_t>(r->pos)
                                                    : static_cast<std::int64_t>(r->bytes.size());
  const std::int64_t to = base + offset;
  if (to < 0 || to > static_cast<std::int64_t>(r->bytes.size())) return -1;
  r->pos = static_cast<std::size_t>(to);
  return to;
}
ssize_t ReadCb(void* buf, size_t n, void* ctx) {
  auto* r = static_cast<Read*>(ctx);
  const std::size_t k = std::min(n, r->bytes.size() - r->pos);
  std::memcpy(buf, r->bytes.data() + r->pos, k);
  r->pos += k;
  return static_cast<ssize_t>(k);
}
readstat_error_t UpdateCb(long, readstat_progress_handler, void*, void*) { return READSTAT_OK; }

int VariableCb(int, readstat_variable_t* v, const char*, void* ctx) {
  static_cast<Read*>(ctx)->names.emplace_back(readstat_variable_get_name(v));
  return READSTAT_HANDLER_OK;
}
int ValueCb(int obs, readstat_variable_t* v, readstat_value_t value, void* ctx) {
  auto* r = static_cast<Read*>(ctx);
  if (static_cast<std::size_t>(obs) >= r->rows.size()) r->rows.resize(obs + 1);
  std::string text;
  if (readstat_value_is_system_missing(value)) {
    text = "<missing>";
  } else if (readstat_value_type(value) == READSTAT_TYPE_STRING) {
    text = readstat_string_value(value);
  } else {
    text = std::to_string(static_cast<long>(readstat_double_value(value)));
  }
  (void)v;
  r->rows[obs].push_back(text);
  return READSTAT_HANDLER_OK;
}

TEST(ReportSpssTest, OneCasePerCellWithSuppressedCountsMissing) {
  survey::CrossTab tab;
  tab.id = "form_gender";
  tab.row_codes = {"sells", "buys"};
  tab.row_labels_sv = {"Säljer", "Köper"};
  tab.col_codes = {"woman", "man"};
  tab.col_labels_sv = {"Kvinna", "Man"};
  tab.cells = {{12, 3}, {0, 9}};
  survey::Dashboard d;
  d.tables.push_back(tab);
  auto tables = ProtectTables(d, 5);
  ASSERT_TRUE(tables) << tables.error().ToString();
  auto sav = AggregateTablesSav(*tables, "Synlig: test");
  ASSERT_TRUE(sav) << sav.error().ToString();
  EXPECT_EQ(sav->substr(0, 4), "$FL2");

  Read read;
  read.bytes = *sav;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_open_handler(parser, OpenCb);
  readstat_set_close_handler(parser, CloseCb);
  readstat_set_seek_handler(parser, SeekCb);
  readstat_set_read_handler(parser, ReadCb);
  readstat_set_update_handler(parser, UpdateCb);
  readstat_set_variable_handler(parser, VariableCb);
  readstat_set_value_handler(parser, ValueCb);
  readstat_set_io_ctx(parser, &read);
  const readstat_error_t e = readstat_parse_sav(parser, "memory", &read);
  readstat_parser_free(parser);
  ASSERT_EQ(e, READSTAT_OK) << readstat_error_message(e);
  EXPECT_EQ(read.names,
            (std::vector<std::string>{"table", "row", "column", "count", "suppressed"}));
  ASSERT_EQ(read.rows.size(), 4u);
  EXPECT_EQ(read.rows[0], (std::vector<std::string>{"form_gender", "Säljer", "Kvinna", "12", "0"}));
  EXPECT_EQ(read.rows[1][3], "<missing>");  // 3 < k
  EXPECT_EQ(read.rows[1][4], "1");
  EXPECT_EQ(read.rows[2][3], "0");  // zero is not a small group of persons
  EXPECT_EQ(read.rows[3][3], "9");
}

#else

TEST(ReportSpssTest, WithoutReadStatTheExportIsUnavailable) {
  EXPECT_FALSE(SpssExportAvailable());
  EXPECT_EQ(AggregateTablesSav({}, "x").error().code(), ErrorCode::kFailedPrecondition);
}

#endif

}  // namespace
}  // namespace synlig::web
