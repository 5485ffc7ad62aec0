# Fuzz targets of libs/disclosure: the published-table CSV reader (with the LP check and
# Protect on what it reads).
synlig_fuzz(disclosure_csv_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/disclosure_csv_fuzz.cc
            DEPS synlig::disclosure)
