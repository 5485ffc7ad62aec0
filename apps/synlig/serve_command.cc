// `synlig serve`: opens the store (applying migrations) and the key file, binds, prints
// "listening on http://ADDR:PORT" and serves until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <memory>
#include <ostream>
#include <thread>

#include "cli.h"
#include "log.h"
#include "report_exporter.h"
#include "synlig/web/server.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig serve --db PATH [--port N] [--bind ADDR] [--config FILE] [--key-file FILE]

Runs the web server. Applies pending database migrations at start. Port 0 picks a free
port; the line "listening on http://ADDR:PORT" on stdout tells which. Stops cleanly on
SIGINT or SIGTERM. Logs one line per event on stdout.

Options:
  --db PATH        database: a SQLite file path, sqlite:PATH or postgresql://...
  --port N         port to listen on (default 8080; 0 = any free port)
  --bind ADDR      address to bind (default 127.0.0.1)
  --config FILE    TOML configuration file (or SYNLIG_CONFIG)
  --key-file FILE  key file (default <db path>.keys)
  --access-log     log one line per HTTP request
)HELP";

constexpr FlagSpec kFlags[] = {{"db", true},   {"config", true}, {"key-file", true},
                               {"port", true}, {"bind", true},   {"access-log", false}};

std::string UrlHost(const std::string& bind) {
  if (bind.find(':') != std::string::npos) return "[" + bind + "]";
  return bind;
}

// Waits for SIGINT/SIGTERM on its own thread (the signals are blocked in every other
// thread) and stops the server; SIGUSR1 only wakes it when the server ended on its own.
class SignalStopper {
 public:
  SignalStopper() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~SignalStopper() {
    if (thread_.joinable()) {
      pthread_kill(thread_.native_handle(), SIGUSR1);
      thread_.join();
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

  template <typename OnSignal>
  void Start(OnSignal on_signal) {
    thread_ = std::thread([this, on_signal] {
      int sig = 0;
      while (sigwait(&set_, &sig) == 0) {
        if (sig == SIGUSR1) return;
        on_signal(sig);
        return;
      }
    });
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
  std::thread thread_;
};

}  // namespace

int RunServe(std::span<const std::string> raw, CliContext& ctx) {
  auto args = ParseArgs(raw, kFlags);
  if (!args) return UsageError(ctx, "serve", args.error());
  if (args->Has("help")) {
    ctx.out << kHelp;
    return kExitOk;
  }
  auto config = ConfigFromArgs(*args, ctx);
  if (!config) {
    if (config.error().code() == ErrorCode::kInvalidArgument &&
        (config.error().field() == "db" || config.error().field() == "port")) {
      return UsageError(ctx, "serve", config.error());
    }
    return RuntimeError(ctx, "serve", config.error());
  }
  Logger log(ctx.out, ctx.clock);
  auto db = OpenDatabase(*config, /*migrate=*/true);
  if (!db) return RuntimeError(ctx, "serve", db.error());
  auto version = (*db)->SchemaVersion();
  // A missing key file is created only for a database without rounds: a database with rounds
  // whose key file is lost needs the backup, not new keys that match nothing.
  bool fresh = false;
  if (auto rounds = (*db)->rounds().List(); rounds && rounds->empty()) fresh = true;
  auto keys = OpenKeyStore(*config, ctx.random, fresh);
  if (!keys) return RuntimeError(ctx, "serve", keys.error());
  if (auto ok = CheckKeysBelongToDatabase(**keys, **db); !ok) {
    return RuntimeError(ctx, "serve", ok.error());
  }
  log.Info("database_opened", {{"url_kind", SqlitePath(config->database.url) ? "sqlite"
                                                                              : "postgresql"},
                               {"schema_version", version ? std::to_string(*version) : "?"}});

  web::ServerOptions options;
  options.bind = config->server.bind;
  options.port = config->server.port;
  options.threads = config->server.threads;
  options.max_body_bytes = config->server.max_body_bytes;
  options.max_upload_bytes = config->server.max_upload_bytes;
  options.secure_cookies = config->server.secure_cookies;
  options.session_ttl_seconds = config->server.session_ttl_seconds;
  options.lockout_threshold = config->security.lockout_threshold;
  options.min_cell_k = config->disclosure.min_cell_k;
  options.lockout_seconds = config->security.lockout_seconds;
  options.password_cost = ctx.password_cost;
  options.access_log = args->Has("access-log");

  // Reminder e-mails of the training register: configured by [smtp] (docs/training.md).
  std::unique_ptr<mail::Sender> mailer;
  if (!config->smtp.host.empty()) {
    auto security = mail::ParseSecurity(config->smtp.security);
    if (!security) return RuntimeError(ctx, "serve", security.error());
    mail::SmtpOptions smtp;
    smtp.host = config->smtp.host;
    smtp.port = config->smtp.port;
    smtp.security = *security;
    smtp.username = config->smtp.username;
    smtp.password = config->smtp.password;
    smtp.from = config->smtp.from;
    smtp.from_name = config->smtp.from_name;
    smtp.timeout_seconds = config->smtp.timeout_seconds;
    auto sender = mail::MakeSmtpSender(smtp, ctx.clock);
    if (!sender) return RuntimeError(ctx, "serve", sender.error());
    mailer = *std::move(sender);
    log.Info("mail_configured", {{"host", smtp.host},
                                 {"port", std::to_string(smtp.port)},
                                 {"security", std::string(mail::SecurityCode(smtp.security))}});
  }

  SignalStopper stopper;  // before the server's threads exist, so they inherit the mask
  CouncilReportExporter exporter(ctx.clock);  // published reports: HTML, PDF, DOCX, XLSX, CSV
  web::ServerDeps deps{**db, **keys, ctx.clock, ctx.random, &exporter};
  deps.mail = mailer.get();
  web::Server server(deps, options);
  auto port = server.Bind();
  if (!port) {
    log.Error("bind_failed", {{"bind", options.bind}, {"error", port.error().message()}});
    return RuntimeError(ctx, "serve", port.error());
  }
  ctx.out << "listening on http://" << UrlHost(options.bind) << ":" << *port << std::endl;
  log.Info("server_started", {{"bind", options.bind},
                              {"port", std::to_string(*port)},
                              {"threads", std::to_string(options.threads)},
                              {"key_file", (*keys)->path()}});
  stopper.Start([&server, &log](int sig) {
    log.Info("shutdown_requested", {{"signal", sig == SIGINT ? "SIGINT" : "SIGTERM"}});
    server.Stop();
  });
  server.Run();
  log.Info("server_stopped");
  return kExitOk;
}

}  // namespace synlig::app
