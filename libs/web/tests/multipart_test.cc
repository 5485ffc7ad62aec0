// multipart/form-data: parsing what browsers send, and the server's re-assembly round trip.
#include "multipart.h"

#include <gtest/gtest.h>

namespace synlig::web {
namespace {

TEST(MultipartTest, ParsesFieldsAndFiles) {
  const std::string body =
      "--b1\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
      "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\x\\\\export.csv\""
      "\r\nContent-Type: text/csv\r\n\r\nE-post;Kurs\r\na@b.se;X\r\n\r\n--b1--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=b1", body);
  ASSERT_TRUE(parts) << parts.error().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf");
  EXPECT_EQ((*parts)[0].data, "tok");
  const MultipartPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "export.csv");
  EXPECT_EQ(file->content_type, "text/csv");
  EXPECT_EQ(file->data, "E-post;Kurs\r\na@b.se;X\r\n");
}

TEST(MultipartTest, QuotedBoundaryAndBinaryData) {
  const std::string data("a\0b\r\n--not-it\r\n", 15);
  std::vector<MultipartPart> in = {{"f", "a.bin", "application/octet-stream", data}};
  std::string type;
  const std::string wire = FormatMultipart(in, type);
  auto out = ParseMultipart(type, wire);
  ASSERT_TRUE(out) << out.error().ToString();
  ASSERT_EQ(out->size(), 1u);
  EXPECT_EQ((*out)[0].data, data);
  EXPECT_EQ((*out)[0].filename, "a.bin");
}

TEST(MultipartTest, BoundaryIsChosenOutsideTheData) {
  std::vector<MultipartPart> in = {{"f", "", "", "--synlig-form-boundary-7f3a9c\r\n"}};
  std::string type;
  const std::string wire = FormatMultipart(in, type);
  auto out = ParseMultipart(type, wire);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].data, in[0].data);
}

TEST(MultipartTest, MalformedBodiesAreErrors) {
  for (const auto& [type, body] : std::vector<std::pair<std::string, std::string>>{
           {"application/x-www-form-urlencoded", "a=b"},
           {"multipart/form-data", "--b\r\n"},
           {"multipart/form-data; boundary=b", "nope"},
           {"multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"},
           {"multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"},
           {"multipart/form-data; boundary=b", "--b\r\nno headers end"}}) {
    auto parts = ParseMultipart(type, body);
    ASSERT_FALSE(parts) << body;
    EXPECT_EQ(parts.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(parts.error().field(), "body");
  }
}

}  // namespace
}  // namespace synlig::web
