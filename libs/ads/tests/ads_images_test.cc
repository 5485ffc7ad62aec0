// Image files named in ads: hashed to OpenCV's pHash in builds with img_hash (the same picture
// re-encoded or scaled hashes close, another picture far), refused when they are not a JPEG,
// PNG or WebP image, and in `synlig ads analyze` linked like given image hashes; without
// img_hash, counted and not read.
#include "ads_images.h"

#include <gtest/gtest.h>

#include <bit>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ads_command.h"

namespace synlig::app {
namespace {

using ads_cli::HashImageBytes;
using ads_cli::ImageHashingBuilt;
using ads_cli::MakeImageHasher;

std::string ImagesDir() { return std::string(SYNLIG_SOURCE_DIR) + "/tests/data/ads/images"; }

std::vector<std::uint8_t> Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int Distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

TEST(ImageHashTest, ThePictureReencodedOrScaledIsNearAnotherIsFar) {
  if (!ImageHashingBuilt()) GTEST_SKIP() << "built without OpenCV img_hash";
  auto hash = MakeImageHasher(ImagesDir());
  ASSERT_TRUE(hash);
  const auto png = hash("poster-a.png");
  const auto jpg = hash("poster-a.jpg");
  const auto webp = hash(ImagesDir() + "/poster-a-small.webp");  // an absolute path
  const auto other = hash("poster-b.png");
  ASSERT_TRUE(png && jpg && webp && other);
  EXPECT_LE(Distance(*png, *jpg), 4);  // the linking's default image distance
  EXPECT_LE(Distance(*png, *webp), 4);
  EXPECT_GT(Distance(*png, *other), 16);
  // From the bytes, the same hash as from the file.
  EXPECT_EQ(HashImageBytes(Bytes(ImagesDir() + "/poster-a.png")), png);
}

TEST(ImageHashTest, WhatIsNotAnImageIsRefused) {
  auto hash = MakeImageHasher(ImagesDir());
  if (!ImageHashingBuilt()) {
    EXPECT_FALSE(hash);  // nothing is read at all
    EXPECT_EQ(HashImageBytes(Bytes(ImagesDir() + "/poster-a.png")), std::nullopt);
    return;
  }
  for (const char* name : {"broken.jpg", "not-an-image.jpg", "missing.png", "", "."}) {
    EXPECT_EQ(hash(name), std::nullopt) << name;
  }
  // Over the size limit: not read.
  const std::string big = ::testing::TempDir() + "/big.jpg";
  {
    std::ofstream out(big, std::ios::binary);
    out << "\xFF\xD8\xFF";
  }
  std::filesystem::resize_file(big, ads_cli::kMaxImageBytes + 1);
  EXPECT_EQ(hash(big), std::nullopt);
  // A picture whose header states more than kMaxImagePixels is not decoded.
  std::vector<std::uint8_t> huge = Bytes(ImagesDir() + "/poster-a.png");
  ASSERT_GT(huge.size(), 24u);
  for (std::size_t at : {16u, 20u}) {  // IHDR width and height: 100,000 each
    huge[at] = 0;
    huge[at + 1] = 0x01;
    huge[at + 2] = 0x86;
    huge[at + 3] = 0xA0;
  }
  EXPECT_EQ(HashImageBytes(huge), std::nullopt);
  // A known signature in front of garbage, and formats outside the three.
  std::vector<std::uint8_t> fake = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
  EXPECT_EQ(HashImageBytes(fake), std::nullopt);
  std::vector<std::uint8_t> bmp = {'B', 'M', 0, 0, 0, 0};
  EXPECT_EQ(HashImageBytes(bmp), std::nullopt);
  EXPECT_EQ(HashImageBytes({}), std::nullopt);
}

// Three ads with their own numbers: two of "Sofia" with the same picture (PNG and JPEG), one
// of "Lina" with another. With image hashing the first two are one advertiser.
TEST(AdsCliImagesTest, AdsSharingAPictureAreOneAdvertiser) {
  const std::string dir = ::testing::TempDir() + "/ads-images";
  std::filesystem::create_directories(dir + "/pics");
  for (const char* name : {"poster-a.png", "poster-a.jpg", "poster-b.png"}) {
    std::filesystem::copy_file(ImagesDir() + "/" + name, dir + "/pics/" + name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  const std::string file = dir + "/ads.jsonl";
  std::ofstream(file)
      << R"({"site":"s","ad_id":"1","captured_on":"2025-03-03","city":"Linköping","title":"Sofia 24","text":"Hej, jag är ny här och bjuder på en lugn stund.","phones":["070-174 06 11"],"images":["pics/poster-a.png"]})"
         "\n"
      << R"({"site":"s","ad_id":"2","captured_on":"2025-03-04","city":"Norrköping","title":"Sofia 24","text":"Massage i centrum, ring för tid. Välkommen!","phones":["070-174 06 22"],"images":["pics/poster-a.jpg"]})"
         "\n"
      << R"({"site":"s","ad_id":"3","captured_on":"2025-03-04","city":"Linköping","title":"Lina 31","text":"Diskret och trevlig, endast sms.","phones":["070-174 06 33"],"images":["pics/poster-b.png","pics/missing.jpg"]})"
         "\n";
  const std::string assignments = dir + "/assignments.csv";
  std::ostringstream out, err;
  ASSERT_EQ(RunAdsCommand({"analyze", file, "--assignments", assignments}, out, err), 0)
      << err.str();
  std::ifstream in(assignments);
  std::string header, a1, a2, a3;
  std::getline(in, header);
  std::getline(in, a1);
  std::getline(in, a2);
  std::getline(in, a3);
  auto advertiser = [](const std::string& row) {
    return row.substr(row.find(',') + 1, row.rfind(',') - row.find(',') - 1);
  };
  EXPECT_NE(advertiser(a1), advertiser(a3));
  if (ImageHashingBuilt()) {
    EXPECT_EQ(advertiser(a1), advertiser(a2)) << a1 << " / " << a2;
    EXPECT_NE(err.str().find("image files: 3 hashed, 1 not read"), std::string::npos) << err.str();
  } else {
    EXPECT_NE(advertiser(a1), advertiser(a2));
    EXPECT_NE(err.str().find("image files: 0 hashed, 4 not read (this build has no image"),
              std::string::npos)
        << err.str();
  }
  // --images-dir: the paths taken from elsewhere (here: nowhere to be found).
  std::ostringstream out2, err2;
  ASSERT_EQ(RunAdsCommand({"analyze", file, "--images-dir", dir + "/elsewhere"}, out2, err2), 0);
  EXPECT_NE(err2.str().find("image files: 0 hashed, 4 not read"), std::string::npos) << err2.str();
}

}  // namespace
}  // namespace synlig::app
