#include "synlig/core/crypto.h"

#include <gtest/gtest.h>

#include <set>

namespace synlig {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto().has_value()); }
};

TEST_F(CryptoTest, Sha256MatchesKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(CryptoTest, KeyedHashDependsOnKeyAndMessage) {
  SeededRandom rng(1);
  auto k1 = SecretKey::Generate(rng);
  auto k2 = SecretKey::Generate(rng);
  std::string h = KeyedHash(k1, "f|1999|A|B");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, KeyedHash(k1, "f|1999|A|B"));
  EXPECT_NE(h, KeyedHash(k2, "f|1999|A|B"));
  EXPECT_NE(h, KeyedHash(k1, "f|1999|A|C"));
}

TEST_F(CryptoTest, SecretKeyHexRoundTripAndRejectsBadHex) {
  SeededRandom rng(2);
  auto k = SecretKey::Generate(rng);
  auto back = SecretKey::FromHex(k.ToHex());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->bytes(), k.bytes());
  EXPECT_EQ(SecretKey::FromHex("abc").error().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(SecretKey::FromHex(std::string(64, 'z')).has_value());
}

TEST_F(CryptoTest, TokensAreLongAndDistinct) {
  SystemRandom rng;
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = NewToken(rng, 16);
    EXPECT_GE(t.size(), 22u);  // 128 bits in base64url
    EXPECT_EQ(t.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST_F(CryptoTest, PasswordHashVerifiesOnlyTheRightPassword) {
  auto h = HashPassword("correct horse battery", MinimumPasswordCost());
  ASSERT_TRUE(h.has_value());
  EXPECT_TRUE(h->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterx"));
  EXPECT_FALSE(VerifyPassword("garbage", "correct horse battery"));
}

TEST_F(CryptoTest, RejectsShortPassword) {
  auto h = HashPassword("short", MinimumPasswordCost());
  ASSERT_FALSE(h.has_value());
  EXPECT_EQ(h.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(h.error().field(), "password");
}

}  // namespace
}  // namespace synlig
