# Every third-party dependency comes from Debian's archive; this file finds them once.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(GTest REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(PQXX IMPORTED_TARGET libpqxx)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
find_path(KAINJOW_MUSTACHE_INCLUDE kainjow/mustache.hpp REQUIRED)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_library(GLPK_LIB glpk)
find_path(GLPK_INCLUDE glpk.h)
if(SYNLIG_BENCH)
  find_package(benchmark QUIET)
endif()
# libs/ads: JSON Lines (simdjson), shingle hashing (xxhash), phone numbers (libphonenumber; no
# pkg-config file; its metadata is read with protobuf, which libphonenumber-dev brings).
find_package(simdjson QUIET)
pkg_check_modules(XXHASH IMPORTED_TARGET libxxhash)
find_library(PHONENUMBER_LIB phonenumber)
find_path(PHONENUMBER_INCLUDE phonenumbers/phonenumberutil.h)
find_library(PROTOBUF_LIB protobuf)
# libs/ads (the CLI): perceptual hashes of image files named in ads, optional (OpenCV's
# img_hash, Debian libopencv-contrib-dev; without it image paths are counted, not read).
# The package has no CMake or pkg-config files of its own (libopencv-dev has them, with every
# other module), so its header and three libraries are looked for directly.
option(SYNLIG_IMAGE_HASH "hash image files named in ads when OpenCV img_hash is found" ON)
set(SYNLIG_HAVE_IMG_HASH OFF)
if(SYNLIG_IMAGE_HASH)
  find_path(OPENCV_IMG_HASH_INCLUDE opencv2/img_hash.hpp PATH_SUFFIXES opencv4)
  find_library(OPENCV_CORE_LIB opencv_core)
  find_library(OPENCV_IMGCODECS_LIB opencv_imgcodecs)
  find_library(OPENCV_IMG_HASH_LIB opencv_img_hash)
  # libwebp (Debian libwebp-dev): a WebP file's header is checked before OpenCV sees it.
  find_path(WEBP_INCLUDE webp/decode.h)
  find_library(WEBP_LIB webp)
  if(OPENCV_IMG_HASH_INCLUDE AND OPENCV_CORE_LIB AND OPENCV_IMGCODECS_LIB AND OPENCV_IMG_HASH_LIB
     AND WEBP_INCLUDE AND WEBP_LIB)
    set(SYNLIG_HAVE_IMG_HASH ON)
  endif()
endif()
# libs/report: .xlsx reading and .docx writing (libzip), Excel export (libxlsxwriter), PDF
# (cairo + pango).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
# libs/mail: SMTP for reminder e-mails (libcurl, Debian libcurl4-openssl-dev); optional.
pkg_check_modules(CURL IMPORTED_TARGET libcurl)
# libs/web: the analyst's SPSS .sav export of aggregate tables (ReadStat, Debian
# libreadstat-dev; no pkg-config file). Optional: without it the export answers 404.
find_library(READSTAT_LIB readstat)
find_path(READSTAT_INCLUDE readstat.h)
# libs/ads: saved HTML listing pages (gumbo, Debian libgumbo-dev).
pkg_check_modules(GUMBO IMPORTED_TARGET gumbo)
