# Both builds compile several files as one unit (CMAKE_UNITY_BUILD, SENDHUB_UNITY_BUILD). Files
# that define a helper or a statement under the same name as a neighbour's, each in its own
# anonymous namespace, cannot share a unit: they are compiled on their own, listed here.
# clang-tidy still checks file by file: tests/architecture/check_tidy.sh reads which files
# each unit includes.
# The store's files nearly all name their statements alike (kFind, kInsert…), so that layer
# is left out as a whole (CMakeLists.txt).
if(NOT CMAKE_UNITY_BUILD)
    return()
endif()

# In a unit a test's fixture from an anonymous namespace is a base of a test class that GCC
# no longer counts as the main file's, and it warns; each test file is its own program part.
add_compile_options(-Wno-subobject-linkage)

set(SENDHUB_OWN_UNIT
    src/api/screening_api.cpp
    src/app/pipeline.cpp
    src/core/dates.cpp
    src/core/outreach.cpp
    src/core/outreach_test.cpp
    src/core/partnership_test.cpp
    src/core/peer_review.cpp
    src/core/screening_test.cpp
    src/core/slcn_audit_test.cpp
    src/core/term_planner_test.cpp
    src/core/visit_calendar_test.cpp
    src/service/insight_service.cpp
    src/service/slcn_service.cpp
    src/web/school_pages.cpp
    src/web/user_pages.cpp
    tests/integration/school_data_test.cpp)
list(TRANSFORM SENDHUB_OWN_UNIT PREPEND ${CMAKE_SOURCE_DIR}/)
set_source_files_properties(${SENDHUB_OWN_UNIT} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
