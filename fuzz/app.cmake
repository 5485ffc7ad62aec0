# Fuzz targets of apps/synlig: the configuration file parser.
if(TARGET synlig_appconfig)
  synlig_fuzz(config_fuzz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/config_fuzz.cc DEPS synlig_appconfig)
endif()
