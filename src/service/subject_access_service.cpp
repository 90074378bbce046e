#include "service/subject_access_service.hpp"

#include "core/text.hpp"
#include "service/outreach_service.hpp"
#include "store/audit_store.hpp"

namespace sendhub {
namespace {

struct Asked {
    School school;
    std::string ref;
};

Result<Asked> check_question(Services& s, std::string_view urn_text, std::string_view ref) {
    Validator v;
    std::optional<School> school;
    const std::string urn = trim(urn_text);
    if (auto value = parse_int(urn)) school = s.schools.find(SchoolUrn{*value});
    if (!school)
        v.fail("school_urn", urn.empty() ? "required" : "invalid",
               urn.empty() ? "Enter the school's URN" : "Enter the URN of a school sendhub holds");
    std::string wanted = trim(ref);
    if (wanted.empty()) v.fail("ref", "required", "Enter the pupil's reference");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return Asked{*school, wanted};
}

bool same_ref(std::string_view a, std::string_view b) {
    return to_lower(trim(a)) == to_lower(trim(b));
}

std::vector<ChildRequest> requests_of(Services& s, const Asked& asked) {
    std::vector<ChildRequest> out;
    for (auto id : s.subject_access.requests_naming(asked.school.urn, asked.ref)) {
        auto record = s.requests.find(RequestId{id});
        if (!record) continue;
        ChildRequest child{*record, static_cast<int>(record->input.pupils.size())};
        std::erase_if(child.request.input.pupils,
                      [&](const PupilInput& p) { return !same_ref(p.ref, asked.ref); });
        out.push_back(std::move(child));
    }
    return out;
}

}  // namespace

Result<std::vector<ChildRequest>> find_child_requests(Services& s, const Actor& actor,
                                                      std::string_view school_urn,
                                                      std::string_view ref) {
    if (!allows(actor, Permission::answer_subject_access))
        return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(Asked asked, check_question(s, school_urn, ref));
    return requests_of(s, asked);
}

Result<ChildRecords> gather_child_records(Services& s, const Actor& actor,
                                          std::string_view school_urn, std::string_view ref,
                                          const Acting& who) {
    if (!allows(actor, Permission::answer_subject_access))
        return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(Asked asked, check_question(s, school_urn, ref));
    ChildRecords out;
    out.school = asked.school.urn;
    out.school_name = asked.school.name;
    out.ref = asked.ref;
    out.generated_at = s.clock().now();
    // One snapshot: the export is consistent even while others work.
    s.database->read([&](SqlConnection&) {
        out.requests = requests_of(s, asked);
        for (const auto& child : out.requests) {
            if (!child.request.agreement_id) continue;
            AgreementId id{*child.request.agreement_id};
            auto agreement = s.agreements.find(id);
            if (!agreement) continue;
            out.agreements.emplace_back(*agreement, agreement_quote(s, actor, *agreement));
            for (auto& visit : s.agreements.visits_of_agreement(id))
                if (visit.reported_at) out.reports.push_back(std::move(visit));
            for (auto& progress : s.agreements.progress_of(id))
                out.progress.push_back({id, std::move(progress)});
            for (auto& feedback : s.feedback.list(id)) out.feedback.push_back(std::move(feedback));
        }
    });
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& child : out.requests) ids.push_back(child.request.id.value);
    s.database->write([&](SqlConnection& c) {
        append_audit(c, who, "export", "subject_access", std::to_string(asked.school.urn.value),
                     {{"request_ids", ids}});
    });
    return out;
}

}  // namespace sendhub
