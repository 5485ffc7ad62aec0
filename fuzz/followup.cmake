# Fuzz targets of libs/followup: every validator of posted form input (activities, attitude
# counts, anonymous contacts, clinics, reference figures, cost assumptions, terms and years).
synlig_fuzz(followup_forms_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/followup_forms_fuzz.cc
            DEPS synlig::followup)
