// web::Server over a real loopback socket: port 0, security headers, 413 for large bodies,
// the error pages of the HTTP layer, and a clean Stop().
#include "synlig/web/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "test_app.h"

namespace synlig::web::testing {
namespace {

class ServerTest : public WebTest {
 protected:
  void StartServer(std::size_t max_body_bytes = 4096) {
    options_.port = 0;
    options_.threads = 4;
    options_.max_body_bytes = max_body_bytes;
    server_ = std::make_unique<Server>(ServerDeps{*db_, *keys_, clock_, random_}, options_);
    auto port = server_->Bind();
    ASSERT_TRUE(port) << port.error().ToString();
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    WebTest::TearDown();
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    return c;
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

void ExpectSecurityHeaders(const httplib::Result& r) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Security-Policy").rfind("default-src 'self'", 0), 0u);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(r->get_header_value_count("Cache-Control"), 1u);
}

TEST_F(ServerTest, BindsPortZeroAndAnswersHealthz) {
  StartServer();
  EXPECT_GT(port_, 0);
  auto c = Client();
  auto r = c.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "ok");
  ExpectSecurityHeaders(r);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
}

TEST_F(ServerTest, StaticFilesAreCacheableAndPagesAreNot) {
  StartServer();
  auto c = Client();
  auto css = c.Get("/static/synlig.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->get_header_value("Cache-Control"), "public, max-age=3600");
  // The upload script: served as JavaScript (X-Content-Type-Options: nosniff would refuse it
  // under any other type).
  auto js = c.Get("/static/upload.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js->body.find("XMLHttpRequest"), std::string::npos);
  auto page = c.Get("/login");
  ExpectSecurityHeaders(page);
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(ServerTest, OversizedBodyGets413WithHeaders) {
  StartServer();
  auto c = Client();
  const std::string body(64 * 1024, 'a');
  auto r = c.Post("/login", body, "application/x-www-form-urlencoded");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 413);
  ExpectSecurityHeaders(r);
  EXPECT_NE(r->body.find("<html lang=\"sv\">"), std::string::npos);
}

// httplib alone answers 413 to any url-encoded form over 8 KiB; a questionnaire with many
// persons is larger, so bodies are read by the server up to max_body_bytes.
TEST_F(ServerTest, UrlEncodedFormsLargerThan8KiBAreServed) {
  StartServer(256 * 1024);
  auto c = Client();
  const std::string large = "username=x&pad=" + std::string(100 * 1024, 'a');
  auto r = c.Post("/login", large, "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);  // reached the handler: no login-form CSRF token
}

// File uploads (multipart/form-data) from a signed-in user have their own, larger limit.
TEST_F(ServerTest, MultipartUploadsHaveTheirOwnLimit) {
  options_.max_upload_bytes = 128 * 1024;
  StartServer(4096);
  AddUser("alva", Role::kAnalyst);
  Browser browser(app_);  // the same store: its session is valid on the server too
  ASSERT_EQ(browser.Login("alva", kPassword).status, 303);
  auto c = Client();
  c.set_default_headers({{"Cookie", browser.cookie_header()}});
  httplib::MultipartFormDataItems under{{"file", std::string(64 * 1024, 'a'), "a.csv", "text/csv"}};
  auto r = c.Post("/rounds/1/ads", under);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);  // reached the handler: no CSRF token
  httplib::MultipartFormDataItems over{{"file", std::string(200 * 1024, 'a'), "a.csv", "text/csv"}};
  r = c.Post("/rounds/1/ads", over);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

// Without a session, an upload is held to the form limit: strangers cannot make the server
// read and keep max_upload_bytes per connection.
TEST_F(ServerTest, MultipartUploadsWithoutASessionGetTheFormLimit) {
  options_.max_upload_bytes = 128 * 1024;
  StartServer(4096);
  auto c = Client();
  httplib::MultipartFormDataItems small{{"file", std::string(1024, 'a'), "a.csv", "text/csv"}};
  auto r = c.Post("/rounds/1/ads", small);
  ASSERT_TRUE(r);
  EXPECT_NE(r->status, 413);  // reached the router, which sends strangers to the login page
  httplib::MultipartFormDataItems under{{"file", std::string(64 * 1024, 'a'), "a.csv", "text/csv"}};
  r = c.Post("/rounds/1/ads", under);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  c.set_default_headers({{"Cookie", "synlig_session=not-a-session"}});
  r = c.Post("/rounds/1/ads", under);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, UnknownPathAndMethodAre404) {
  StartServer();
  auto c = Client();
  auto r = c.Get("/nope");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  ExpectSecurityHeaders(r);
  auto del = c.Delete("/rounds/1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 404);
  ExpectSecurityHeaders(del);
}

TEST_F(ServerTest, ASecondServerOnTheSamePortIsUnavailable) {
  StartServer();
  ServerOptions o = options_;
  o.port = port_;
  Server other(ServerDeps{*db_, *keys_, clock_, random_}, o);
  auto port = other.Bind();
  ASSERT_FALSE(port);
  EXPECT_EQ(port.error().code(), ErrorCode::kUnavailable);
}

TEST_F(ServerTest, ManyRequestsOnOneKeptAliveConnection) {
  StartServer();
  auto c = Client();
  c.set_keep_alive(true);
  for (int i = 0; i < 20; ++i) {
    auto r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
}

}  // namespace
}  // namespace synlig::web::testing
