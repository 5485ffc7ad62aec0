# Fuzz targets of libs/report's official-statistics readers: delimited text (any encoding)
# into the Brå and SCB parsers, and the .xlsx reader.
synlig_fuzz(official_csv_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/official_csv_fuzz.cc
            DEPS synlig::report_official)
synlig_fuzz(official_xlsx_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/official_xlsx_fuzz.cc
            DEPS synlig::report_official)
