// Encoding detection: UTF-8 with and without BOM, Windows-1252, UTF-16, and what is not text.
#include "synlig/training/text_encoding.h"

#include <gtest/gtest.h>

namespace synlig::training {
namespace {

TEST(TextEncodingTest, PlainAndBomUtf8AreKept) {
  auto plain = DecodeText("Namn;Kurs\nÅsa;Sex mot ersättning\n");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->encoding, Encoding::kUtf8);
  EXPECT_EQ(plain->utf8, "Namn;Kurs\nÅsa;Sex mot ersättning\n");
  auto bom = DecodeText("\xEF\xBB\xBFNamn\n");
  ASSERT_TRUE(bom);
  EXPECT_EQ(bom->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(bom->utf8, "Namn\n");
}

TEST(TextEncodingTest, Windows1252IsConvertedIncludingItsHighPunctuation) {
  // "Åsa Öberg – kurs €" in Windows-1252: C5 73 61 20 D6 62 65 72 67 20 96 20 ... 80
  auto text = DecodeText(
      "\xC5sa \xD6"
      "berg \x96 kurs \x80\n");
  ASSERT_TRUE(text) << text.error().ToString();
  EXPECT_EQ(text->encoding, Encoding::kWindows1252);
  EXPECT_EQ(text->utf8, "Åsa Öberg – kurs €\n");
}

TEST(TextEncodingTest, UndefinedWindows1252ByteIsNamedWithItsLine) {
  auto text = DecodeText("a\nb\n\x81\n");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(text.error().field(), "file_encoding");
  EXPECT_NE(text.error().message().find("0x81"), std::string::npos);
  EXPECT_NE(text.error().message().find("line 3"), std::string::npos);
}

TEST(TextEncodingTest, BomUtf8WithInvalidBytesIsAnError) {
  auto text = DecodeText("\xEF\xBB\xBFok\n\xE5sa\n");
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message().find("line 2"), std::string::npos);
}

TEST(TextEncodingTest, Utf16WithBomIsDecoded) {
  const std::string le(
      "\xFF\xFE"
      "A\0\xE5\0\n\0",
      8);  // "Aå\n"
  auto a = DecodeText(le);
  ASSERT_TRUE(a) << a.error().ToString();
  EXPECT_EQ(a->encoding, Encoding::kUtf16Le);
  EXPECT_EQ(a->utf8, "Aå\n");
  const std::string be("\xFE\xFF\0A\xD8\x3D\xDE\x00", 8);  // "A😀"
  auto b = DecodeText(be);
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_EQ(b->encoding, Encoding::kUtf16Be);
  EXPECT_EQ(b->utf8, "A\xF0\x9F\x98\x80");
  EXPECT_FALSE(
      DecodeText(std::string("\xFF\xFE"
                             "A",
                             3)));                               // odd length
  EXPECT_FALSE(DecodeText(std::string("\xFF\xFE\x00\xDC", 4)));  // lone low surrogate
}

TEST(TextEncodingTest, NulBytesWithoutBomAreNotText) {
  auto text = DecodeText(std::string("N\0a\0m\0n\0", 8));
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message().find("UTF-16"), std::string::npos);
  EXPECT_EQ(text.error().field(), "file_binary");
}

TEST(TextEncodingTest, EmptyFileIsAnError) {
  EXPECT_EQ(DecodeText("").error().field(), "file_empty");
  EXPECT_EQ(DecodeText("\xEF\xBB\xBF").error().field(), "file_empty");
}

TEST(TextEncodingTest, DoubleEncodedUtf8IsFlagged) {
  auto text = DecodeText("P\xC3\x83\xC2\xA5hittsson\n");  // "PÃ¥hittsson"
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->looks_double_encoded);
  EXPECT_FALSE(DecodeText("Påhittsson\n")->looks_double_encoded);
}

}  // namespace
}  // namespace synlig::training
