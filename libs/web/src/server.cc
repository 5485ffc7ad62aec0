// web::Server over cpp-httplib: tuned with the runtime setters (Debian's build ignores -D
// macros), every request adapted to App::Handle, security headers on every response.
#include "synlig/web/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <exception>

#include "app.h"
#include "log.h"
#include "multipart.h"

namespace synlig::web {
namespace {

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

// The path as it may be logged: a respondent token never reaches the log.
std::string LoggablePath(const std::string& path) {
  if (path.starts_with("/r/")) return "/r/<redacted>";
  return path.substr(0, 200);
}

HttpRequest Adapt(const httplib::Request& req, std::string body, std::string content_type) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  if (const std::size_t q = req.target.find('?'); q != std::string::npos) {
    r.query = req.target.substr(q + 1);
  }
  r.body = std::move(body);
  r.content_type = content_type.empty() ? req.get_header_value("Content-Type")
                                       : std::move(content_type);
  r.cookie_header = req.get_header_value("Cookie");
  r.csrf_header = req.get_header_value("X-CSRF-Token");
  r.host = req.get_header_value("Host");
  r.remote_addr = req.remote_addr;
  return r;
}

// Reads the body into `body`, keeping at most max bytes: past that the rest is read and
// dropped, so the answer goes out on a connection still in step. False when there is no body
// to serve, with status set: 413 past max, else httplib's status or 400. cpp-httplib always
// splits a multipart body into its parts itself; they are put back together (multipart.h)
// and `content_type` gets the new boundary.
bool ReadBody(const httplib::Request& req, const httplib::ContentReader& reader, std::size_t max,
              std::string& body, std::string& content_type, int& status) {
  bool too_large = false;
  std::size_t total = 0;
  auto fits = [&too_large, &total, max](std::size_t n) {
    if (too_large || n > max - total) {
      too_large = true;
      return false;
    }
    total += n;
    return true;
  };
  bool read = false;
  if (req.is_multipart_form_data()) {
    std::vector<MultipartPart> parts;
    read = reader(
        [&parts](const httplib::MultipartFormData& header) {
          parts.push_back({header.name, header.filename, header.content_type, {}});
          return true;
        },
        [&](const char* data, std::size_t n) {
          if (fits(n) && !parts.empty()) parts.back().data.append(data, n);
          if (too_large) parts.clear();
          return true;
        });
    if (read && !too_large) body = FormatMultipart(parts, content_type);
  } else {
    read = reader([&](const char* data, std::size_t n) {
      if (fits(n)) {
        body.append(data, n);
      } else {
        body.clear();
      }
      return true;
    });
  }
  if (too_large) status = 413;
  if (!read && status < 400) status = 400;
  return read && !too_large;
}

void SetSecurityHeaders(httplib::Response& res, bool cacheable) {
  res.set_header("Content-Security-Policy", std::string(kCsp));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cache-Control", cacheable ? "public, max-age=3600" : "no-store");
}

}  // namespace

struct Server::Impl {
  ServerDeps deps;
  ServerOptions options;
  std::unique_ptr<App> app;
  httplib::Server http;
  int port = 0;

  Impl(ServerDeps d, ServerOptions o) : deps(d), options(std::move(o)) {}

  void Serve(const httplib::Request& req, httplib::Response& res, std::string body,
             std::string content_type = {}) {
    const auto start = std::chrono::steady_clock::now();
    HttpResponse out = app->Handle(Adapt(req, std::move(body), std::move(content_type)));
    res.status = out.status;
    for (auto& [name, value] : out.headers) {
      if (name == "Location") {
        res.set_header("Location", value);
      } else {
        res.headers.emplace(name, std::move(value));
      }
    }
    SetSecurityHeaders(res, out.cacheable);
    res.set_content(std::move(out.body), out.content_type);
    if (options.access_log) {
      const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
      LogLine("info", "request",
              {{"method", req.method},
               {"path", LoggablePath(req.path)},
               {"status", std::to_string(res.status)},
               {"us", std::to_string(us)}});
    }
  }

  // Answers httplib's own errors (413, 400, unknown method) with a page and the headers.
  httplib::Server::HandlerResponse OnError(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const int status = res.status;
    HttpResponse out = app->ErrorPage(status, req.get_header_value("Cookie"));
    SetSecurityHeaders(res, false);
    res.set_content(std::move(out.body), out.content_type);
    if (status >= 500) LogLine("error", "http error", {{"status", std::to_string(status)}});
    return httplib::Server::HandlerResponse::Handled;
  }
};

Server::Server(ServerDeps deps, ServerOptions options)
    : impl_(std::make_unique<Impl>(deps, std::move(options))) {}

Server::~Server() = default;

Result<int> Server::Bind() {
  auto app = App::Create(impl_->deps, impl_->options);
  if (!app) {
    LogLine("error", "start-up failed", {{"error", app.error().message()}});
    return Unexpected(app.error());
  }
  impl_->app = *std::move(app);
  httplib::Server& http = impl_->http;
  const ServerOptions& o = impl_->options;
  const int threads = o.threads < 1 ? 1 : o.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server share the port
  // silently; keep only SO_REUSEADDR so a taken address fails Bind().
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  http.set_payload_max_length(std::max(o.max_body_bytes, o.max_upload_bytes));
  Impl* impl = impl_.get();
  http.Get(".*", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Serve(req, res, req.body);
  });
  // Request bodies are read here, not by httplib: its own reading answers 413 to every
  // url-encoded form over 8 KiB (a questionnaire with many persons is larger) and keeps a
  // chunked body of any size in memory. PUT, PATCH and DELETE have no route (404) but are
  // read the same way.
  auto with_body = [impl](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& reader) {
    std::string body;
    std::string content_type;
    // A file upload may be as large as max_upload_bytes only from a signed-in user (every
    // upload route needs one); from anyone else the form limit holds, so what strangers can
    // make the server hold in memory stays small.
    const bool upload = req.is_multipart_form_data() &&
                        impl->app->HasSignedInUser(req.get_header_value("Cookie"));
    const std::size_t max = upload ? impl->options.max_upload_bytes
                                   : impl->options.max_body_bytes;
    if (!ReadBody(req, reader, max, body, content_type, res.status)) {
      return;  // the error handler writes the page
    }
    impl->Serve(req, res, std::move(body), std::move(content_type));
  };
  http.Post(".*", with_body);
  http.Put(".*", with_body);
  http.Patch(".*", with_body);
  http.Delete(".*", with_body);
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [impl](const httplib::Request& req, httplib::Response& res) {
        return impl->OnError(req, res);
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        LogLine("error", "handler threw", {{"error", what}});
        res.status = 500;
        SetSecurityHeaders(res, false);
        res.set_content("500\n", "text/plain; charset=utf-8");
      });

  int port = 0;
  if (o.port == 0) {
    port = http.bind_to_any_port(o.bind);
    if (port <= 0) port = -1;
  } else {
    port = http.bind_to_port(o.bind, o.port) ? o.port : -1;
  }
  if (port < 0) {
    LogLine("error", "bind failed", {{"bind", o.bind}, {"port", std::to_string(o.port)}});
    return Fail(ErrorCode::kUnavailable, "cannot bind " + o.bind + ":" + std::to_string(o.port),
                "bind");
  }
  impl_->port = port;
  LogLine("info", "listening",
          {{"bind", o.bind},
           {"port", std::to_string(port)},
           {"threads", std::to_string(threads)},
           {"max_body_bytes", std::to_string(o.max_body_bytes)},
           {"max_upload_bytes", std::to_string(o.max_upload_bytes)},
           {"secure_cookies", o.secure_cookies ? "true" : "false"}});
  return port;
}

void Server::Run() {
  if (!impl_->app) return;
  impl_->http.listen_after_bind();
  LogLine("info", "stopped", {{"port", std::to_string(impl_->port)}});
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace synlig::web
