# Fuzz targets of libs/ads: the JSON Lines importer.
synlig_fuzz(ads_jsonl_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ads_jsonl_fuzz.cc
            DEPS synlig::ads)
