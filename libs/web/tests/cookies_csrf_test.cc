// Cookie attributes and CSRF token checks.
#include <gtest/gtest.h>

#include "cookies.h"
#include "csrf.h"
#include "synlig/core/random.h"

namespace synlig::web {
namespace {

TEST(CookieTest, FindsCookieAmongOthers) {
  EXPECT_EQ(FindCookie("a=1; synlig_session=abc ; b=\"q\"", "synlig_session"), "abc");
  EXPECT_EQ(FindCookie("a=1; b=\"q\"", "b"), "q");
  EXPECT_FALSE(FindCookie("synlig_sessionx=1", "synlig_session").has_value());
  EXPECT_FALSE(FindCookie("", "a").has_value());
}

TEST(CookieTest, SecureSessionCookieHasHostPrefixAndAllAttributes) {
  const CookieNames names = MakeCookieNames(true);
  EXPECT_EQ(names.session, "__Host-synlig_session");
  CookieAttributes a;
  a.secure = true;
  a.max_age = 3600;
  const std::string v = SetCookieValue(names.session, "tok", a);
  EXPECT_EQ(v,
            "__Host-synlig_session=tok; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
  EXPECT_EQ(v.find("Domain"), std::string::npos);
}

TEST(CookieTest, PlainHttpSessionCookieIsNotSecureButStillStrictAndHttpOnly) {
  const CookieNames names = MakeCookieNames(false);
  EXPECT_EQ(names.session, "synlig_session");
  const std::string v = SetCookieValue(names.session, "tok", CookieAttributes{});
  EXPECT_EQ(v, "synlig_session=tok; Path=/; HttpOnly; SameSite=Strict");
}

TEST(CookieTest, DeletionSetsMaxAgeZero) {
  CookieAttributes a;
  a.max_age = 0;
  EXPECT_NE(SetCookieValue("x", "", a).find("Max-Age=0"), std::string::npos);
}

TEST(CsrfTest, RejectsMissingAndWrongTokens) {
  EXPECT_TRUE(CsrfMatches("abc123", "abc123"));
  EXPECT_FALSE(CsrfMatches("abc123", ""));
  EXPECT_FALSE(CsrfMatches("", ""));
  EXPECT_FALSE(CsrfMatches("abc123", "abc124"));
  EXPECT_FALSE(CsrfMatches("abc123", "abc1234"));
}

TEST(CsrfTest, RespondentTokenIsBoundToTheLinkAndTheKey) {
  ASSERT_TRUE(InitCrypto());
  SeededRandom random(7);
  const SecretKey key = SecretKey::Generate(random);
  const SecretKey other = SecretKey::Generate(random);
  const std::string a = RespondentCsrf(key, "hash-a");
  EXPECT_EQ(a, RespondentCsrf(key, "hash-a"));
  EXPECT_NE(a, RespondentCsrf(key, "hash-b"));
  EXPECT_NE(a, RespondentCsrf(other, "hash-a"));
  EXPECT_NE(a, LoginCsrf(key, "hash-a"));
  EXPECT_EQ(a.size(), 64u);
}

}  // namespace
}  // namespace synlig::web
