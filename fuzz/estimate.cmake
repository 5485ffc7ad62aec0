# Fuzz targets of libs/estimate: the capture CSV reader.
synlig_fuzz(estimate_csv_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/estimate_csv_fuzz.cc
            DEPS synlig::estimate)
