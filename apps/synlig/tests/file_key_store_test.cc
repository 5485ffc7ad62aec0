// Tests of the key file: creation with mode 0600, refusal of loose permissions, atomic rewrite,
// durable destruction of round keys, and sharing between two stores (two processes).
#include "file_key_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace synlig::app {
namespace {

class FileKeyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("synlig-keys-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "synlig.db.keys").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string ReadFile() {
    std::ifstream in(path_);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  mode_t Mode() {
    struct stat st {};
    EXPECT_EQ(::stat(path_.c_str(), &st), 0);
    return st.st_mode & 07777;
  }
  ino_t Inode() {
    struct stat st {};
    EXPECT_EQ(::stat(path_.c_str(), &st), 0);
    return st.st_ino;
  }
  std::filesystem::path dir_;
  std::string path_;
  SeededRandom random_{42};
};

TEST_F(FileKeyStoreTest, CreatesFileWithOwnerOnlyMode) {
  ::umask(022);
  auto store = FileKeyStore::Open(path_, random_, true);
  ASSERT_TRUE(store.has_value()) << store.error().message();
  EXPECT_EQ(Mode(), 0600u);
  EXPECT_NE(ReadFile().find((*store)->SessionKey().ToHex()), std::string::npos);
}

TEST_F(FileKeyStoreTest, MissingFileIsNotFoundWithoutCreate) {
  auto store = FileKeyStore::Open(path_, random_, false);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(FileKeyStoreTest, RefusesGroupOrWorldReadableFile) {
  ASSERT_TRUE(FileKeyStore::Open(path_, random_, true).has_value());
  for (mode_t mode : {0640, 0604, 0660, 0620}) {
    ASSERT_EQ(::chmod(path_.c_str(), mode), 0);
    auto store = FileKeyStore::Open(path_, random_, false);
    ASSERT_FALSE(store.has_value()) << "mode " << mode;
    EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(store.error().message().find("chmod 600"), std::string::npos);
  }
  ASSERT_EQ(::chmod(path_.c_str(), 0400), 0);
  EXPECT_TRUE(FileKeyStore::Open(path_, random_, false).has_value());
}

TEST_F(FileKeyStoreTest, RejectsMalformedFile) {
  for (const char* text :
       {"not json", "{}", R"({"format":"synlig-keys","version":2,"session_key":"00"})",
        R"({"format":"synlig-keys","version":1,"session_key":"zz"})",
        R"({"format":"synlig-keys","version":1,"session_key":"0000000000000000000000000000000000000000000000000000000000000000","round_keys":{"x":"00"}})"}) {
    std::filesystem::remove(path_);
    ASSERT_TRUE(WriteFileAtomically(path_, text, 0600).has_value());
    auto store = FileKeyStore::Open(path_, random_, false);
    ASSERT_FALSE(store.has_value()) << text;
    EXPECT_EQ(store.error().code(), ErrorCode::kInvalidArgument) << text;
    EXPECT_NE(store.error().message().find(path_), std::string::npos);
  }
}

TEST_F(FileKeyStoreTest, RoundKeysPersistAcrossReopen) {
  std::string session_hex, round_hex;
  {
    auto store = FileKeyStore::Open(path_, random_, true);
    ASSERT_TRUE(store.has_value());
    session_hex = (*store)->SessionKey().ToHex();
    auto key = (*store)->EnsureRoundKey(7);
    ASSERT_TRUE(key.has_value());
    round_hex = key->ToHex();
    EXPECT_EQ((*store)->EnsureRoundKey(7)->ToHex(), round_hex);  // idempotent
  }
  auto again = FileKeyStore::Open(path_, random_, false);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ((*again)->SessionKey().ToHex(), session_hex);
  auto key = (*again)->RoundKey(7);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->ToHex(), round_hex);
  EXPECT_EQ(Mode(), 0600u);
}

TEST_F(FileKeyStoreTest, RewriteIsAtomicRenameLeavingNoTemporaryFile) {
  auto store = FileKeyStore::Open(path_, random_, true);
  ASSERT_TRUE(store.has_value());
  ino_t before = Inode();
  ASSERT_TRUE((*store)->EnsureRoundKey(1).has_value());
  EXPECT_NE(Inode(), before);  // a new file was renamed over the old one
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ(Mode(), 0600u);
}

TEST_F(FileKeyStoreTest, DestroyRemovesKeyFromFileDurably) {
  auto store = FileKeyStore::Open(path_, random_, true);
  ASSERT_TRUE(store.has_value());
  std::string k1 = (*store)->EnsureRoundKey(1)->ToHex();
  std::string k2 = (*store)->EnsureRoundKey(2)->ToHex();
  ASSERT_TRUE((*store)->DestroyRoundKey(1).has_value());
  EXPECT_EQ(ReadFile().find(k1), std::string::npos);
  EXPECT_NE(ReadFile().find(k2), std::string::npos);
  auto gone = (*store)->RoundKey(1);
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code(), ErrorCode::kNotFound);
  EXPECT_TRUE((*store)->DestroyRoundKey(1).has_value());  // idempotent
  auto reopened = FileKeyStore::Open(path_, random_, false);
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ((*reopened)->RoundKey(1).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ((*reopened)->RoundKey(2)->ToHex(), k2);
}

TEST_F(FileKeyStoreTest, TwoStoresOnOneFileSeeEachOthersKeys) {
  SeededRandom other_random(7);
  auto a = FileKeyStore::Open(path_, random_, true);
  auto b = FileKeyStore::Open(path_, other_random, false);
  ASSERT_TRUE(a.has_value() && b.has_value());
  std::string ka = (*a)->EnsureRoundKey(1)->ToHex();
  std::string kb = (*b)->EnsureRoundKey(2)->ToHex();
  EXPECT_EQ((*b)->EnsureRoundKey(1)->ToHex(), ka);  // b saw a's key, made no new one
  EXPECT_EQ((*a)->RoundKey(2)->ToHex(), kb);
  ASSERT_TRUE((*b)->DestroyRoundKey(1).has_value());
  EXPECT_EQ((*a)->RoundKey(1).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ((*a)->RoundKey(2)->ToHex(), kb);
}

TEST_F(FileKeyStoreTest, SerializeRoundTrips) {
  SecretKey s = SecretKey::Generate(random_);
  std::map<std::int64_t, SecretKey> rounds{{3, SecretKey::Generate(random_)}};
  ASSERT_TRUE(WriteFileAtomically(path_, FileKeyStore::Serialize(s, rounds), 0600).has_value());
  auto store = FileKeyStore::Open(path_, random_, false);
  ASSERT_TRUE(store.has_value()) << store.error().message();
  EXPECT_EQ((*store)->SessionKey().ToHex(), s.ToHex());
  EXPECT_EQ((*store)->RoundKey(3)->ToHex(), rounds.at(3).ToHex());
}

TEST_F(FileKeyStoreTest, WriteIntoMissingDirectoryIsUnavailable) {
  auto ok = WriteFileAtomically((dir_ / "nope" / "k").string(), "x", 0600);
  ASSERT_FALSE(ok.has_value());
  EXPECT_EQ(ok.error().code(), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace synlig::app
