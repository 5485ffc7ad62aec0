# Fuzz targets of libs/ads: the JSON Lines importer with extraction, and the TOML lexicon and
# indicator rules.
synlig_fuzz(ads_jsonl_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_jsonl_fuzz.cc
            DEPS synlig::ads)
synlig_fuzz(ads_toml_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_toml_fuzz.cc
            DEPS synlig::ads)
