// Access control, login, sessions and CSRF through App::Handle (no socket).
#include <gtest/gtest.h>

#include "synlig/web/accounts.h"
#include "test_app.h"

namespace synlig::web::testing {
namespace {

std::string Header(const HttpResponse& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return {};
}

std::vector<std::string> SetCookies(const HttpResponse& r) {
  std::vector<std::string> out;
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie") out.push_back(v);
  }
  return out;
}

using AppTest = WebTest;

TEST_F(AppTest, HealthzAnswersOk) {
  Browser b(*app_);
  const HttpResponse r = b.Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok");
}

TEST_F(AppTest, UnknownPathIs404InSwedishByDefault) {
  Browser b(*app_);
  const HttpResponse r = b.Get("/no/such/page");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("<html lang=\"sv\">"), std::string::npos);
  EXPECT_NE(r.body.find("Sidan finns inte"), std::string::npos);
}

TEST_F(AppTest, LanguageSwitchSetsCookieAndEnglishPages) {
  Browser b(*app_);
  const HttpResponse r = b.Get("/lang?lang=en&next=/login");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(Header(r, "Location"), "/login");
  EXPECT_EQ(b.cookies()["synlig_lang"], "en");
  const HttpResponse page = b.Get("/login");
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.body.find("Log in"), std::string::npos);
  EXPECT_EQ(b.Get("/lang?lang=sv&next=//evil.example").headers.back().second, "/");
}

TEST_F(AppTest, AnonymousPageRedirectsToLoginAndAnonymousPostIs401) {
  Browser b(*app_);
  const HttpResponse page = b.Get("/rounds");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(Header(page, "Location"), "/login?next=/rounds");
  const HttpResponse post = b.Post("/rounds", {{"name", "x"}}, false);
  EXPECT_EQ(post.status, 401);
}

TEST_F(AppTest, LoginSetsAStrictHttpOnlySessionCookieAndRedirects) {
  AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  b.Get("/login?next=/rounds");
  const HttpResponse r =
      b.Post("/login", {{"username", "anna"}, {"password", kPassword}, {"next", "/rounds"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Header(r, "Location"), "/rounds");
  bool found = false;
  for (const std::string& c : SetCookies(r)) {
    if (!c.starts_with("synlig_session=")) continue;
    found = true;
    EXPECT_NE(c.find("HttpOnly"), std::string::npos);
    EXPECT_NE(c.find("SameSite=Strict"), std::string::npos);
    EXPECT_NE(c.find("Path=/"), std::string::npos);
    EXPECT_EQ(c.find("Secure"), std::string::npos);  // plain HTTP in this test
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(b.Get("/rounds").status, 200);
}

TEST_F(AppTest, SessionIdIsStoredOnlyAsAHashAndRotatedAtLogin) {
  AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  ASSERT_EQ(b.Login("anna", kPassword).status, 303);
  const std::string first = b.cookies()["synlig_session"];
  ASSERT_EQ(first.size(), 43u);  // 32 random bytes, base64url
  auto stored = db_->sessions().Find(TokenHash(first), clock_.NowUnix());
  ASSERT_TRUE(stored);
  EXPECT_NE(stored->id_hash, first);
  ASSERT_EQ(b.Login("anna", kPassword).status, 303);
  const std::string second = b.cookies()["synlig_session"];
  EXPECT_NE(first, second);
  auto old = db_->sessions().Find(TokenHash(first), clock_.NowUnix());
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code(), ErrorCode::kNotFound);
}

TEST_F(AppTest, SecureOptionGivesHostPrefixedSecureCookie) {
  options_.secure_cookies = true;
  auto app = App::Create(ServerDeps{*db_, *keys_, clock_, random_}, options_);
  ASSERT_TRUE(app);
  AddUser("anna", Role::kAnalyst);
  Browser b(**app);
  const HttpResponse r = b.Login("anna", kPassword);
  ASSERT_EQ(r.status, 303);
  bool found = false;
  for (const std::string& c : SetCookies(r)) {
    if (c.starts_with("__Host-synlig_session=")) {
      found = true;
      EXPECT_NE(c.find("; Secure"), std::string::npos);
      EXPECT_EQ(c.find("Domain"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(AppTest, WrongRoleGets403) {
  AddUser("rita", Role::kReader);
  Browser b(*app_);
  ASSERT_EQ(b.Login("rita", kPassword).status, 303);
  EXPECT_EQ(b.Get("/rounds").status, 403);
  EXPECT_EQ(b.Get("/admin/users").status, 403);
  EXPECT_EQ(b.Get("/reports").status, 200);
}

TEST_F(AppTest, PostWithoutOrWithWrongCsrfIs403AndChangesNothing) {
  AddUser("adam", Role::kAdmin);
  Browser b(*app_);
  ASSERT_EQ(b.Login("adam", kPassword).status, 303);
  b.Get("/admin/units");
  EXPECT_EQ(b.Post("/admin/units", {{"name", "Unit A"}, {"sector", "school"}}, false).status, 403);
  EXPECT_EQ(
      b.Post("/admin/units", {{"name", "Unit A"}, {"sector", "school"}, {"csrf", "nope"}}).status,
      403);
  EXPECT_TRUE(db_->units().List()->empty());
  EXPECT_EQ(b.Post("/admin/units", {{"name", "Unit A"}, {"sector", "school"}}).status, 303);
  EXPECT_EQ(db_->units().List()->size(), 1u);
}

TEST_F(AppTest, LoginFormNeedsItsCsrfCookie) {
  AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  b.Get("/login");
  b.cookies().erase("synlig_login");
  EXPECT_EQ(b.Post("/login", {{"username", "anna"}, {"password", kPassword}}).status, 403);
}

TEST_F(AppTest, FailuresLookTheSameButAreAuditedApartAndLockTheAccount) {
  const storage::Id id = AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  const HttpResponse unknown = b.Login("nobody", kPassword);
  const HttpResponse wrong = b.Login("anna", "wrong password!");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  b.Login("anna", "wrong password!");
  b.Login("anna", "wrong password!");  // third failure: locked (threshold 3)
  const HttpResponse locked = b.Login("anna", kPassword);
  EXPECT_EQ(locked.status, 401);
  EXPECT_TRUE(db_->users().Find(id)->locked_until > clock_.NowUnix());
  storage::AuditFilter f;
  f.action = "login_failed";
  auto events = db_->audit().Query(f);
  ASSERT_TRUE(events);
  std::vector<std::string> details;
  for (const auto& e : *events) details.push_back(e.detail);
  EXPECT_NE(std::find(details.begin(), details.end(), "unknown user"), details.end());
  EXPECT_NE(std::find(details.begin(), details.end(), "locked"), details.end());
  EXPECT_NE(std::find(details.begin(), details.end(), "wrong password; now locked"), details.end());
  clock_.Advance(std::chrono::seconds(601));
  EXPECT_EQ(b.Login("anna", kPassword).status, 303);
}

TEST_F(AppTest, DisabledUserCannotLogInAndLosesSessions) {
  const storage::Id id = AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  ASSERT_EQ(b.Login("anna", kPassword).status, 303);
  ASSERT_TRUE(SetDisabled(*db_, clock_, id, true, Actor{std::nullopt, "test", ""}));
  EXPECT_EQ(b.Get("/rounds").status, 303);  // the session is gone
  EXPECT_EQ(b.Login("anna", kPassword).status, 401);
}

TEST_F(AppTest, LogoutEndsTheSession) {
  AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  ASSERT_EQ(b.Login("anna", kPassword).status, 303);
  b.Get("/rounds");
  const HttpResponse r = b.Post("/logout", {});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(b.Get("/rounds").status, 303);
}

TEST_F(AppTest, SessionExpires) {
  AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  ASSERT_EQ(b.Login("anna", kPassword).status, 303);
  clock_.Advance(std::chrono::seconds(options_.session_ttl_seconds + 1));
  EXPECT_EQ(b.Get("/rounds").status, 303);
}

TEST_F(AppTest, CreateUserValidatesUsernameRoleUnit) {
  const Actor cli{std::nullopt, "cli", ""};
  auto bad = CreateUser(*db_, clock_, {"A b", "", "", Role::kAdmin, {}, kPassword},
                        MinimumPasswordCost(), cli);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field(), "username");
  auto coordinator = CreateUser(*db_, clock_, {"cora", "", "", Role::kCoordinator, {}, kPassword},
                                MinimumPasswordCost(), cli);
  ASSERT_FALSE(coordinator);
  EXPECT_EQ(coordinator.error().field(), "unit");
  auto short_pw = CreateUser(*db_, clock_, {"cora", "", "", Role::kAdmin, {}, "short"},
                             MinimumPasswordCost(), cli);
  ASSERT_FALSE(short_pw);
  EXPECT_EQ(short_pw.error().field(), "password");
  ASSERT_TRUE(CreateUser(*db_, clock_, {"cora", "", "", Role::kAdmin, {}, kPassword},
                         MinimumPasswordCost(), cli));
  auto taken = CreateUser(*db_, clock_, {"cora", "", "", Role::kAdmin, {}, kPassword},
                          MinimumPasswordCost(), cli);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code(), ErrorCode::kAlreadyExists);
  storage::AuditFilter f;
  f.action = "user_create";
  EXPECT_EQ(db_->audit().Query(f)->size(), 1u);
}

TEST_F(AppTest, ResetPasswordClearsLockAndAudits) {
  const storage::Id id = AddUser("anna", Role::kAnalyst);
  Browser b(*app_);
  for (int i = 0; i < 3; ++i) b.Login("anna", "wrong password!");
  ASSERT_TRUE(ResetPassword(*db_, clock_, id, "another long pw", MinimumPasswordCost(),
                            Actor{std::nullopt, "cli", ""}));
  EXPECT_EQ(b.Login("anna", "another long pw").status, 303);
  storage::AuditFilter f;
  f.action = "user_reset_password";
  EXPECT_EQ(db_->audit().Query(f)->size(), 1u);
}

}  // namespace
}  // namespace synlig::web::testing
