#include "core/request_steps.hpp"

namespace sendhub {

bool may_take_step(const Actor& actor, const RequestFacts& request, RequestStep step) {
    bool school_senco = is_school_senco(actor, request.school);
    bool coordinator = allows(actor, Permission::triage_requests);
    switch (step) {
        case RequestStep::edit_draft:
            return school_senco || coordinator;
        case RequestStep::answer_more_info:
            return school_senco;
        case RequestStep::triage:
        case RequestStep::assign:
            return coordinator;
        case RequestStep::draw_up_agreement:
            return coordinator || is_assigned(actor, request.practitioner);
        case RequestStep::cancel:
            return school_senco || coordinator;
    }
    return false;
}

bool step_open_now(const RequestFacts& request, RequestStep step) {
    switch (step) {
        case RequestStep::edit_draft:
            return request.status == RequestStatus::draft;
        case RequestStep::answer_more_info:
            return request.status == RequestStatus::more_info;
        case RequestStep::triage:
            return request.status == RequestStatus::submitted;
        case RequestStep::assign:
            return request.status == RequestStatus::accepted ||
                   (request.status == RequestStatus::assigned && !request.has_agreement);
        case RequestStep::draw_up_agreement:
            return request.status == RequestStatus::assigned && !request.has_agreement;
        case RequestStep::cancel:
            return is_open(request.status);
    }
    return false;
}

RequestSteps request_steps(const Actor& actor, const RequestFacts& request) {
    auto offer = [&](RequestStep step) {
        return may_take_step(actor, request, step) && step_open_now(request, step);
    };
    return {.edit_draft = offer(RequestStep::edit_draft),
            .answer_more_info = offer(RequestStep::answer_more_info),
            .triage = offer(RequestStep::triage),
            .assign = offer(RequestStep::assign),
            .draw_up_agreement = offer(RequestStep::draw_up_agreement),
            .cancel = offer(RequestStep::cancel)};
}

}  // namespace sendhub
