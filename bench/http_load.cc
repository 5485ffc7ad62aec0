// Load test of the web server on loopback: durable questionnaire submissions per second (and
// their latency), and the analyst dashboard's latency for a round with many person entries.
// The server runs in this process on 127.0.0.1 with port 0; every loop stops by itself.
//   build/release/bench/http_load --submissions 4000 --clients 8 --entries 10000
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/crypto.h"
#include "synlig/core/key_store.h"
#include "synlig/core/random.h"
#include "synlig/storage/database.h"
#include "synlig/survey/answers.h"
#include "synlig/web/accounts.h"
#include "synlig/web/server.h"

namespace {

using synlig::storage::Id;
using Clock = std::chrono::steady_clock;

struct Options {
  int submissions = 4000;
  int clients = 8;
  int entries = 10000;
  int dashboard_requests = 200;
  std::string synchronous = "full";
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "http_load: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T Must(synlig::Result<T> r, const char* what) {
  if (!r) Die(std::string(what) + ": " + r.error().ToString());
  return std::move(*r);
}
void Must(synlig::Status s, const char* what) {
  if (!s) Die(std::string(what) + ": " + s.error().ToString());
}

struct Percentiles {
  double p50, p99, max;
};
Percentiles Summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[static_cast<std::size_t>(q * (ms.size() - 1))]; };
  return {at(0.5), at(0.99), ms.back()};
}

std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    if (!body.empty()) body += '&';
    body += httplib::detail::encode_query_param(k) + "=" + httplib::detail::encode_query_param(v);
  }
  return body;
}

// One respondent's submission with two persons, one under 18.
std::string SubmitBody(const std::string& csrf, int i) {
  return FormBody({{"csrf", csrf},
                   {"met_anyone", "yes"},
                   {"entries", "2"},
                   {"e0.gender", "woman"},
                   {"e0.age_band", "18_24"},
                   {"e0.forms", "sells"},
                   {"e0.arenas", "internet_ads"},
                   {"e0.location", "in_municipality"},
                   {"e0.mk_year", std::to_string(2001 + i % 5)},
                   {"e0.mk_first", "A"},
                   {"e0.mk_last", "B"},
                   {"e1.gender", "man"},
                   {"e1.age_band", "15_17"},
                   {"e1.forms", "sexual_self_harm"},
                   {"e1.location", "unknown"},
                   {"action", "submit"}});
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    std::string v = argv[i + 1];
    if (a == "--submissions") opt.submissions = std::stoi(v);
    else if (a == "--clients") opt.clients = std::stoi(v);
    else if (a == "--entries") opt.entries = std::stoi(v);
    else if (a == "--dashboard-requests") opt.dashboard_requests = std::stoi(v);
    else if (a == "--synchronous") opt.synchronous = v;
    else Die("unknown option " + a);
  }
  Must(synlig::InitCrypto(), "crypto");
  auto dir = std::filesystem::temp_directory_path() /
             ("synlig-load-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  synlig::storage::OpenOptions oo;
  oo.sqlite_synchronous = opt.synchronous;
  auto db = Must(synlig::storage::Open("sqlite:" + (dir / "load.db").string(), oo), "open");
  synlig::SystemClock clock;
  synlig::SystemRandom random;
  synlig::MemoryKeyStore keys(random);
  const auto now = clock.NowUnix();

  // A municipality: units across sectors, an open round with one link per respondent.
  std::vector<Id> units;
  for (int u = 0; u < 12; ++u) {
    synlig::storage::Unit unit;
    unit.name = "Enhet " + std::to_string(u);
    unit.sector = synlig::kAllSectors[u % synlig::kAllSectors.size()];
    units.push_back(Must(db->units().Create(unit), "unit"));
  }
  auto period = Must(synlig::MakePeriod(*synlig::ParseDate("2025-01-01"),
                                        *synlig::ParseDate("2025-12-31")), "period");
  auto make_round = [&](const std::string& name) {
    synlig::storage::Round r;
    r.name = name;
    r.period = period;
    r.unit_ids = units;
    r.created_at = now;
    Id id = Must(db->rounds().Create(r), "round");
    Must(keys.EnsureRoundKey(id), "round key");
    Must(db->rounds().Transition(id, synlig::storage::RoundState::kDraft,
                                 synlig::storage::RoundState::kOpen, now), "open");
    return id;
  };
  Id load_round = make_round("Belastningstest");
  std::vector<std::string> tokens;
  for (int i = 0; i < opt.submissions; ++i) {
    tokens.push_back(synlig::NewToken(random, 32));
    Must(db->responses().CreateLink(load_round, units[i % units.size()],
                                    synlig::TokenHash(tokens.back()), "länk", now), "link");
  }

  // A second round filled with `entries` submitted entries, for the dashboard.
  Id dash_round = make_round("Översikt");
  {
    std::mt19937_64 rng(7);
    const char* genders[] = {"woman", "man", "other", "unknown"};
    const char* ages[] = {"15_17", "18_24", "25_34", "35_49", "unknown"};
    const char* forms[] = {"sells", "buys", "sexual_self_harm", "trafficking_possible"};
    int made = 0;
    for (int resp = 0; made < opt.entries; ++resp) {
      Id rid = Must(db->responses().CreateLink(dash_round, units[resp % units.size()],
                                               synlig::TokenHash(synlig::NewToken(random)),
                                               "länk", now), "link");
      std::vector<synlig::storage::PersonEntry> es;
      for (int e = 0; e < 5 && made < opt.entries; ++e, ++made) {
        synlig::storage::PersonEntry pe;
        pe.position = e;
        pe.answers.values["gender"] = {genders[rng() % 4]};
        pe.answers.values["age_band"] = {ages[rng() % 5]};
        pe.answers.values["forms"] = {forms[rng() % 4]};
        pe.answers.values["arenas"] = {"internet_ads"};
        pe.answers.values["location"] = {"in_municipality"};
        pe.match_hash = synlig::Sha256Hex(std::to_string(rng() % (opt.entries * 3 / 4 + 1)));
        pe.has_match_key = true;
        es.push_back(std::move(pe));
      }
      Must(db->responses().Submit(rid, synlig::survey::MetAnyone::kYes, es, now), "submit");
    }
  }

  synlig::web::Actor actor{std::nullopt, "bench", ""};
  const std::string password = "bench-password-123";
  Must(synlig::web::CreateUser(*db, clock,
                               {"analytiker", "Analytiker", "", synlig::Role::kAnalyst, {},
                                password},
                               synlig::MinimumPasswordCost(), actor), "user");

  synlig::web::ServerOptions so;
  so.port = 0;
  so.threads = opt.clients + 4;
  so.password_cost = synlig::MinimumPasswordCost();
  synlig::web::Server server({*db, keys, clock, random}, so);
  int port = Must(server.Bind(), "bind");
  std::thread serving([&] { server.Run(); });

  // 1. Submissions: each client submits its share, one request per respondent.
  // Connections are opened one after another before the clock starts: cpp-httplib 0.11
  // listens with a backlog of 5, so a burst of simultaneous connects would measure the
  // kernel's one-second SYN retransmit instead of the server (see docs/performance.md).
  std::vector<std::unique_ptr<httplib::Client>> conns;
  for (int c = 0; c < opt.clients; ++c) {
    conns.push_back(std::make_unique<httplib::Client>("127.0.0.1", port));
    conns.back()->set_keep_alive(true);
    conns.back()->set_tcp_nodelay(true);
    if (!conns.back()->Get("/healthz")) Die("cannot connect");
  }
  std::atomic<int> next{0};
  std::atomic<int> failures{0};
  std::vector<std::vector<double>> lat(opt.clients);
  const auto t0 = Clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < opt.clients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client& cli = *conns[c];
      for (int i = next++; i < opt.submissions; i = next++) {
        const std::string path = "/r/" + tokens[i];
        const std::string csrf =
            synlig::KeyedHash(keys.SessionKey(), "csrf|" + synlig::TokenHash(tokens[i]));
        const auto s = Clock::now();
        auto res = cli.Post(path.c_str(), SubmitBody(csrf, i),
                            "application/x-www-form-urlencoded");
        lat[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        if (!res || res->status != 200) {
          if (failures++ == 0) {
            std::fprintf(stderr, "first failure: %s\n",
                         res ? (std::to_string(res->status) + " " + res->body.substr(0, 3000)).c_str()
                             : httplib::to_string(res.error()).c_str());
          }
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<double> all;
  for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
  auto sp = Summarise(all);
  auto status = Must(db->responses().StatusByUnit(load_round), "status");
  int submitted = 0;
  for (const auto& s : status) submitted += s.submitted;
  std::printf("submissions: %d in %.2f s = %.0f/s, clients %d, synchronous=%s\n",
              opt.submissions, secs, opt.submissions / secs, opt.clients,
              opt.synchronous.c_str());
  std::printf("submission latency ms: p50 %.2f  p99 %.2f  max %.2f; failures %d; stored %d\n",
              sp.p50, sp.p99, sp.max, failures.load(), submitted);

  // 2. Dashboard of a round with `entries` entries, as a logged-in analyst.
  httplib::Client cli("127.0.0.1", port);
  cli.set_keep_alive(true);
  auto login_page = cli.Get("/login");
  if (!login_page) Die("GET /login failed");
  std::string cookie;
  for (auto [it, end] = login_page->headers.equal_range("Set-Cookie"); it != end; ++it) {
    cookie += it->second.substr(0, it->second.find(';')) + "; ";
  }
  auto pos = login_page->body.find("name=\"csrf\" value=\"");
  if (pos == std::string::npos) Die("no csrf on the login page");
  pos += 19;
  std::string login_csrf = login_page->body.substr(pos, login_page->body.find('"', pos) - pos);
  httplib::Headers h{{"Cookie", cookie}};
  auto login = cli.Post("/login", h,
                        FormBody({{"username", "analytiker"}, {"password", password},
                                  {"csrf", login_csrf}}),
                        "application/x-www-form-urlencoded");
  if (!login || login->status != 303) Die("login failed");
  std::string session;
  for (auto [it, end] = login->headers.equal_range("Set-Cookie"); it != end; ++it) {
    session += it->second.substr(0, it->second.find(';')) + "; ";
  }
  httplib::Headers sh{{"Cookie", session}};
  const std::string dash = "/rounds/" + std::to_string(dash_round);
  std::vector<double> dl;
  for (int i = 0; i < opt.dashboard_requests; ++i) {
    const auto s = Clock::now();
    auto res = cli.Get(dash.c_str(), sh);
    dl.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
    if (!res || res->status != 200) Die("dashboard request failed");
  }
  auto dp = Summarise(dl);
  std::printf("dashboard (%d entries): %d requests, latency ms p50 %.2f  p99 %.2f  max %.2f\n",
              opt.entries, opt.dashboard_requests, dp.p50, dp.p99, dp.max);

  server.Stop();
  serving.join();
  db.reset();
  std::filesystem::remove_all(dir);
  return failures.load() == 0 && submitted == opt.submissions ? 0 : 1;
}
