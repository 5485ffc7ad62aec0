// UserRepository on every backend: accounts, uniqueness, lock-out counting.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

User Anna() {
  User u;
  u.username = "anna.berg";
  u.display_name = "Anna Berg";
  u.email = "anna@example.org";
  u.role = Role::kCoordinator;
  u.password_hash = "$argon2id$v=19$x";
  u.created_at = kNow;
  return u;
}

TEST_P(UserRepositoryTest, CreatedUserIsFoundByIdAndUsernameWithEveryField) {
  User anna = Anna();
  anna.unit_id = MakeUnit("Socialtjänsten Centrum");
  auto id = db().users().Create(anna);
  ASSERT_TRUE(id) << id.error().ToString();

  auto by_id = db().users().Find(*id);
  ASSERT_TRUE(by_id) << by_id.error().ToString();
  EXPECT_EQ(by_id->id, *id);
  EXPECT_EQ(by_id->username, "anna.berg");
  EXPECT_EQ(by_id->display_name, "Anna Berg");
  EXPECT_EQ(by_id->email, "anna@example.org");
  EXPECT_EQ(by_id->role, Role::kCoordinator);
  EXPECT_EQ(by_id->unit_id, anna.unit_id);
  EXPECT_EQ(by_id->password_hash, "$argon2id$v=19$x");
  EXPECT_FALSE(by_id->disabled);
  EXPECT_EQ(by_id->failed_logins, 0);
  EXPECT_EQ(by_id->locked_until, 0);
  EXPECT_EQ(by_id->created_at, kNow);

  auto by_name = db().users().FindByUsername("anna.berg");
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->id, *id);
}

TEST_P(UserRepositoryTest, DuplicateUsernameIsAlreadyExistsAndCreatesNothing) {
  ASSERT_TRUE(db().users().Create(Anna()));
  auto again = db().users().Create(Anna());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().field(), "username");
  EXPECT_NE(again.error().message().find("anna.berg"), std::string::npos);
  EXPECT_EQ(db().users().Count().value_or(-1), 1);
}

TEST_P(UserRepositoryTest, RejectsUsernameOutsideTheAllowedCharacters) {
  for (const char* bad : {"Anna", "an", "anna berg", "anna@x", ""}) {
    User u = Anna();
    u.username = bad;
    auto id = db().users().Create(u);
    ASSERT_FALSE(id) << bad;
    EXPECT_EQ(id.error().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(id.error().field(), "username") << bad;
  }
  EXPECT_EQ(db().users().Count().value_or(-1), 0);
}

TEST_P(UserRepositoryTest, UnknownUnitOfCoordinatorIsInvalidArgumentAndCreatesNothing) {
  User u = Anna();
  u.unit_id = 4242;
  auto id = db().users().Create(u);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(id.error().field(), "unit_id");
  EXPECT_EQ(db().users().Count().value_or(-1), 0);
}

TEST_P(UserRepositoryTest, UnknownUserIsNotFound) {
  auto by_id = db().users().Find(99);
  ASSERT_FALSE(by_id);
  EXPECT_EQ(by_id.error().code(), ErrorCode::kNotFound);
  auto by_name = db().users().FindByUsername("nobody");
  ASSERT_FALSE(by_name);
  EXPECT_EQ(by_name.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().users().SetDisabled(99, true).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().users().SetPasswordHash(99, "h").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().users().ResetLoginFailures(99).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().users().RecordLoginFailure(99, kNow, 3, 60).error().code(), ErrorCode::kNotFound);
}

TEST_P(UserRepositoryTest, ListsUsersByUsernameAndCountsThem) {
  MakeUser("carl");
  MakeUser("anna");
  MakeUser("bo.ek");
  auto users = db().users().List();
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].username, "anna");
  EXPECT_EQ((*users)[1].username, "bo.ek");
  EXPECT_EQ((*users)[2].username, "carl");
  EXPECT_EQ(db().users().Count().value_or(-1), 3);
}

TEST_P(UserRepositoryTest, DisablingAndNewPasswordHashPersist) {
  Id id = MakeUser("anna");
  ASSERT_TRUE(db().users().SetDisabled(id, true));
  ASSERT_TRUE(db().users().SetPasswordHash(id, "$argon2id$new"));
  auto user = db().users().Find(id);
  ASSERT_TRUE(user);
  EXPECT_TRUE(user->disabled);
  EXPECT_EQ(user->password_hash, "$argon2id$new");
  ASSERT_TRUE(db().users().SetDisabled(id, false));
  EXPECT_FALSE(db().users().Find(id)->disabled);
  EXPECT_EQ(db().users().SetPasswordHash(id, "").error().field(), "password_hash");
}

TEST_P(UserRepositoryTest, LoginFailuresLockExactlyAtTheThreshold) {
  Id id = MakeUser("anna");
  for (int i = 1; i <= 2; ++i) {
    auto user = db().users().RecordLoginFailure(id, kNow + i, 3, 900);
    ASSERT_TRUE(user) << user.error().ToString();
    EXPECT_EQ(user->failed_logins, i);
    EXPECT_EQ(user->locked_until, 0) << "locked before the threshold";
  }
  auto locked = db().users().RecordLoginFailure(id, kNow + 3, 3, 900);
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->failed_logins, 3);
  EXPECT_EQ(locked->locked_until, kNow + 3 + 900);
  EXPECT_EQ(db().users().Find(id)->locked_until, kNow + 3 + 900);

  ASSERT_TRUE(db().users().ResetLoginFailures(id));
  auto reset = db().users().Find(id);
  EXPECT_EQ(reset->failed_logins, 0);
  EXPECT_EQ(reset->locked_until, 0);
}

TEST_P(UserRepositoryTest, LockOutRejectsThresholdBelowOne) {
  Id id = MakeUser("anna");
  auto r = db().users().RecordLoginFailure(id, kNow, 0, 900);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "threshold");
  EXPECT_EQ(db().users().Find(id)->failed_logins, 0);
}

}  // namespace
}  // namespace synlig::storage
