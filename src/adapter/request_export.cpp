#include "adapter/request_export.hpp"

#include "core/csv.hpp"
#include "core/dates.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

std::string requests_csv(const std::vector<RequestRecord>& requests) {
    std::string out = csv_record({"Reference", "School", "School URN", "Status", "Kind", "Pupils",
                                  "Preferred date", "Submitted", "Practitioner"});
    for (const auto& r : requests) {
        std::string submitted =
            r.submitted_at ? format_date(london_date(*r.submitted_at)) : std::string();
        out += csv_record({r.reference, r.school_name, std::to_string(r.school_urn.value),
                           std::string(term_of(request_status_terms(), r.status).label),
                           r.input.kind, std::to_string(r.input.pupils.size()),
                           r.input.preferred_date, submitted, r.practitioner_name});
    }
    return out;
}

}  // namespace sendhub
