// The HTTP server of Synlig: pages, the respondent form and the JSON API, over cpp-httplib.
//   web::Server server({db, keys, clock, random}, options);
//   auto port = server.Bind();       // port 0 picks a free port
//   server.Run();                    // blocks until Stop()
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "synlig/core/clock.h"
#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/core/key_store.h"
#include "synlig/core/random.h"
#include "synlig/mail/sender.h"
#include "synlig/storage/database.h"

namespace synlig::web {

class ReportExporter;  // synlig/web/report_publish.h

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                       // 0 = any free port
  int threads = 16;                      // worker threads (one per open connection)
  std::size_t max_body_bytes = 256 * 1024;  // larger request bodies get 413
  // multipart/form-data bodies (the file uploads: ad files, training imports) get 413 past this
  std::size_t max_upload_bytes = 64 * 1024 * 1024;
  bool secure_cookies = false;           // set when served over TLS (behind a proxy)
  std::int64_t session_ttl_seconds = 8 * 3600;
  // k of the follow-up pages shown to readers and the default k of a new round (2..50)
  int min_cell_k = 5;
  int lockout_threshold = 5;             // consecutive failed logins before lock-out
  std::int64_t lockout_seconds = 15 * 60;
  PasswordCost password_cost = InteractivePasswordCost();
  bool access_log = false;               // one structured line per request on stdout
};

struct ServerDeps {
  storage::Database& db;
  KeyStore& keys;
  const Clock& clock;
  Random& random;
  // Renders the files stored when a council report is published (report_publish.h);
  // nullptr = the web app's own HTML and CSV.
  ReportExporter* report_exporter = nullptr;
  mail::Sender* mail = nullptr;  // reminder e-mails; nullptr = mail is not configured
};

class Server {
 public:
  Server(ServerDeps deps, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; returns the port actually bound. kUnavailable when the address is taken.
  Result<int> Bind();
  // Serves until Stop() is called (from another thread or a signal handler thread).
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace synlig::web
