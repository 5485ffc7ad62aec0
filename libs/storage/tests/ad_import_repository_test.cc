// AdImportRepository on every backend: an import with its errors is stored in one
// transaction, listed newest first per round and found again; bad imports store nothing; the
// report uses the chosen import, else the newest.
#include "storage_test_fixture.h"
#include "synlig/storage/ads.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

AdImport Import(Id round, std::int64_t ads = 9) {
  AdImport im;
  im.round_id = round;
  im.created_at = kNow;
  im.file_name = "annonser-v10.jsonl";
  im.format = "jsonl";
  im.lines = 12;
  im.ads_read = ads;
  im.skipped = 3;
  im.counts_json = R"({"ads":{"raw":9,"unique":8,"reposts":1}})";
  im.captures_csv = "2025-03-03,2025-03-10,count\n0,1,2\n1,0,3\n1,1,1\n";
  im.errors = {{10, "stated_age", "type"}, {11, "json", "syntax"}, {12, "ad_id", "missing"}};
  return im;
}

TEST_P(AdImportRepositoryTest, StoresAnImportWithItsErrorsAndFindsIt) {
  const Id round = MakeRound({MakeUnit("Socialtjänsten")});
  AdImport im = Import(round);
  im.created_by = MakeUser("analytiker");
  auto id = db().ad_imports().Create(im);
  ASSERT_TRUE(id) << id.error().ToString();
  auto got = db().ad_imports().Find(*id);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(got->id, *id);
  EXPECT_EQ(got->round_id, round);
  EXPECT_EQ(got->created_at, kNow);
  EXPECT_EQ(got->created_by, im.created_by);
  EXPECT_EQ(got->file_name, "annonser-v10.jsonl");
  EXPECT_EQ(got->format, "jsonl");
  EXPECT_EQ(got->lines, 12);
  EXPECT_EQ(got->ads_read, 9);
  EXPECT_EQ(got->skipped, 3);
  EXPECT_EQ(got->counts_json, im.counts_json);
  EXPECT_EQ(got->captures_csv, im.captures_csv);
  ASSERT_EQ(got->errors.size(), 3u);
  EXPECT_EQ(got->errors[0].line, 10);
  EXPECT_EQ(got->errors[0].field, "stated_age");
  EXPECT_EQ(got->errors[0].problem, "type");
  EXPECT_EQ(got->errors[2].field, "ad_id");
  EXPECT_EQ(got->files, 1);
  EXPECT_EQ(got->errors[2].file, 1);
}

// An import of several files keeps how many, and which file each bad line is in.
TEST_P(AdImportRepositoryTest, StoresTheFileOfEachErrorInAnImportOfSeveralFiles) {
  const Id round = MakeRound({MakeUnit("Polisen")});
  AdImport im = Import(round);
  im.file_name = "dag1.jsonl, dag2.jsonl, dag3.jsonl";
  im.files = 3;
  im.errors = {{4, "json", "syntax", 1}, {2, "ad_id", "missing", 3}};
  auto id = db().ad_imports().Create(im);
  ASSERT_TRUE(id) << id.error().ToString();
  auto got = db().ad_imports().Find(*id);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(got->files, 3);
  EXPECT_EQ(got->file_name, im.file_name);
  ASSERT_EQ(got->errors.size(), 2u);
  EXPECT_EQ(got->errors[0].file, 1);
  EXPECT_EQ(got->errors[0].line, 4);
  EXPECT_EQ(got->errors[1].file, 3);
  EXPECT_EQ(got->errors[1].line, 2);
  auto list = db().ad_imports().ListForRound(round);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].files, 3);
}

TEST_P(AdImportRepositoryTest, ListsARoundsImportsNewestFirstWithoutErrors) {
  const Id unit = MakeUnit("Polisen");
  const Id round = MakeRound({unit});
  const Id other = MakeRound({unit});
  auto first = db().ad_imports().Create(Import(round, 5));
  auto second = db().ad_imports().Create(Import(round, 7));
  auto elsewhere = db().ad_imports().Create(Import(other));
  ASSERT_TRUE(first && second && elsewhere);
  auto list = db().ad_imports().ListForRound(round);
  ASSERT_TRUE(list) << list.error().ToString();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, *second);
  EXPECT_EQ((*list)[0].ads_read, 7);
  EXPECT_EQ((*list)[1].id, *first);
  EXPECT_TRUE((*list)[0].errors.empty());
  auto none = db().ad_imports().ListForRound(MakeRound({unit}));
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

// The report uses the newest import until one is chosen; a choice stands when newer imports
// come, may be changed, and holds only for its own round.
TEST_P(AdImportRepositoryTest, TheReportUsesTheChosenImportElseTheNewest) {
  const Id unit = MakeUnit("Polisen");
  const Id round = MakeRound({unit});
  const Id other = MakeRound({unit});
  const Id analyst = MakeUser("analytiker");
  auto used = [&](Id r) -> Id {
    auto list = db().ad_imports().ListForRound(r);
    EXPECT_TRUE(list) << list.error().ToString();
    Id id = 0;
    for (const AdImport& im : *list) {
      if (!im.for_report) continue;
      EXPECT_EQ(id, 0) << "two imports are marked for the report";
      id = im.id;
      EXPECT_TRUE(db().ad_imports().Find(im.id)->for_report);
    }
    return id;
  };
  EXPECT_EQ(used(round), 0);
  auto first = db().ad_imports().Create(Import(round, 5));
  ASSERT_TRUE(first);
  EXPECT_EQ(used(round), *first);
  auto second = db().ad_imports().Create(Import(round, 7));
  auto elsewhere = db().ad_imports().Create(Import(other));
  ASSERT_TRUE(second && elsewhere);
  EXPECT_EQ(used(round), *second);
  EXPECT_FALSE(db().ad_imports().Find(*first)->for_report);

  ASSERT_TRUE(db().ad_imports().ChooseForReport(*first, kNow, analyst));
  EXPECT_EQ(used(round), *first);
  EXPECT_EQ(used(other), *elsewhere);
  auto third = db().ad_imports().Create(Import(round, 8));
  ASSERT_TRUE(third);
  EXPECT_EQ(used(round), *first) << "a newer import leaves the choice alone";
  ASSERT_TRUE(db().ad_imports().ChooseForReport(*third, kNow + 60, 0));
  EXPECT_EQ(used(round), *third);

  EXPECT_EQ(db().ad_imports().ChooseForReport(4242, kNow, analyst).error().code(),
            ErrorCode::kNotFound);
  auto nobody = db().ad_imports().ChooseForReport(*first, kNow, 9999);
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(nobody.error().field(), "chosen_by");
  EXPECT_EQ(used(round), *third) << "a refused choice changes nothing";
}

TEST_P(AdImportRepositoryTest, UnknownRoundOrImportIsNotFound) {
  EXPECT_EQ(db().ad_imports().Create(Import(4242)).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().ad_imports().Find(4242).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().ad_imports().ListForRound(4242).error().code(), ErrorCode::kNotFound);
}

TEST_P(AdImportRepositoryTest, BadImportsAreRefusedAndStoreNothing) {
  const Id round = MakeRound({MakeUnit("Skolan")});
  struct Case {
    void (*spoil)(AdImport&);
    const char* field;
  };
  const Case cases[] = {
      {[](AdImport& im) { im.format = "csv"; }, "format"},
      {[](AdImport& im) { im.file_name.clear(); }, "file_name"},
      {[](AdImport& im) { im.file_name.assign(201, 'a'); }, "file_name"},
      {[](AdImport& im) { im.ads_read = 13; }, "ads_read"},
      {[](AdImport& im) { im.skipped = -1; }, "ads_read"},
      {[](AdImport& im) { im.counts_json.clear(); }, "counts_json"},
      {[](AdImport& im) { im.files = 0; }, "files"},
      {[](AdImport& im) { im.files = kMaxAdImportFiles + 1; }, "files"},
      {[](AdImport& im) { im.errors[0].file = 2; }, "errors"},  // the import holds 1 file
      {[](AdImport& im) { im.errors[0].file = 0; }, "errors"},
      {[](AdImport& im) {
         im.errors.push_back({0, "json", "syntax"});
       },
       "errors"},
      {[](AdImport& im) {
         im.errors.push_back({5, "070-174 06 05", "value"});
       },
       "errors"},
      {[](AdImport& im) {
         im.errors.push_back({5, "json", "Sofia"});
       },
       "errors"},
      {[](AdImport& im) {
         im.errors.resize(kMaxStoredAdImportErrors + 1, {1, "json", "x"});
       },
       "errors"},
      {[](AdImport& im) { im.created_by = 9999; }, "created_by"},
  };
  for (const Case& c : cases) {
    AdImport im = Import(round);
    c.spoil(im);
    auto id = db().ad_imports().Create(im);
    ASSERT_FALSE(id) << c.field;
    EXPECT_EQ(id.error().code(), ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(id.error().field(), c.field);
  }
  auto list = db().ad_imports().ListForRound(round);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->empty());
}

// Fault injection: the Nth statement of the write fails in turn (the round check, the
// import row, each error row) until it succeeds; every failure is a clean kUnavailable that
// leaves no import behind.
TEST_P(AdImportRepositoryTest, AFaultAtAnyStatementStoresNothing) {
  const Id round = MakeRound({MakeUnit("Vården")});
  int failures = 0;
  bool succeeded = false;
  for (int nth = 1; nth <= 20 && !succeeded; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    auto id = db().ad_imports().Create(Import(round));
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (id) {
      succeeded = true;
      break;
    }
    ++failures;
    EXPECT_EQ(id.error().code(), ErrorCode::kUnavailable) << nth;
    auto list = db().ad_imports().ListForRound(round);
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->empty()) << "fault at statement " << nth;
  }
  EXPECT_TRUE(succeeded);
  EXPECT_GE(failures, 5) << "the round check, the import and its three errors can each fail";
  EXPECT_EQ(db().ad_imports().ListForRound(round)->size(), 1u);
}

}  // namespace
}  // namespace synlig::storage
