#include "store/subject_access_store.hpp"

#include "core/text.hpp"

namespace sendhub {
namespace {
// References are stored as typed (trimmed) but compared in any case.
constexpr std::string_view kNaming =
    "SELECT DISTINCT r.id FROM outreach_requests r JOIN request_pupils p ON p.request_id = r.id"
    " WHERE r.school_urn = ? AND lower(trim(p.ref)) = ? ORDER BY r.id";
}  // namespace

std::vector<std::int64_t> SubjectAccessStore::requests_naming(SchoolUrn school,
                                                              std::string_view ref) {
    const std::string wanted = to_lower(trim(ref));
    return db_.read([&](SqlConnection& c) {
        std::vector<std::int64_t> ids;
        for (const auto& row : c.query_with(kNaming, school.value, wanted))
            ids.push_back(row.integer(0));
        return ids;
    });
}

}  // namespace sendhub
