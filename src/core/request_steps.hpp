#pragma once
// What a person may do to an outreach request, in one place. The service refuses anything
// else (403 when their role or link to the request never allows it, 409 when the request's
// state does not allow it now) and the request's page offers exactly these buttons, so the
// two cannot drift apart.
#include <optional>

#include "core/ids.hpp"
#include "core/outreach.hpp"
#include "core/policy.hpp"

namespace sendhub {

struct RequestFacts {
    RequestStatus status = RequestStatus::draft;
    SchoolUrn school;
    std::optional<PractitionerId> practitioner;
    bool has_agreement = false;
};

enum class RequestStep { edit_draft, answer_more_info, triage, assign, draw_up_agreement, cancel };

//! Whether the actor's role and link to the request let them take the step at all.
[[nodiscard]] bool may_take_step(const Actor& actor, const RequestFacts& request, RequestStep step);
//! Whether the request's state allows the step now, whoever takes it.
[[nodiscard]] bool step_open_now(const RequestFacts& request, RequestStep step);

struct RequestSteps {
    bool edit_draft = false;
    bool answer_more_info = false;
    bool triage = false;
    bool assign = false;
    bool draw_up_agreement = false;
    bool cancel = false;
};
//! The steps to offer the actor now: both of the above.
[[nodiscard]] RequestSteps request_steps(const Actor& actor, const RequestFacts& request);

}  // namespace sendhub
