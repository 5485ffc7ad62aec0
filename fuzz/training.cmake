# Fuzz targets of libs/training: the learning-platform export (encoding detection, CSV,
# header, mapping, Swedish dates, row matching).
synlig_fuzz(training_import_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/training_import_fuzz.cc
            DEPS synlig::training)
