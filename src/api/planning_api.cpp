// Availability, the term planner and calendars over JSON (issue 7).
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "service/planning_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json leave_json(const Leave& l) {
    return {{"id", l.id.value},
            {"first", format_date(l.first)},
            {"last", format_date(l.last)},
            {"reason", l.reason}};
}

//! A held date (a term plan's, not yet a visit) has no visit id; its request says which.
nlohmann::json clashes_json(const std::vector<Clash>& clashes) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : clashes)
        out.push_back({{"visit_id", c.visit.visit_id ? nlohmann::json(c.visit.visit_id->value)
                                                     : nlohmann::json(nullptr)},
                       {"date", format_date(c.visit.date)},
                       {"school_urn", c.visit.school_urn.value},
                       {"practitioner_id", c.visit.practitioner_id.value},
                       {"request_id", c.visit.request_id.value},
                       {"status", c.visit.status},
                       {"reason", c.reason == ClashReason::on_leave ? "on_leave" : "not_working"}});
    return out;
}

nlohmann::json availability_json(const Availability& a) {
    nlohmann::json leave = nlohmann::json::array();
    for (const auto& l : a.leave) leave.push_back(leave_json(l));
    return {{"practitioner_id", a.practitioner.id.value},
            {"working_days", working_day_codes(a.practitioner.working_days)},
            {"max_days_per_week", a.practitioner.max_days_per_week},
            {"leave", leave},
            {"clashes", clashes_json(a.clashes)}};
}

nlohmann::json leave_added_json(const LeaveAdded& added) {
    auto out = leave_json(added.leave);
    out["clashes"] = clashes_json(added.clashes);
    return out;
}

nlohmann::json proposal_json(const Proposal& p) {
    nlohmann::json items = nlohmann::json::array(), people = nlohmann::json::array();
    for (const auto& w : p.work) {
        nlohmann::json dates = nlohmann::json::array();
        for (auto d : w.dates) dates.push_back(format_date(d));
        items.push_back(
            {{"request_id", w.request.id.value},
             {"reference", w.request.reference},
             {"school_name", w.request.school_name},
             {"frequency", std::string(term_of(frequency_terms(), w.frequency).code)},
             {"sessions", w.sessions},
             {"session_days", format_days(w.session_half_days)},
             {"pinned", w.pinned},
             {"practitioner_id",
              w.practitioner ? nlohmann::json(w.practitioner->id.value) : nlohmann::json(nullptr)},
             {"practitioner_name",
              w.practitioner ? nlohmann::json(w.practitioner->name) : nlohmann::json(nullptr)},
             {"dates", dates},
             {"travel_pence", w.travel_pence},
             {"unplanned_reason",
              w.practitioner ? nlohmann::json(nullptr) : nlohmann::json(w.unplanned_reason)}});
    }
    for (const auto& l : p.people)
        people.push_back({{"practitioner_id", l.practitioner.id.value},
                          {"name", l.practitioner.name},
                          {"planned_days", format_days(l.planned_half_days)},
                          {"fair_share_days", format_days(l.fair_share_half_days)},
                          {"free_days", format_days(l.free_half_days)}});
    return {{"term_start", format_date(p.term_start)},
            {"term_end", format_date(p.term_end)},
            {"travel_pence", p.travel_pence},
            {"objective_pence", p.objective_pence},
            {"lower_bound_pence", static_cast<std::int64_t>(p.lower_bound_pence)},
            {"items", items},
            {"practitioners", people}};
}

Result<PlanInput> plan_input(const http::Request& request) {
    auto f = JsonFields::from_body(request);
    PlanInput in{f.text("term_start"), f.text("term_end"), {}};
    SENDHUB_TRY(f.check());
    const auto& list =
        f.object().contains("requests") ? f.object()["requests"] : nlohmann::json::array();
    if (!list.is_array())
        return std::unexpected(Error::invalid("requests", "type", "requests must be an array"));
    for (const auto& item : list) {
        if (!item.is_object())
            return std::unexpected(
                Error::invalid("requests", "type", "Each request must be an object"));
        JsonFields r(item);
        in.requests.push_back({r.text("request_id"), r.text("frequency"), r.text("sessions"),
                               r.text("session_days"), r.text("pinned_practitioner_id")});
        SENDHUB_TRY(r.check());
    }
    return in;
}

std::optional<PractitionerId> optional_practitioner(const http::FormData& query) {
    auto id = parse_int(query.get("practitioner_id"));
    return id ? std::optional(PractitionerId{*id}) : std::nullopt;
}

}  // namespace

Response availability_get(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return json_error(Error::not_found());
    return respond(get_availability(ctx.services, ctx.actor(), *id), 200, availability_json);
}

Response availability_put(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return json_error(Error::not_found());
    auto f = JsonFields::from_body(ctx.request);
    auto days = f.strings("working_days");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(set_working_days(ctx.services, ctx.actor(), *id, days, ctx.acting()), 200,
                   availability_json);
}

Response leave_create(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return json_error(Error::not_found());
    auto f = JsonFields::from_body(ctx.request);
    LeaveInput in{f.text("first"), f.text("last"), f.text("reason")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(add_leave(ctx.services, ctx.actor(), *id, in, ctx.acting()), 201,
                   leave_added_json);
}

Response leave_delete(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    auto leave = id_param<LeaveId>(ctx, "leave_id");
    if (!id || !leave) return json_error(Error::not_found());
    auto removed = remove_leave(ctx.services, ctx.actor(), *id, *leave, ctx.acting());
    if (!removed) return json_error(removed.error());
    return Response::with_body(204, "text/plain; charset=utf-8", "");
}

Response plan_propose(RequestContext& ctx) {
    auto in = plan_input(ctx.request);
    if (!in) return json_error(in.error());
    return respond(propose_plan(ctx.services, ctx.actor(), *in), 200, proposal_json);
}

Response plan_accept(RequestContext& ctx) {
    auto in = plan_input(ctx.request);
    if (!in) return json_error(in.error());
    return respond(accept_plan(ctx.services, ctx.actor(), *in, ctx.acting()), 200, proposal_json);
}

Response calendar_get(RequestContext& ctx) {
    auto query = ctx.query();
    auto from = parse_date(query.get("from")), to = parse_date(query.get("to"));
    if (!from)
        return json_error(
            Error::invalid("from", "invalid", "Give from as a date, like 2027-01-04"));
    if (!to)
        return json_error(Error::invalid("to", "invalid", "Give to as a date, like 2027-01-08"));
    auto entries =
        calendar_entries(ctx.services, ctx.actor(), optional_practitioner(query), *from, *to);
    return respond(entries, 200, [](const std::vector<CalendarEntry>& list) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& e : list)
            items.push_back(
                {{"date", format_date(e.date)},
                 {"practitioner_id", e.practitioner_id.value},
                 {"practitioner_name", e.practitioner_name},
                 {"request_id", e.request_id.value},
                 {"school_name", e.school_name},
                 {"days", format_days(e.half_days)},
                 {"status", e.status},
                 {"school_urn", e.school_urn.value},
                 {"school_closed", e.school_closed
                                       ? nlohmann::json(std::string(
                                             term_of(closed_reason_terms(), *e.school_closed).code))
                                       : nlohmann::json(nullptr)},
                 {"visit_id",
                  e.visit_id ? nlohmann::json(e.visit_id->value) : nlohmann::json(nullptr)}});
        return nlohmann::json{{"items", items}};
    });
}

Response calendar_feed_create(RequestContext& ctx) {
    auto token = new_calendar_feed(ctx.services, ctx.actor(), ctx.acting());
    return respond(token, 201, [&](const std::string& t) {
        return nlohmann::json{{"url", calendar_feed_url(ctx, t)}};
    });
}

Response calendar_feed_delete(RequestContext& ctx) {
    auto revoked = revoke_calendar_feed(ctx.services, ctx.actor(), ctx.acting());
    if (!revoked) return json_error(revoked.error());
    return Response::with_body(204, "text/plain; charset=utf-8", "");
}

Response calendar_feed_ics(RequestContext& ctx) {
    auto found = ctx.params.find("token");
    std::string token = found == ctx.params.end() ? "" : found->second;
    auto text = calendar_feed(ctx.services, token);
    if (!text) return Response::with_body(404, "text/plain; charset=utf-8", "No such calendar.\n");
    auto response = Response::with_body(200, "text/calendar; charset=utf-8", std::move(*text));
    response.set_header("Cache-Control", "private, max-age=300");
    return response;
}

}  // namespace sendhub::api
