// Pages of traded outreach: the request form, the list and queue, triage, assignment,
// and the actions on the status page (the agreement's are in agreement_pages.cpp).
#include <array>

#include <fmt/format.h>

#include "adapter/error_response.hpp"
#include "adapter/request_query.hpp"
#include "core/money_input.hpp"
#include "core/tariff.hpp"
#include "core/text.hpp"
#include "service/finance_service.hpp"
#include "service/outreach_service.hpp"
#include "web/handlers.hpp"
#include "web/outreach_views.hpp"
#include "web/page.hpp"
#include "web/request_actions.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

// Today's prices as the request form's hint: they change on the day a new tariff starts.
std::string prices_today(RequestContext& ctx) {
    auto tariffs = list_tariffs(ctx.services);
    auto price = [&](TariffItem item, std::string_view who) -> std::string {
        auto pence = price_on(tariffs, item, ctx.today());
        return pence ? std::string(who) + " " + money(*pence) + " a day" : "";
    };
    std::vector<std::string> parts;
    for (const auto& part : {price(TariffItem::specialist_ta_day, "Specialist teaching assistant"),
                             price(TariffItem::teacher_day, "teacher"),
                             price(TariffItem::slt_day, "specialist senior leader")})
        if (!part.empty()) parts.push_back(part);
    if (parts.empty()) return "";
    std::string hint;
    for (const auto& part : parts) hint += (hint.empty() ? "" : ", ") + part;
    if (auto mile = price_on(tariffs, TariffItem::mileage, ctx.today()))
        hint += ", plus travel at " + money(*mile) + " a mile";
    return hint;
}

// One pupil block to start with (or one for each pupil already given); "Add another pupil"
// posts the form back with one more, so it works without JavaScript.
Response render_form(RequestContext& ctx, const RequestInput& in, const FormView& form,
                     std::optional<RequestRecord> existing, int status, bool add_pupil = false) {
    bool coordinator = ctx.actor().role == Role::coordinator;
    Options years{{"", "Choose a year group"}};
    for (const auto& y : year_groups()) years.emplace_back(y, y == "R" ? "Reception" : y);
    nlohmann::json rows = nlohmann::json::array();
    const std::size_t pupil_rows = std::min(
        std::max<std::size_t>(in.pupils.size(), 1) + (add_pupil ? 1 : 0), kMaxPupilsInGroup);
    for (std::size_t i = 0; i < pupil_rows; ++i) {
        PupilInput p = i < in.pupils.size() ? in.pupils[i] : PupilInput{};
        std::string prefix = "pupils." + std::to_string(i) + ".";
        rows.push_back({
            {"number", std::to_string(i + 1)},
            {"ref", form.input(prefix + "ref", "Initials or school reference", p.ref,
                               {.width = "5", .spellcheck = false})},
            {"year_group", form.select(prefix + "year_group", "Year group", years, p.year_group)},
            {"need_route", form.select(prefix + "need_route", "How were their needs identified?",
                                       options_of(need_route_terms(), "Choose one"), p.need_route)},
            {"primary_need",
             form.select(prefix + "primary_need", "Primary need",
                         options_of(primary_need_terms(), "Choose one"), p.primary_need)},
            {"primary_need_source",
             form.select(
                 prefix + "primary_need_source", "Who recorded this need?",
                 options_of(need_source_terms(),
                            "Not sure: the local authority for an EHC plan, else the school"),
                 p.primary_need_source)},
            {"primary_need_recorded_on",
             form.date_input(prefix + "primary_need_recorded_on",
                             "When was it recorded? (optional)", p.primary_need_recorded_on,
                             date_example(ctx.today()))},
        });
    }
    bool resubmitting = existing && existing->status == RequestStatus::more_info;
    const Service service = request_service(in);
    const bool outreach = service == Service::outreach;
    nlohmann::json fields{
        {"school_urn",
         coordinator && !existing
             ? form.input(
                   "school_urn", "School URN", in.school_urn,
                   {.hint = "The school asking for support", .width = "10", .inputmode = "numeric"})
             : nlohmann::json(false)},
        {"kind", outreach ? form.radios("kind", "Who is the support for?",
                                        options_of(request_kind_terms()), in.kind,
                                        "For one child you need a parent's signature; for a group, "
                                        "parents' verbal consent")
                          : nlohmann::json(false)},
        {"work_type", outreach ? nlohmann::json(false)
                               : form.radios("work_type", "What is the work for?",
                                             options_of(work_type_terms()), in.work_type,
                                             "Work with one child needs a parent's signature "
                                             "and names the child below; other work names no "
                                             "pupils")},
        {"pupils", form.group("pupils", "Pupils")},
        {"consent_type", form.radios("consent.type", "How did parents give consent?",
                                     options_of(consent_type_terms()), in.consent_type)},
        {"consent_obtained_on", form.date_input("consent.obtained_on", "Date consent was given",
                                                in.consent_obtained_on, date_example(ctx.today()))},
        {"consent_obtained_by",
         form.input("consent.obtained_by", "Who obtained consent?", in.consent_obtained_by,
                    {.hint = "Your name or the member of staff's"})},
        {"expertise_level",
         outreach ? form.radios("expertise_level", "Expertise level you need",
                                options_of(grade_terms()), in.expertise_level, prices_today(ctx))
                  : nlohmann::json(false)},
        {"preferred_date",
         form.date_input(
             "preferred_date", "Preferred date of the first visit", in.preferred_date,
             "At least 7 days from today. " +
                 date_example(std::chrono::sys_days{ctx.today()} + std::chrono::days{10}))},
        {"concern",
         form.textarea("concern", "What is the concern?", in.concern, "Up to 5000 characters", 6)},
        {"tried", form.textarea("tried", "What have you already tried?", in.tried, "", 4)},
    };
    std::string action =
        existing ? "/requests/" + std::to_string(existing->id.value) + "/edit" : "/requests";
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields", fields},
        {"pupil_rows", rows},
        {"can_add_pupil", pupil_rows < kMaxPupilsInGroup && outreach},
        {"heading", resubmitting ? "Answer the trust and resubmit"
                    : existing   ? "Finish your request"
                    : outreach   ? "Ask for outreach support"
                                 : "Ask for " + to_lower(term_of(service_terms(), service).label)},
        {"service", std::string(term_of(service_terms(), service).code)},
        {"service_label", outreach ? std::string("outreach support")
                                   : to_lower(term_of(service_terms(), service).label)},
        {"outreach", outreach},
        {"action", action},
        {"back_href", existing ? "/requests/" + std::to_string(existing->id.value) : "/requests"},
        {"submit_label", resubmitting ? "Resubmit request" : "Submit request"},
        {"can_save_draft", !resubmitting},
        {"more_info_note", resubmitting && !existing->triage_notes.empty()
                               ? nlohmann::json(existing->triage_notes)
                               : nlohmann::json(false)},
    };
    return render_page(ctx, resubmitting ? "Resubmit request" : "Ask for outreach support",
                       "request_form", view, status);
}

//! What the list can be searched and sorted by, as the query string names them.
constexpr std::array<std::string_view, 7> kFilterNames{
    "q", "sort", "status", "level", "need", "school_urn", "older_than_days"};

//! The search and filter form's fields, holding what the query asked for.
nlohmann::json filter_fields(const http::FormData& query) {
    FormView form;
    static const Options sort_choices{{"", "Oldest request first"},
                                      {"-submitted_at", "Newest request first"},
                                      {"preferred_date", "Preferred date, soonest first"},
                                      {"-preferred_date", "Preferred date, latest first"},
                                      {"school", "School name, A to Z"},
                                      {"-school", "School name, Z to A"}};
    return nlohmann::json{
        {"q", form.input("q", "Search", query.get("q"),
                         {.hint = "A school's name, a practitioner's name or a reference like "
                                  "OR-00042"})},
        {"sort", form.select("sort", "Sort by", sort_choices, query.get("sort"))},
        {"status", form.select("status", "Status", options_of(request_status_terms(), "Any status"),
                               query.get("status"))},
        {"level",
         form.select("level", "Level", options_of(grade_terms(), "Any level"), query.get("level"))},
        {"need", form.select("need", "Primary need", options_of(primary_need_terms(), "Any need"),
                             query.get("need"))},
        {"school_urn", form.input("school_urn", "School URN", query.get("school_urn"),
                                  {.width = "10", .inputmode = "numeric"})},
        {"older_than_days",
         form.input("older_than_days", "Waiting at least (days)", query.get("older_than_days"),
                    {.width = "3", .inputmode = "numeric"})},
    };
}

}  // namespace

Response requests_list(RequestContext& ctx) {
    auto query = ctx.query();
    const Actor& actor = ctx.actor();
    bool coordinator = actor.role == Role::coordinator || actor.role == Role::admin;
    auto filter = request_filter_from(query, query.get("cursor"), kDefaultPageSize);
    if (!filter) return error_page(ctx, filter.error());
    auto page = list_request_rows(ctx.services, actor, *filter);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : page.items) rows.push_back(request_summary_view(r));
    std::vector<std::pair<std::string, std::string>> kept;
    for (std::string_view name : kFilterNames)
        if (auto value = query.get(name); !value.empty()) kept.emplace_back(name, value);
    bool searching = !kept.empty();
    // Most visits to the list search for nothing, and then the form is always the same: it is
    // built once and rendered from where it is, not copied into each view.
    static const nlohmann::json blank_form{{"fields", filter_fields(http::FormData{})}};
    auto with_cursor = kept;
    if (page.next_cursor) with_cursor.emplace_back("cursor", *page.next_cursor);
    std::string heading = is_school_role(actor.role)         ? "Your school's requests"
                          : actor.role == Role::practitioner ? "Your outreach work"
                                                             : "Outreach requests";
    const std::size_t count = rows.size();
    nlohmann::json view{
        {"heading", heading},
        {"requests", std::move(rows)},
        {"has_requests", count > 0},
        {"count_text", count == 0
                           ? "No requests match"
                           : std::to_string(count) + (count == 1 ? " request" : " requests")},
        {"empty_text",
         searching ? "No requests match your search. Try fewer words or clear the filters."
         : allows(actor, Permission::submit_requests)
             ? "You have not asked for outreach support yet. Ask for support for one child or a "
               "group and the trust will reply within a week."
             : "There are no requests yet. They will appear here when schools send them."},
        {"can_create", allows(actor, Permission::submit_requests)},
        {"show_filters", coordinator},
        {"csv_href", "/api/v1/requests.csv" + query_string(kept)},
        {"next_href", page.next_cursor ? nlohmann::json("/requests" + query_string(with_cursor))
                                       : nlohmann::json(false)},
    };
    const nlohmann::json searched_form =
        searching ? nlohmann::json{{"fields", filter_fields(query)}} : nlohmann::json();
    return render_page_sharing(ctx, heading, "requests_list", std::move(view),
                               searching ? searched_form : blank_form);
}

Response request_new(RequestContext& ctx) {
    RequestInput blank;
    if (ctx.actor().school_urn) blank.school_urn = std::to_string(ctx.actor().school_urn->value);
    // "?service=educational_psychology" asks for that service's days instead of outreach.
    if (auto service = parse_term(service_terms(), ctx.query().get("service")))
        blank.service = std::string(term_of(service_terms(), *service).code);
    return render_form(ctx, blank, FormView{}, std::nullopt, 200);
}

Response request_create(RequestContext& ctx) {
    auto input = request_input_from_form(ctx.form);
    if (ctx.form.get("action") == "add_pupil")
        return render_form(ctx, input, FormView{}, std::nullopt, 200, true);
    auto mode = ctx.form.get("action") == "draft" ? Submission::draft : Submission::submit;
    auto created = create_request(ctx.services, ctx.actor(), input, mode, ctx.acting());
    if (!created) {
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_form(ctx, input, form, std::nullopt, status);
        });
    }
    return redirect_with_flash(ctx, "/requests/" + std::to_string(created->id.value),
                               mode == Submission::draft
                                   ? "Draft " + created->reference + " saved"
                                   : "Request submitted. Your reference is " + created->reference);
}

Response request_show(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    auto r = id ? open_request(ctx.services, ctx.actor(), *id, ctx.acting())
                : std::unexpected(Error::not_found());
    if (!r) return error_page(ctx, r.error());
    return render_request_page(ctx, *r, FormView{}, 200);
}

Response request_edit(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    auto r = id ? get_request(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!r) return error_page(ctx, r.error());
    if (r->status != RequestStatus::draft && r->status != RequestStatus::more_info)
        return error_page(
            ctx, Error::conflict("not_editable", "This request can no longer be changed."));
    return render_form(ctx, r->input, FormView{}, *r, 200);
}

Response request_update(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    auto r = id ? get_request(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!r) return error_page(ctx, r.error());
    auto input = request_input_from_form(ctx.form);
    input.school_urn = std::to_string(r->school_urn.value);
    if (ctx.form.get("action") == "add_pupil")
        return render_form(ctx, input, FormView{}, *r, 200, true);
    Result<RequestRecord> saved =
        r->status == RequestStatus::more_info
            ? resubmit_request(ctx.services, ctx.actor(), *id, input, ctx.acting())
            : update_draft(
                  ctx.services, ctx.actor(), *id, input,
                  ctx.form.get("action") == "draft" ? Submission::draft : Submission::submit,
                  ctx.acting());
    if (!saved) {
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_form(ctx, input, form, *r, status);
        });
    }
    return redirect_with_flash(ctx, "/requests/" + std::to_string(id->value),
                               saved->status == RequestStatus::draft
                                   ? "Draft saved"
                                   : "Request " + saved->reference + " submitted");
}

Response request_triage(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    TriageDecision d{ctx.form.get("decision"), ctx.form.get("expertise_level"),
                     ctx.form.get("notes")};
    return after_action(ctx, *id, triage_request(ctx.services, ctx.actor(), *id, d, ctx.acting()),
                        "Decision saved and the school told");
}

Response request_cancel(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    return after_action(
        ctx, *id,
        cancel_request(ctx.services, ctx.actor(), *id, ctx.form.get("reason"), ctx.acting()),
        "Request cancelled");
}

Response request_delete(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto deleted = delete_draft(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!deleted) return error_page(ctx, deleted.error());
    return redirect_with_flash(ctx, "/requests", "Draft deleted");
}

namespace {
Response request_assign_form(RequestContext& ctx, const FormView& form, int status) {
    auto id = id_param<RequestId>(ctx);
    auto r = id ? get_request(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!r) return error_page(ctx, r.error());
    auto candidates = request_candidates(ctx.services, ctx.actor(), *id);
    if (!candidates) return error_page(ctx, candidates.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : *candidates) {
        std::string reasons;
        for (const auto& reason : c.reasons) reasons += (reasons.empty() ? "" : " · ") + reason;
        rows.push_back({{"id", std::to_string(c.id.value)},
                        {"input_id", "practitioner-" + std::to_string(c.id.value)},
                        {"name", c.name},
                        {"score", fmt::format("{:.1f}", c.score)},
                        {"reasons", reasons},
                        {"checked", r->practitioner_id && *r->practitioner_id == c.id}});
    }
    Grade level = r->accepted_level.value_or(Grade::teacher);
    nlohmann::json view{
        {"summary", form.summary()},
        {"r", request_summary_view(*r)},
        {"level", std::string(term_of(level_terms(), level).label)},
        {"options", rows},
        {"fields", {{"practitioner_id", form.group("practitioner_id", "Practitioner")}}},
    };
    return render_page(ctx, "Choose a practitioner", "request_assign", std::move(view), status);
}
}  // namespace

Response request_assign(RequestContext& ctx) {
    return request_assign_form(ctx, FormView{}, 200);
}

Response request_assign_submit(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto assigned = assign_request(ctx.services, ctx.actor(), *id, ctx.form.get("practitioner_id"),
                                   ctx.acting());
    if (!assigned) {
        return form_failure(ctx, assigned.error(), [&](const FormView& form, int status) {
            return request_assign_form(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/requests/" + std::to_string(id->value),
                               assigned->practitioner_name + " is assigned");
}

}  // namespace sendhub::pages
