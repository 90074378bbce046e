#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/partner_json.hpp"
#include "core/text.hpp"
#include "service/front_door_service.hpp"

namespace sendhub::api {
namespace {

std::optional<EnquiryId> enquiry_id(const RequestContext& ctx) {
    return id_param<EnquiryId>(ctx);
}

Error no_enquiry() {
    return Error::not_found("No such enquiry.");
}

nlohmann::json offer_json(const OutreachOffer& offer) {
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& level : offer.levels)
        levels.push_back({{"level", term_of(level_terms(), level.level).code},
                          {"title", term_of(level_terms(), level.level).label},
                          {"day_rate_pence", level.day_rate_pence}});
    return {{"service", "outreach"},
            {"summary", kOfferSummary},
            {"who_for", kOfferWhoFor},
            {"how_to_ask", kOfferHowToAsk},
            {"prices_on", format_date(offer.prices_on)},
            {"levels", levels},
            {"mileage_pence",
             offer.mileage_pence ? nlohmann::json(*offer.mileage_pence) : nlohmann::json(nullptr)}};
}

}  // namespace

Response public_offer(RequestContext& ctx) {
    return json_response(200, offer_json(current_offer(ctx.services)));
}

Response public_school_get(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No school with this URN."));
    return respond(public_school(ctx.services, *urn), 200, [](const School& s) {
        return nlohmann::json{{"urn", s.urn.value},
                              {"name", s.name},
                              {"postcode", s.postcode},
                              {"local_authority", s.local_authority}};
    });
}

Response enquiry_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    EnquiryInput input{f.text("name"),       f.text("email"), f.text("organisation"),
                       f.text("school_urn"), f.text("topic"), f.text("message")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(send_enquiry(ctx.services, input, ctx.client_address(), ctx.acting()), 201,
                   enquiry_json);
}

Response enquiries_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto params = list_params(query);
    if (!params) return json_error(params.error());
    EnquiryFilter filter{.status = std::nullopt,
                         .topic = std::nullopt,
                         .before_id = parse_int(params->cursor),
                         .limit = params->limit};
    if (auto text = query.get("status"); !text.empty()) {
        filter.status = parse_term(enquiry_status_terms(), text);
        if (!filter.status)
            return json_error(
                Error::invalid("status", "invalid", "status must be new, in_progress or closed"));
    }
    if (auto text = query.get("topic"); !text.empty()) {
        filter.topic = parse_term(enquiry_topic_terms(), text);
        if (!filter.topic)
            return json_error(Error::invalid("topic", "invalid", "topic is not one of the list"));
    }
    auto page = list_enquiries(ctx.services, filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : page.items) items.push_back(enquiry_json(e));
    return json_response(200, list_body(items, page.next_cursor));
}

Response enquiry_get(RequestContext& ctx) {
    auto id = enquiry_id(ctx);
    if (!id) return json_error(no_enquiry());
    return respond(get_enquiry(ctx.services, *id), 200, enquiry_json);
}

Response enquiry_assign(RequestContext& ctx) {
    auto id = enquiry_id(ctx);
    if (!id) return json_error(no_enquiry());
    auto f = JsonFields::from_body(ctx.request);
    auto user = f.text("user_id");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(assign_enquiry(ctx.services, *id, user, ctx.acting()), 200, enquiry_json);
}

Response enquiry_note(RequestContext& ctx) {
    auto id = enquiry_id(ctx);
    if (!id) return json_error(no_enquiry());
    auto f = JsonFields::from_body(ctx.request);
    auto text = f.text("text");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(
        add_enquiry_note(ctx.services, *id, text, ctx.acting()), 201, [](const EnquiryNote& n) {
            return nlohmann::json{
                {"id", n.id},
                {"author", n.author},
                {"text", n.text},
                {"created_at", format_timestamp(Timestamp{std::chrono::seconds{n.created_at}})}};
        });
}

Response enquiry_close(RequestContext& ctx) {
    auto id = enquiry_id(ctx);
    if (!id) return json_error(no_enquiry());
    auto f = JsonFields::from_body(ctx.request);
    auto outcome = f.text("outcome");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(close_enquiry(ctx.services, *id, outcome, ctx.acting()), 200, enquiry_json);
}

}  // namespace sendhub::api
