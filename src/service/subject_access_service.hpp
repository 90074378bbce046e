#pragma once
// Answering a parent's subject access request (UK GDPR Art. 15, one month): every request of a
// school naming a child, and the child's records gathered for export. Other children of a group
// are left out; safeguarding concerns are never exported.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/policy.hpp"
#include "core/pricing.hpp"
#include "service/services.hpp"

namespace sendhub {

struct ChildRequest {
    RequestRecord request;  // `input.pupils` holds this child only
    int group_size = 0;     // how many pupils the request named in all
};

struct ChildProgress {
    AgreementId agreement_id;
    ProgressRecord progress;
};

struct ChildRecords {
    SchoolUrn school;
    std::string school_name;
    std::string ref;
    Timestamp generated_at;
    std::vector<ChildRequest> requests;
    std::vector<std::pair<AgreementRecord, Quote>> agreements;
    std::vector<VisitRecord> reports;
    std::vector<ChildProgress> progress;
    std::vector<FeedbackRecord> feedback;
};

//! The school's requests naming a pupil with reference `ref` (trimmed, any case). 422
//! `school_urn` for an unknown school, `ref` when blank; 403 but for administrators.
[[nodiscard]] Result<std::vector<ChildRequest>> find_child_requests(Services& s, const Actor& actor,
                                                                    std::string_view school_urn,
                                                                    std::string_view ref);
//! Everything held about the child, for the ZIP; audited `export` `subject_access` (the URN,
//! with the request ids).
[[nodiscard]] Result<ChildRecords> gather_child_records(Services& s, const Actor& actor,
                                                        std::string_view school_urn,
                                                        std::string_view ref, const Acting& who);

}  // namespace sendhub
