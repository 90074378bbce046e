#include "adapter/download.hpp"
#include "adapter/outreach_json.hpp"
#include "adapter/request_export.hpp"
#include "adapter/request_query.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/text.hpp"
#include "service/outreach_service.hpp"

namespace sendhub::api {
namespace {

// The request body as the school's answers, with type checks on every field.
Result<RequestInput> request_input(JsonFields& f) {
    SENDHUB_TRY(f.check());  // a malformed body stops here
    const nlohmann::json& body = f.object();
    RequestInput in;
    in.school_urn = f.text("school_urn");
    in.kind = f.text("kind");
    if (auto pupils = body.find("pupils"); pupils != body.end() && !pupils->is_null()) {
        if (!pupils->is_array())
            return std::unexpected(
                Error::invalid("pupils", "invalid_type", "pupils must be a list"));
        for (const auto& p : *pupils) {
            if (!p.is_object())
                return std::unexpected(
                    Error::invalid("pupils", "invalid_type", "each pupil must be an object"));
            JsonFields pf(p);
            in.pupils.push_back({pf.text("ref"), pf.text("year_group"), pf.text("need_route"),
                                 pf.text("primary_need"), pf.text("primary_need_source"),
                                 pf.text("primary_need_recorded_on")});
            SENDHUB_TRY(pf.check());
        }
    }
    if (auto consent = body.find("consent"); consent != body.end() && !consent->is_null()) {
        if (!consent->is_object())
            return std::unexpected(
                Error::invalid("consent", "invalid_type", "consent must be an object"));
        JsonFields cf(*consent);
        in.consent_type = cf.text("type");
        in.consent_obtained_on = cf.text("obtained_on");
        in.consent_obtained_by = cf.text("obtained_by");
        SENDHUB_TRY(cf.check());
    }
    in.expertise_level = f.text("expertise_level");
    in.preferred_date = f.text("preferred_date");
    in.concern = f.text("concern");
    in.tried = f.text("tried");
    in.service = f.text("service");
    in.work_type = f.text("work_type");
    SENDHUB_TRY(f.check());
    return in;
}

Response agreement_response(RequestContext& ctx, const Result<AgreementRecord>& a, int status) {
    if (!a) return json_error(a.error());
    return json_response(status, agreement_json(*a, agreement_quote(ctx.services, ctx.actor(), *a),
                                                allows(ctx.actor(), Permission::see_prices)));
}

}  // namespace

Response requests_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto params = list_params(query);
    if (!params) return json_error(params.error());
    auto filter = request_filter_from(query, params->cursor, params->limit);
    if (!filter) return json_error(filter.error());
    auto page = list_requests(ctx.services, ctx.actor(), *filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : page.items) items.push_back(request_json(r));
    return json_response(200, list_body(items, page.next_cursor));
}

Response requests_csv(RequestContext& ctx) {
    auto query = ctx.query();
    auto filter = request_filter_from(query, "", kMaxPageSize);
    if (!filter) return json_error(filter.error());
    return download(sendhub::requests_csv(export_requests(ctx.services, ctx.actor(), *filter)),
                    "text/csv; charset=utf-8", "requests-" + format_date(ctx.today()) + ".csv",
                    false);
}

Response request_delete(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto deleted = delete_draft(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!deleted) return json_error(deleted.error());
    return http::Response::with_body(204, "", "");
}

Response request_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    bool draft = f.boolean("draft", false);
    auto input = request_input(f);
    if (!input) return json_error(input.error());
    return respond(create_request(ctx.services, ctx.actor(), *input,
                                  draft ? Submission::draft : Submission::submit, ctx.acting()),
                   201, request_json);
}

Response request_get(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto r = open_request(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!r) return json_error(r.error());
    auto out = request_json(*r);
    nlohmann::json history = nlohmann::json::array();
    for (const auto& e :
         request_history(ctx.services, ctx.actor(), *id).value_or(std::vector<RequestEvent>{}))
        history.push_back({{"at", format_timestamp(e.at)},
                           {"by", e.user_name},
                           {"action", e.action},
                           {"from", e.from_status},
                           {"to", e.to_status},
                           {"note", e.note}});
    out["history"] = std::move(history);
    return json_response(200, out);
}

Response request_update(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto f = JsonFields::from_body(ctx.request);
    auto input = request_input(f);
    if (!input) return json_error(input.error());
    return respond(
        update_draft(ctx.services, ctx.actor(), *id, *input, Submission::draft, ctx.acting()), 200,
        request_json);
}

Response request_submit(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto current = get_request(ctx.services, ctx.actor(), *id);
    if (!current) return json_error(current.error());
    return respond(update_draft(ctx.services, ctx.actor(), *id, current->input, Submission::submit,
                                ctx.acting()),
                   200, request_json);
}

Response request_triage(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto f = JsonFields::from_body(ctx.request);
    TriageDecision d{f.text("decision"), f.text("expertise_level"), f.text("notes")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(triage_request(ctx.services, ctx.actor(), *id, d, ctx.acting()), 200,
                   request_json);
}

Response request_resubmit(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto f = JsonFields::from_body(ctx.request);
    auto input = request_input(f);
    if (!input) return json_error(input.error());
    return respond(resubmit_request(ctx.services, ctx.actor(), *id, *input, ctx.acting()), 200,
                   request_json);
}

Response request_cancel(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto f = JsonFields::from_body(ctx.request);
    std::string reason = f.text("reason");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(cancel_request(ctx.services, ctx.actor(), *id, reason, ctx.acting()), 200,
                   request_json);
}

Response request_assign(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto f = JsonFields::from_body(ctx.request);
    std::string practitioner = f.text("practitioner_id");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(assign_request(ctx.services, ctx.actor(), *id, practitioner, ctx.acting()), 200,
                   request_json);
}

namespace {

Result<AgreementInput> agreement_input(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    AgreementInput in{f.text("type"),
                      f.text("level"),
                      f.text("frequency"),
                      f.text("sessions"),
                      f.text("session_days"),
                      f.text("start_date"),
                      f.text("report_writing_days"),
                      f.strings("outcomes")};
    SENDHUB_TRY(f.check());
    return in;
}

}  // namespace

Response agreement_create(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto in = agreement_input(ctx);
    if (!in) return json_error(in.error());
    return agreement_response(
        ctx, draft_agreement(ctx.services, ctx.actor(), *id, *in, ctx.acting()), 201);
}

Response agreement_quote_preview(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto in = agreement_input(ctx);
    if (!in) return json_error(in.error());
    return respond(preview_agreement_quote(ctx.services, ctx.actor(), *id, *in), 200, quote_json);
}

Response agreement_get(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto a = get_agreement(ctx.services, ctx.actor(), *id);
    if (!a) return json_error(a.error());
    auto out = agreement_json(*a, agreement_quote(ctx.services, ctx.actor(), *a),
                              allows(ctx.actor(), Permission::see_prices));
    nlohmann::json visits = nlohmann::json::array();
    for (const auto& v :
         agreement_visits(ctx.services, ctx.actor(), *id).value_or(std::vector<VisitRecord>{}))
        visits.push_back(visit_json(v));
    out["visits"] = std::move(visits);
    return json_response(200, out);
}

Response agreement_quote_get(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto a = get_agreement(ctx.services, ctx.actor(), *id);
    if (!a) return json_error(a.error());
    return json_response(200, quote_json(agreement_quote(ctx.services, ctx.actor(), *a)));
}

Response agreement_accept(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    // The body is optional: {"purchase_order"} when the school has one.
    std::string order;
    if (!ctx.request.body.empty()) {
        auto f = JsonFields::from_body(ctx.request);
        order = f.text("purchase_order");
        if (auto checked = f.check(); !checked) return json_error(checked.error());
    }
    return agreement_response(
        ctx, accept_agreement(ctx.services, ctx.actor(), *id, order, ctx.acting()), 200);
}

Response agreement_change_request(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto f = JsonFields::from_body(ctx.request);
    std::string note = f.text("note");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(ask_for_agreement_change(ctx.services, ctx.actor(), *id, note, ctx.acting()),
                   200, request_json);
}

Response agreement_purchase_order(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto f = JsonFields::from_body(ctx.request);
    std::string order = f.text("purchase_order");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return agreement_response(
        ctx, set_purchase_order(ctx.services, ctx.actor(), *id, order, ctx.acting()), 200);
}

Response agreement_complete(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    return agreement_response(ctx, complete_agreement(ctx.services, ctx.actor(), *id, ctx.acting()),
                              200);
}

Response visit_move(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return json_error(Error::not_found("No such visit."));
    auto f = JsonFields::from_body(ctx.request);
    std::string date = f.text("date");
    std::string days = f.text("days");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(move_visit(ctx.services, ctx.actor(), *id, date, days, ctx.acting()), 200,
                   visit_json);
}

Response visit_cancel(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return json_error(Error::not_found("No such visit."));
    auto f = JsonFields::from_body(ctx.request);
    std::string reason = f.text("reason");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(cancel_visit(ctx.services, ctx.actor(), *id, reason, ctx.acting()), 200,
                   visit_json);
}

Response visit_create(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto f = JsonFields::from_body(ctx.request);
    std::string date = f.text("date");
    std::string days = f.text("days");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(plan_visit(ctx.services, ctx.actor(), *id, date, days, ctx.acting()), 201,
                   visit_json);
}

Response request_candidates_get(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return json_error(Error::not_found("No such request."));
    auto candidates = request_candidates(ctx.services, ctx.actor(), *id);
    if (!candidates) return json_error(candidates.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : *candidates) {
        items.push_back(
            {{"practitioner_id", c.id.value},
             {"name", c.name},
             {"service", std::string(term_of(service_terms(), service_of(c.grade)).code)},
             {"grade", is_outreach_grade(c.grade)
                           ? nlohmann::json(std::string(term_of(grade_terms(), c.grade).code))
                           : nlohmann::json()},
             {"score", c.score},
             {"travel_miles", c.travel_tenths
                                  ? nlohmann::json(static_cast<double>(*c.travel_tenths) / 10.0)
                                  : nlohmann::json()},
             {"travel_pence", c.travel_pence},
             {"day_rate_pence",
              c.day_rate_pence ? nlohmann::json(*c.day_rate_pence) : nlohmann::json()},
             {"reasons", c.reasons}});
    }
    return json_response(200, {{"items", items}});
}

Response visits_mine(RequestContext& ctx) {
    if (!ctx.actor().practitioner_id)
        return json_response(200, list_body(nlohmann::json::array(), std::nullopt));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : my_visits(ctx.services, ctx.actor())) items.push_back(visit_json(v));
    return json_response(200, list_body(items, std::nullopt));
}

Response visit_report_create(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return json_error(Error::not_found("No such visit."));
    auto f = JsonFields::from_body(ctx.request);
    ReportInput in{f.text("work_undertaken"), f.text("actions_agreed"), f.text("next_steps"),
                   f.text("miles")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(report_visit(ctx.services, ctx.actor(), *id, in, ctx.acting()), 200, visit_json);
}

Response visit_report_get(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return json_error(Error::not_found("No such visit."));
    auto v = get_visit(ctx.services, ctx.actor(), *id);
    if (!v) return json_error(v.error());
    if (v->status != VisitStatus::delivered)
        return json_error(Error::not_found("This visit has no report yet."));
    return json_response(200, report_json(*v));
}

Response progress_create(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    auto outcome = id_param<OutcomeId>(ctx, "oid");
    if (!id || !outcome) return json_error(Error::not_found("No such outcome."));
    auto f = JsonFields::from_body(ctx.request);
    std::string date = f.text("date");
    std::string status = f.text("status");
    std::string note = f.text("note");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(
        record_progress(ctx.services, ctx.actor(), *id, *outcome, date, status, note, ctx.acting()),
        201, progress_json);
}

Response progress_list(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto a = get_agreement(ctx.services, ctx.actor(), *id);
    if (!a) return json_error(a.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p :
         agreement_progress(ctx.services, ctx.actor(), *id).value_or(std::vector<ProgressRecord>{}))
        items.push_back(progress_json(p));
    return json_response(200, list_body(items, std::nullopt));
}

Response feedback_create(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto f = JsonFields::from_body(ctx.request);
    std::string rating = f.text("rating");
    std::string comments = f.text("comments");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(give_feedback(ctx.services, ctx.actor(), *id, rating, comments, ctx.acting()),
                   201, feedback_json);
}

Response feedback_list(RequestContext& ctx) {
    auto feedback = all_feedback(ctx.services, ctx.actor());
    if (!feedback) return json_error(feedback.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& f : *feedback) items.push_back(feedback_json(f));
    return json_response(200, list_body(items, std::nullopt));
}

}  // namespace sendhub::api
