// AuditRepository and settings on every backend.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

AuditEvent Event(std::int64_t at, const std::string& action, const std::string& username) {
  AuditEvent e;
  e.at = at;
  e.action = action;
  e.username = username;
  e.object = "round:1";
  e.detail = "test";
  e.ip = "192.0.2.1";
  return e;
}

std::vector<std::int64_t> Times(const std::vector<AuditEvent>& events) {
  std::vector<std::int64_t> at;
  for (const AuditEvent& e : events) at.push_back(e.at);
  return at;
}

TEST_P(AuditRepositoryTest, AppendedEventKeepsEveryField) {
  AuditEvent e = Event(kNow, "round_open", "anna");
  e.user_id = 7;
  ASSERT_TRUE(db().audit().Append(e));
  auto events = db().audit().Query({});
  ASSERT_TRUE(events) << events.error().ToString();
  ASSERT_EQ(events->size(), 1u);
  const AuditEvent& got = events->front();
  EXPECT_GT(got.id, 0);
  EXPECT_EQ(got.at, kNow);
  EXPECT_EQ(got.user_id, 7);
  EXPECT_EQ(got.username, "anna");
  EXPECT_EQ(got.action, "round_open");
  EXPECT_EQ(got.object, "round:1");
  EXPECT_EQ(got.detail, "test");
  EXPECT_EQ(got.ip, "192.0.2.1");
  EXPECT_EQ(db().audit().Append(AuditEvent{}).error().field(), "action");
}

TEST_P(AuditRepositoryTest, FiltersByActionUserAndInclusiveTimeNewestFirst) {
  for (int t = 1; t <= 10; ++t) {
    ASSERT_TRUE(db().audit().Append(
        Event(t, t % 2 == 1 ? "login" : "case_rows_view", t % 2 == 1 ? "anna" : "bo")));
  }
  AuditFilter by_action;
  by_action.action = "login";
  EXPECT_EQ(Times(*db().audit().Query(by_action)), (std::vector<std::int64_t>{9, 7, 5, 3, 1}));

  AuditFilter by_user;
  by_user.username = "bo";
  by_user.from = 4;
  by_user.to = 8;
  EXPECT_EQ(Times(*db().audit().Query(by_user)), (std::vector<std::int64_t>{8, 6, 4}));

  AuditFilter both;
  both.action = "login";
  both.username = "bo";
  EXPECT_TRUE(db().audit().Query(both)->empty());

  AuditFilter window;
  window.from = 3;
  window.to = 3;
  EXPECT_EQ(Times(*db().audit().Query(window)), std::vector<std::int64_t>{3});
}

TEST_P(AuditRepositoryTest, PagesWithLimitAndOffset) {
  for (int t = 1; t <= 10; ++t) ASSERT_TRUE(db().audit().Append(Event(t, "login", "anna")));
  AuditFilter page;
  page.limit = 4;
  EXPECT_EQ(Times(*db().audit().Query(page)), (std::vector<std::int64_t>{10, 9, 8, 7}));
  page.offset = 4;
  EXPECT_EQ(Times(*db().audit().Query(page)), (std::vector<std::int64_t>{6, 5, 4, 3}));
  page.offset = 8;
  EXPECT_EQ(Times(*db().audit().Query(page)), (std::vector<std::int64_t>{2, 1}));
  page.offset = 12;
  EXPECT_TRUE(db().audit().Query(page)->empty());
}

TEST_P(AuditRepositoryTest, RejectsLimitOutOfRangeAndNegativeOffset) {
  AuditFilter f;
  f.limit = 0;
  EXPECT_EQ(db().audit().Query(f).error().field(), "limit");
  f.limit = 10001;
  EXPECT_EQ(db().audit().Query(f).error().field(), "limit");
  f.limit = 10;
  f.offset = -1;
  auto r = db().audit().Query(f);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "offset");
}

TEST_P(SettingsTest, UnsetIsNotFoundAndSetOverwrites) {
  auto unset = db().GetSetting("municipality");
  ASSERT_FALSE(unset);
  EXPECT_EQ(unset.error().code(), ErrorCode::kNotFound);
  ASSERT_TRUE(db().SetSetting("municipality", "Linköping"));
  EXPECT_EQ(db().GetSetting("municipality").value_or(""), "Linköping");
  ASSERT_TRUE(db().SetSetting("municipality", "Norrköping"));
  EXPECT_EQ(db().GetSetting("municipality").value_or(""), "Norrköping");
  ASSERT_TRUE(db().SetSetting("empty", ""));
  EXPECT_EQ(db().GetSetting("empty").value_or("x"), "");
  EXPECT_EQ(db().SetSetting("", "v").error().field(), "key");
}

}  // namespace
}  // namespace synlig::storage
