// SessionRepository on every backend: expiry, uniqueness, deletion.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

Session MakeSession(Id user, const std::string& hash, std::int64_t expires_at) {
  Session s;
  s.id_hash = hash;
  s.user_id = user;
  s.csrf_token = "csrf-" + hash;
  s.created_at = kNow;
  s.expires_at = expires_at;
  return s;
}

TEST_P(SessionRepositoryTest, SessionIsFoundUntilItExpires) {
  Id user = MakeUser("anna");
  ASSERT_TRUE(db().sessions().Create(MakeSession(user, "h1", kNow + 3600)));
  auto found = db().sessions().Find("h1", kNow + 3599);
  ASSERT_TRUE(found) << found.error().ToString();
  EXPECT_EQ(found->user_id, user);
  EXPECT_EQ(found->csrf_token, "csrf-h1");
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(found->expires_at, kNow + 3600);

  auto expired = db().sessions().Find("h1", kNow + 3600);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().sessions().Find("other", kNow).error().code(), ErrorCode::kNotFound);
}

TEST_P(SessionRepositoryTest, DuplicateIdIsAlreadyExistsAndUnknownUserInvalid) {
  Id user = MakeUser("anna");
  ASSERT_TRUE(db().sessions().Create(MakeSession(user, "h1", kNow + 60)));
  auto again = db().sessions().Create(MakeSession(user, "h1", kNow + 120));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(db().sessions().Find("h1", kNow)->expires_at, kNow + 60);

  auto orphan = db().sessions().Create(MakeSession(user + 100, "h2", kNow + 60));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(orphan.error().field(), "user_id");
}

TEST_P(SessionRepositoryTest, DeletesOneAllOfAUserAndTheExpired) {
  Id anna = MakeUser("anna");
  Id bo = MakeUser("bo.ek");
  ASSERT_TRUE(db().sessions().Create(MakeSession(anna, "a1", kNow + 10)));
  ASSERT_TRUE(db().sessions().Create(MakeSession(anna, "a2", kNow + 1000)));
  ASSERT_TRUE(db().sessions().Create(MakeSession(bo, "b1", kNow + 10)));
  ASSERT_TRUE(db().sessions().Create(MakeSession(bo, "b2", kNow + 1000)));

  ASSERT_TRUE(db().sessions().Delete("a1"));
  EXPECT_FALSE(db().sessions().Find("a1", kNow));
  EXPECT_TRUE(db().sessions().Delete("a1")) << "deleting an absent session is not an error";

  ASSERT_TRUE(db().sessions().DeleteExpired(kNow + 10));
  EXPECT_FALSE(db().sessions().Find("b1", kNow));
  EXPECT_TRUE(db().sessions().Find("b2", kNow));

  ASSERT_TRUE(db().sessions().DeleteForUser(anna));
  EXPECT_FALSE(db().sessions().Find("a2", kNow));
  EXPECT_TRUE(db().sessions().Find("b2", kNow));
}

}  // namespace
}  // namespace synlig::storage
