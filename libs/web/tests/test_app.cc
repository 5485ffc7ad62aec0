// The handler-level test fixture.
#include "test_app.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "synlig/web/accounts.h"

namespace synlig::web::testing {

std::string HiddenValue(const std::string& html, const std::string& name) {
  const std::string needle = "name=\"" + name + "\" value=\"";
  const std::size_t at = html.find(needle);
  if (at == std::string::npos) return {};
  const std::size_t start = at + needle.size();
  return html.substr(start, html.find('"', start) - start);
}

void Browser::Absorb(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie") continue;
    const std::size_t eq = value.find('=');
    const std::size_t semi = value.find(';');
    const std::string cookie = value.substr(0, eq);
    const std::string v = value.substr(eq + 1, semi - eq - 1);
    if (v.empty() || value.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(cookie);
    } else {
      cookies_[cookie] = v;
    }
  }
  const std::string csrf = HiddenValue(response.body, "csrf");
  if (!csrf.empty()) csrf_ = csrf;
}

std::string Browser::cookie_header() const {
  std::string out;
  for (const auto& [name, value] : cookies_) {
    if (!out.empty()) out += "; ";
    out += name + "=" + value;
  }
  return out;
}

HttpResponse Browser::Get(const std::string& target) {
  HttpRequest request;
  request.method = "GET";
  const std::size_t q = target.find('?');
  request.path = target.substr(0, q);
  if (q != std::string::npos) request.query = target.substr(q + 1);
  request.cookie_header = cookie_header();
  request.host = "synlig.test";
  request.remote_addr = "127.0.0.1";
  HttpResponse response = app_().Handle(request);
  Absorb(response);
  return response;
}

HttpResponse Browser::Post(const std::string& path,
                           std::vector<std::pair<std::string, std::string>> form, bool with_csrf) {
  bool has_csrf = false;
  for (const auto& [n, v] : form) has_csrf = has_csrf || n == "csrf";
  if (with_csrf && !has_csrf) form.emplace_back("csrf", csrf_);
  HttpRequest request;
  request.method = "POST";
  request.path = path;
  request.content_type = "application/x-www-form-urlencoded";
  for (const auto& [n, v] : form) {
    if (!request.body.empty()) request.body += "&";
    request.body += UrlEncode(n) + "=" + UrlEncode(v);
  }
  request.cookie_header = cookie_header();
  request.host = "synlig.test";
  request.remote_addr = "127.0.0.1";
  HttpResponse response = app_().Handle(request);
  Absorb(response);
  return response;
}

HttpResponse Browser::Login(const std::string& username, const std::string& password) {
  Get("/login");
  return Post("/login", {{"username", username}, {"password", password}});
}

void WebTest::SetUp() {
  static std::atomic<int> counter{0};
  path_ =
      (std::filesystem::temp_directory_path() /
       ("synlig_web_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db"))
          .string();
  storage::OpenOptions open;
  open.sqlite_synchronous = "normal";
  auto db = storage::Open("sqlite:" + path_, open);
  ASSERT_TRUE(db) << db.error().ToString();
  db_ = *std::move(db);
  keys_ = std::make_unique<MemoryKeyStore>(random_);
  options_.password_cost = MinimumPasswordCost();
  options_.lockout_threshold = 3;
  options_.lockout_seconds = 600;
  auto app = App::Create(ServerDeps{*db_, *keys_, clock_, random_}, options_);
  ASSERT_TRUE(app) << app.error().ToString();
  app_ = *std::move(app);
}

void WebTest::TearDown() {
  app_.reset();
  db_.reset();
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path_ + suffix, ignored);
  }
}

storage::Id WebTest::AddUser(const std::string& username, Role role,
                             std::optional<storage::Id> unit) {
  NewUser user{username, username + " Test", "", role, unit, kPassword};
  auto id = CreateUser(*db_, clock_, user, MinimumPasswordCost(), Actor{std::nullopt, "test", ""});
  EXPECT_TRUE(id) << id.error().ToString();
  return id.value_or(0);
}

storage::Id WebTest::AddUnit(const std::string& name, Sector sector) {
  storage::Unit unit;
  unit.name = name;
  unit.sector = sector;
  auto id = db_->units().Create(unit);
  EXPECT_TRUE(id) << id.error().ToString();
  return id.value_or(0);
}

}  // namespace synlig::web::testing
