// The route table: matching, "undeclared -> deny", role decisions, and docs/routes.md kept
// exactly in step with the table.
#include "routes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace synlig::web {
namespace {

TEST(MatchRouteTest, MatchesLiteralAndPlaceholderSegments) {
  auto m = MatchRoute("GET", "/rounds/12");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->route->id, RouteId::kRoundDashboard);
  EXPECT_EQ(m->args, std::vector<std::string>{"12"});
  m = MatchRoute("POST", "/admin/users/7/password");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->route->id, RouteId::kAdminUserPassword);
  EXPECT_EQ(MatchRoute("GET", "/rounds/new")->route->id, RouteId::kRoundNew);
  EXPECT_EQ(MatchRoute("GET", "/")->route->id, RouteId::kHome);
  EXPECT_EQ(MatchRoute("GET", "/r/abc-_DEF")->args.at(0), "abc-_DEF");
}

TEST(MatchRouteTest, UndeclaredPathsAndMethodsAreNotMatched) {
  EXPECT_FALSE(MatchRoute("GET", "/rounds/abc"));  // {id} is digits only
  EXPECT_FALSE(MatchRoute("GET", "/rounds/12/"));  // no trailing slash
  EXPECT_FALSE(MatchRoute("GET", "/rounds/12/x"));
  EXPECT_FALSE(MatchRoute("DELETE", "/rounds/12"));
  EXPECT_FALSE(MatchRoute("PUT", "/login"));
  EXPECT_FALSE(MatchRoute("GET", "/admin"));
  EXPECT_FALSE(MatchRoute("GET", "/static/../etc/passwd"));
  EXPECT_FALSE(MatchRoute("GET", "/static/.hidden"));
  EXPECT_FALSE(MatchRoute("GET", "/r/"));
  EXPECT_FALSE(MatchRoute("GET", ""));
  EXPECT_FALSE(MatchRoute("POST", "/rounds/12"));  // GET-only route
}

TEST(MatchRouteTest, HeadMatchesGetRoutes) {
  auto m = MatchRoute("HEAD", "/healthz");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->route->id, RouteId::kHealthz);
}

TEST(DecideTest, AnonymousIsRedirectedOnPagesAndRefusedOnPosts) {
  const Route& dash = *MatchRoute("GET", "/rounds/1")->route;
  const Route& open = *MatchRoute("POST", "/rounds/1/open")->route;
  EXPECT_EQ(Decide(dash, "GET", std::nullopt), Decision::kRedirectToLogin);
  EXPECT_EQ(Decide(open, "POST", std::nullopt), Decision::kUnauthenticated);
}

TEST(DecideTest, LoggedInWithoutTheRoleIsForbidden) {
  const Route& dash = *MatchRoute("GET", "/rounds/1")->route;
  EXPECT_EQ(Decide(dash, "GET", Role::kAnalyst), Decision::kAllow);
  for (const Role role : kAllRoles) {
    if (role == Role::kAnalyst) continue;
    EXPECT_EQ(Decide(dash, "GET", role), Decision::kForbidden) << RoleCode(role);
  }
  const Route& audit = *MatchRoute("GET", "/admin/audit")->route;
  EXPECT_EQ(Decide(audit, "GET", Role::kAnalyst), Decision::kForbidden);
  EXPECT_EQ(Decide(audit, "GET", Role::kAdmin), Decision::kAllow);
}

TEST(DecideTest, AnonymousAndRespondentRoutesAdmitEveryone) {
  const Route& form = *MatchRoute("GET", "/r/x")->route;
  EXPECT_EQ(Decide(form, "GET", std::nullopt), Decision::kAllow);
  EXPECT_EQ(Decide(form, "GET", Role::kReader), Decision::kAllow);
  EXPECT_EQ(Decide(*MatchRoute("POST", "/login")->route, "POST", std::nullopt), Decision::kAllow);
}

TEST(RouteTableTest, AdminRoutesAdmitOnlyAdminAndNoRouteAdmitsNobody) {
  for (const Route& route : RouteTable()) {
    if (route.access == Access::kRoles) {
      EXPECT_NE(route.roles, 0u) << route.pattern;
    }
    if (route.pattern.starts_with("/admin")) {
      EXPECT_EQ(route.roles, RoleBit(Role::kAdmin)) << route.pattern;
    }
    // The only anonymous state change is logging in (protected by the login-form CSRF).
    if (route.method == "POST" && route.access == Access::kAnonymous) {
      EXPECT_EQ(route.id, RouteId::kLogin) << route.pattern;
    }
  }
}

TEST(RouteTableTest, PatternsAreUniquePerMethod) {
  std::set<std::string> seen;
  for (const Route& route : RouteTable()) {
    EXPECT_TRUE(seen.insert(std::string(route.method) + " " + std::string(route.pattern)).second)
        << route.pattern;
  }
}

// docs/routes.md is what the integration tests build their route x role matrix from.
TEST(RouteTableTest, DocsRoutesMdListsExactlyTheTable) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/docs/routes.md");
  ASSERT_TRUE(in) << "docs/routes.md is missing";
  std::set<std::string> documented;
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("| GET ") || line.starts_with("| POST ")) {
      // "| METHOD | `pattern` | access | what |" -> "METHOD `pattern` access"
      std::stringstream cells(line);
      std::string cell;
      std::vector<std::string> parts;
      while (std::getline(cells, cell, '|')) {
        while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
        while (!cell.empty() && cell.back() == ' ') cell.pop_back();
        parts.push_back(cell);
      }
      ASSERT_GE(parts.size(), 4u) << line;
      documented.insert(parts[1] + " " + parts[2] + " " + parts[3]);
    }
  }
  std::set<std::string> expected;
  for (const Route& route : RouteTable()) {
    expected.insert(std::string(route.method) + " `" + std::string(route.pattern) + "` " +
                    AccessText(route));
  }
  EXPECT_EQ(documented, expected);
}

}  // namespace
}  // namespace synlig::web
