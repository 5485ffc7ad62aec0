# Fuzz targets of libs/web: the multipart/form-data parser of file uploads (libs/web/src/
# multipart.cc, compiled in directly so the target does not need the whole web library).
synlig_fuzz(web_multipart_fuzz
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/web_multipart_fuzz.cc
                    ${PROJECT_SOURCE_DIR}/libs/web/src/multipart.cc
            INCLUDES ${PROJECT_SOURCE_DIR}/libs/web/src
            DEPS synlig::core)
