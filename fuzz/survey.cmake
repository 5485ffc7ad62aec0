# Fuzz targets of libs/survey: questionnaire definitions, the stored answers encoding and
# matching-key input.
synlig_fuzz(survey_questionnaire_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/survey_questionnaire_fuzz.cc
            DEPS synlig::survey)
synlig_fuzz(survey_answers_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/survey_answers_fuzz.cc
            DEPS synlig::survey)
synlig_fuzz(survey_matching_key_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/survey_matching_key_fuzz.cc
            DEPS synlig::survey)
