// A web::App over a fresh SQLite file, a fake clock, seeded randomness and in-memory keys,
// with a tiny browser (cookie jar, CSRF from the last page) for handler-level tests.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app.h"
#include "synlig/core/clock.h"
#include "synlig/core/key_store.h"
#include "synlig/core/random.h"
#include "synlig/storage/database.h"

namespace synlig::web::testing {

// The value of the first hidden input named `name` in html, or "".
std::string HiddenValue(const std::string& html, const std::string& name);

class Browser {
 public:
  explicit Browser(App& app) : app_([&app]() -> App& { return app; }) {}
  // For fixture members built before SetUp makes the app.
  explicit Browser(const std::unique_ptr<App>& app) : app_([&app]() -> App& { return *app; }) {}
  HttpResponse Get(const std::string& target);
  // Posts an urlencoded form; adds the CSRF token of the last page unless `with_csrf` is false
  // or the form has one.
  HttpResponse Post(const std::string& path, std::vector<std::pair<std::string, std::string>> form,
                    bool with_csrf = true);
  // GET /login, then POST it. Returns the POST's response.
  HttpResponse Login(const std::string& username, const std::string& password);
  std::string cookie_header() const;
  std::map<std::string, std::string>& cookies() { return cookies_; }
  const std::string& last_csrf() const { return csrf_; }

 private:
  void Absorb(const HttpResponse& response);
  std::function<App&()> app_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

class WebTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Creates a user with a fixed test password; returns its id.
  storage::Id AddUser(const std::string& username, Role role,
                      std::optional<storage::Id> unit = std::nullopt);
  storage::Id AddUnit(const std::string& name, Sector sector);
  static constexpr const char* kPassword = "correct horse battery";

  std::string path_;
  std::unique_ptr<storage::Database> db_;
  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'750'000'000))};
  SeededRandom random_{42};
  std::unique_ptr<MemoryKeyStore> keys_;
  ServerOptions options_;
  std::unique_ptr<App> app_;
};

}  // namespace synlig::web::testing
