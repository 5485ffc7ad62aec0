// The admin pages: users, units and the audit log with filters and paging.
#include <gtest/gtest.h>

#include "test_app.h"

namespace synlig::web::testing {
namespace {

class AdminFlowTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    admin_id_ = AddUser("adam", Role::kAdmin);
    ASSERT_EQ(admin_.Login("adam", kPassword).status, 303);
  }
  storage::Id admin_id_ = 0;
  Browser admin_{app_};
};

TEST_F(AdminFlowTest, AddsAUserAndReportsFieldErrors) {
  admin_.Get("/admin/users");
  HttpResponse r =
      admin_.Post("/admin/users",
                  {{"username", "Bad Name"}, {"role", "analyst"}, {"password", "long enough pw"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#user-username\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"Bad Name\""), std::string::npos);
  EXPECT_EQ(r.body.find("long enough pw"), std::string::npos);  // never echoed
  r = admin_.Post("/admin/users", {{"username", "bea"},
                                   {"display_name", "Bea"},
                                   {"role", "analyst"},
                                   {"password", "long enough pw"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_TRUE(db_->users().FindByUsername("bea"));
  admin_.Get("/admin/users");
  r = admin_.Post("/admin/users",
                  {{"username", "bea"}, {"role", "analyst"}, {"password", "long enough pw"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("redan upptaget"), std::string::npos);
}

TEST_F(AdminFlowTest, DisablesEnablesAndResetsPasswords) {
  const storage::Id id = AddUser("bea", Role::kAnalyst);
  const std::string base = "/admin/users/" + std::to_string(id);
  admin_.Get("/admin/users");
  EXPECT_EQ(admin_.Post(base + "/disable", {}).status, 303);
  EXPECT_TRUE(db_->users().Find(id)->disabled);
  admin_.Get("/admin/users");
  EXPECT_EQ(admin_.Post(base + "/enable", {}).status, 303);
  EXPECT_FALSE(db_->users().Find(id)->disabled);
  admin_.Get("/admin/users");
  EXPECT_EQ(admin_.Post(base + "/password", {{"password", "short"}}).status, 422);
  admin_.Get("/admin/users");
  EXPECT_EQ(admin_.Post(base + "/password", {{"password", "a brand new password"}}).status, 200);
  Browser bea(*app_);
  EXPECT_EQ(bea.Login("bea", "a brand new password").status, 303);
  admin_.Get("/admin/users");
  EXPECT_EQ(admin_.Post("/admin/users/" + std::to_string(admin_id_) + "/disable", {}).status, 409);
  EXPECT_EQ(admin_.Post("/admin/users/99999/enable", {}).status, 404);
}

TEST_F(AdminFlowTest, AdminSeesNoCaseData) {
  EXPECT_EQ(admin_.Get("/rounds").status, 403);
  EXPECT_EQ(admin_.Get("/reports").status, 403);
}

TEST_F(AdminFlowTest, UnitsAreAddedWithValidation) {
  admin_.Get("/admin/units");
  EXPECT_EQ(admin_.Post("/admin/units", {{"name", ""}, {"sector", "school"}}).status, 422);
  admin_.Get("/admin/units");
  EXPECT_EQ(admin_.Post("/admin/units", {{"name", "U"}, {"sector", "bogus"}}).status, 422);
  admin_.Get("/admin/units");
  EXPECT_EQ(admin_.Post("/admin/units", {{"name", "U"}, {"sector", "police"}}).status, 303);
  admin_.Get("/admin/units");
  EXPECT_EQ(admin_.Post("/admin/units", {{"name", "U"}, {"sector", "police"}}).status, 409);
  const HttpResponse list = admin_.Get("/admin/units");
  EXPECT_NE(list.body.find("Polis"), std::string::npos);
}

TEST_F(AdminFlowTest, AuditLogFiltersAndPages) {
  for (int i = 0; i < 60; ++i) {
    Browser b(*app_);
    b.Login("ghost", "nope nope nope");
  }
  HttpResponse r = admin_.Get("/admin/audit?action=login_failed");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("id=\"audit-next\""), std::string::npos);
  EXPECT_EQ(r.body.find("id=\"audit-prev\""), std::string::npos);
  r = admin_.Get("/admin/audit?action=login_failed&page=2");
  EXPECT_NE(r.body.find("id=\"audit-prev\""), std::string::npos);
  EXPECT_EQ(r.body.find("id=\"audit-next\""), std::string::npos);
  r = admin_.Get("/admin/audit?user=adam&action=login");
  EXPECT_NE(r.body.find("<td>adam</td><td>login</td>"), std::string::npos);
  EXPECT_EQ(r.body.find("ghost"), std::string::npos);
  r = admin_.Get("/admin/audit?from=2025-13-01");
  EXPECT_EQ(r.status, 422);
}

}  // namespace
}  // namespace synlig::web::testing
