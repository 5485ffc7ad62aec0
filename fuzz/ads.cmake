# Fuzz targets of libs/ads: the JSON Lines importer with extraction, the TOML lexicon and
# indicator rules, the saved-page (HTML) importer, the site rule files, the phone-number rules
# (patterns of the metadata; E.164 forms against libphonenumber itself) and the image files an
# ad names (decoded by OpenCV in builds with img_hash).
synlig_fuzz(ads_jsonl_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_jsonl_fuzz.cc
            DEPS synlig::ads)
synlig_fuzz(ads_toml_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_toml_fuzz.cc
            DEPS synlig::ads)
synlig_fuzz(ads_html_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_html_fuzz.cc
            DEPS synlig::ads)
synlig_fuzz(ads_site_rules_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_site_rules_fuzz.cc
            DEPS synlig::ads)
synlig_fuzz(ads_phone_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_phone_fuzz.cc
            DEPS synlig::ads INCLUDES ${PROJECT_SOURCE_DIR}/libs/ads/src)
if(TARGET synlig_ads_cli)
  synlig_fuzz(ads_image_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_image_fuzz.cc
              DEPS synlig_ads_cli)
endif()
