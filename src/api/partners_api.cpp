#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/partner_json.hpp"
#include "core/text.hpp"
#include "service/partners_service.hpp"

namespace sendhub::api {
namespace {

//! Lays the fields the body names over `in` (an edit keeps what it leaves out).
void overlay(JsonFields& f, PartnershipInput& in) {
    auto put = [&](const char* name, std::string& field) {
        if (f.has(name)) field = f.text(name);
    };
    put("kind", in.kind);
    put("model", in.model);
    put("organisation", in.organisation);
    put("starts_on", in.starts_on);
    put("ends_on", in.ends_on);
    put("review_due_on", in.review_due_on);
    put("notes", in.notes);
    if (f.has("school_urns")) in.school_urns = f.strings("school_urns");
    if (f.has("services")) in.services = f.strings("services");
    if (!f.has("lead_contact")) return;
    const auto& lead = f.object()["lead_contact"];
    if (!lead.is_object()) {
        f.fail({"lead_contact", "invalid_type", "lead_contact must be an object with a name"});
        return;
    }
    JsonFields contact(lead);
    in.lead_name = contact.text("name");
    in.lead_email = contact.text("email");
    in.lead_phone = contact.text("phone");
    if (auto checked = contact.check(); !checked)
        for (auto field : checked.error().fields) {
            field.field = "lead_contact." + field.field;
            f.fail(std::move(field));
        }
}

Result<PartnershipFilter> partnership_filter(const http::FormData& query) {
    PartnershipFilter filter;
    auto params = list_params(query);
    if (!params) return std::unexpected(params.error());
    filter.limit = params->limit;
    filter.after_id = parse_int(params->cursor);
    if (auto text = query.get("status"); !text.empty()) {
        filter.status = parse_term(partnership_status_terms(), text);
        if (!filter.status)
            return std::unexpected(
                Error::invalid("status", "invalid", "status must be active or ended"));
    }
    if (auto text = query.get("kind"); !text.empty()) {
        filter.kind = parse_term(partnership_kind_terms(), text);
        if (!filter.kind)
            return std::unexpected(
                Error::invalid("kind", "invalid", "kind must be formal or informal"));
    }
    SENDHUB_ASSIGN_OR_RETURN(filter.school_urn, school_filter(query));
    if (auto text = query.get("review_due_by"); !text.empty()) {
        filter.review_due_by = parse_date(text);
        if (!filter.review_due_by)
            return std::unexpected(Error::invalid("review_due_by", "invalid",
                                                  "review_due_by must be a date like 2027-03-31"));
    }
    return filter;
}

}  // namespace

Response partnerships_list(RequestContext& ctx) {
    auto filter = partnership_filter(ctx.query());
    if (!filter) return json_error(filter.error());
    auto page = list_partnerships(ctx.services, ctx.actor(), *filter);
    bool notes = sees_partnership_notes(ctx.actor());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : page.items) items.push_back(partnership_json(p, notes));
    return json_response(200, list_body(items, page.next_cursor));
}

Response partnership_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    PartnershipInput input;
    overlay(f, input);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(create_partnership(ctx.services, input, ctx.acting()), 201,
                   [](const Partnership& p) { return partnership_json(p); });
}

Response partnership_get(RequestContext& ctx) {
    auto id = id_param<PartnershipId>(ctx);
    if (!id) return json_error(Error::not_found("No such partnership."));
    bool notes = sees_partnership_notes(ctx.actor());
    return respond(get_partnership(ctx.services, ctx.actor(), *id), 200,
                   [&](const Partnership& p) { return partnership_json(p, notes); });
}

Response partnership_update(RequestContext& ctx) {
    auto id = id_param<PartnershipId>(ctx);
    if (!id) return json_error(Error::not_found("No such partnership."));
    auto current = get_partnership(ctx.services, ctx.actor(), *id);
    if (!current) return json_error(current.error());
    auto f = JsonFields::from_body(ctx.request);
    PartnershipInput input = partnership_input_of(*current);
    overlay(f, input);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(update_partnership(ctx.services, *id, input, ctx.acting()), 200,
                   [](const Partnership& p) { return partnership_json(p); });
}

Response partnership_end(RequestContext& ctx) {
    auto id = id_param<PartnershipId>(ctx);
    if (!id) return json_error(Error::not_found("No such partnership."));
    auto f = JsonFields::from_body(ctx.request);
    auto ends_on = f.text("ends_on");
    auto reason = f.text("reason");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(end_partnership(ctx.services, *id, ends_on, reason, ctx.acting()), 200,
                   [](const Partnership& p) { return partnership_json(p); });
}

Response school_history_get(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No school with this URN."));
    auto history = school_history(ctx.services, ctx.actor(), *urn);
    if (!history) return json_error(history.error());
    nlohmann::json partnerships = nlohmann::json::array();
    for (const auto& p : history->partnerships)
        partnerships.push_back(
            {{"id", p.id.value},
             {"kind", term_of(partnership_kind_terms(), p.kind).code},
             {"model", p.model},
             {"status", term_of(partnership_status_terms(), p.status).code},
             {"starts_on", format_date(p.starts_on)},
             {"ends_on", p.ends_on ? nlohmann::json(format_date(*p.ends_on)) : nlohmann::json()}});
    return json_response(
        200,
        {{"urn", urn->value},
         {"relationship", term_of(school_relationship_terms(), history->relationship).code},
         {"partnerships", partnerships},
         {"requests",
          {{"count", history->requests},
           {"open", history->open_requests},
           {"by_status", history->requests_by_status}}},
         {"packages",
          {{"count", history->packages},
           {"days", history->package_days},
           {"days_left", history->package_days_left}}},
         {"invoices", {{"count", history->invoices}, {"total_pence", history->invoiced_pence}}}});
}

}  // namespace sendhub::api
