// CPD, networks and events (api-contract-events.md).
#include "adapter/download.hpp"
#include "adapter/event_documents.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/paged.hpp"
#include "api/respond.hpp"
#include "core/text.hpp"
#include "service/event_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json strings_json(const std::vector<std::string>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : items) out.push_back(s);
    return out;
}

nlohmann::json event_json(const EventRecord& e) {
    const auto& d = e.details;
    nlohmann::json audience = nlohmann::json::array();
    for (auto a : d.audience) audience.push_back(term_of(audience_terms(), a).code);
    return {
        {"id", e.id},
        {"series_id", e.series_id ? nlohmann::json(*e.series_id) : nlohmann::json(nullptr)},
        {"title", d.title},
        {"kind", term_of(event_kind_terms(), d.kind).code},
        {"audience", audience},
        {"summary", d.summary},
        {"starts_at", format_local_time(d.starts_at)},
        {"ends_at", format_local_time(d.ends_at)},
        {"venue", d.venue},
        {"online_url", d.online_url},
        {"capacity", d.capacity},
        {"price_pence", d.price_pence},
        {"tags", strings_json(d.tags)},
        {"places_left", e.places_left()},
        {"waitlisted", e.waitlisted},
    };
}

nlohmann::json series_json(const SeriesRecord& series) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : series.events) events.push_back(event_json(e));
    return {{"id", series.id}, {"title", series.title}, {"events", events}};
}

//! The public listing: no link to join and nothing about who booked.
nlohmann::json public_event_json(const EventRecord& e) {
    const auto& d = e.details;
    return {
        {"id", e.id},
        {"title", d.title},
        {"kind", term_of(event_kind_terms(), d.kind).code},
        {"summary", d.summary},
        {"starts_at", format_local_time(d.starts_at)},
        {"ends_at", format_local_time(d.ends_at)},
        {"venue", d.venue},
        {"online", !d.online_url.empty()},
        {"price_pence", d.price_pence},
        {"places_left", e.places_left()},
        {"tags", strings_json(d.tags)},
    };
}

nlohmann::json booking_json(const BookingRecord& b) {
    return {
        {"id", b.id},
        {"event_id", b.event_id},
        {"school_urn", b.school_urn.value},
        {"attendee_name", b.attendee_name},
        {"attendee_email", b.attendee_email},
        {"status", term_of(booking_status_terms(), b.status).code},
        {"attended", b.attended ? nlohmann::json(*b.attended) : nlohmann::json(nullptr)},
        {"created_at", format_timestamp(b.created_at)},
    };
}

nlohmann::json bookings_json(const std::vector<BookingRecord>& bookings) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& b : bookings) items.push_back(booking_json(b));
    return items;
}

//! A whole number, or nothing (the domain then says what is wrong); "30" is not a number.
std::optional<std::int64_t> whole_number(const JsonFields& f, const std::string& name) {
    if (!f.has(name)) return std::nullopt;
    const auto& v = f.object()[name];
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float()) {
        const double x = v.get<double>();
        if (x == static_cast<double>(static_cast<std::int64_t>(x)))
            return static_cast<std::int64_t>(x);
    }
    return std::nullopt;
}

EventInput event_input(JsonFields& f) {
    EventInput in;
    in.title = f.text("title");
    in.kind = f.text("kind");
    in.audience = f.strings("audience");
    in.summary = f.text("summary");
    in.starts_at = f.text("starts_at");
    in.ends_at = f.text("ends_at");
    in.venue = f.text("venue");
    in.online_url = f.text("online_url");
    in.capacity = whole_number(f, "capacity");
    in.price_pence = whole_number(f, "price_pence");
    in.tags = f.strings("tags");
    return in;
}

}  // namespace

Response events_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto input = event_input(f);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(create_event(ctx.services, ctx.actor(), input, ctx.acting()), 201, event_json);
}

Response event_series_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto input = event_input(f);
    std::vector<SessionTimes> sessions;
    if (f.has("sessions")) {
        const auto& list = f.object()["sessions"];
        if (!list.is_array()) {
            f.fail({"sessions", "invalid", "sessions must be a list of start and end times"});
        } else {
            for (std::size_t i = 0; i < list.size(); ++i) {
                const auto& one = list[i];
                auto time_of = [&](const char* key) {
                    return one.is_object() && one.contains(key) && one[key].is_string()
                               ? one[key].get<std::string>()
                               : std::string();
                };
                sessions.push_back({time_of("starts_at"), time_of("ends_at")});
            }
        }
    }
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(create_series(ctx.services, ctx.actor(), input, sessions, ctx.acting()), 201,
                   series_json);
}

Response events_list(RequestContext& ctx) {
    EventFilter filter;
    const auto& q = ctx.query();
    if (auto series = q.get("series_id"); !series.empty()) {
        auto id = parse_int(series);
        if (!id) return json_error(Error::invalid("series_id", "invalid", "series_id is a number"));
        filter.series_id = *id;
    }
    if (auto tag = q.get("tag"); !tag.empty()) filter.tag = to_lower(trim(tag));
    if (auto upcoming = q.get("upcoming"); !upcoming.empty()) {
        if (upcoming != "true" && upcoming != "false")
            return json_error(Error::invalid("upcoming", "invalid", "upcoming is true or false"));
        if (upcoming == "true")
            filter.starting_after =
                format_local_time(london_local_time(ctx.services.clock().now()));
    }
    return paged(ctx, list_events(ctx.services, ctx.actor(), filter), event_json);
}

Response public_events_list(RequestContext& ctx) {
    return paged(ctx, public_events(ctx.services), public_event_json);
}

Response event_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such event."));
    return respond(get_event(ctx.services, ctx.actor(), *id), 200, event_json);
}

Response event_ics_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such event."));
    auto ics = event_ics(ctx.services, ctx.actor(), *id);
    if (!ics) return json_error(ics.error());
    return download(std::move(*ics), "text/calendar; charset=utf-8",
                    "event-" + std::to_string(*id) + ".ics", false);
}

Response event_series_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such series."));
    return respond(get_series(ctx.services, ctx.actor(), *id), 200, series_json);
}

Response event_booking_create(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such event."));
    auto f = JsonFields::from_body(ctx.request);
    auto name = f.text("attendee_name");
    auto email = f.text("attendee_email");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(book_place(ctx.services, ctx.actor(), *id, name, email, ctx.acting()), 201,
                   booking_json);
}

Response event_bookings_list(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such event."));
    auto bookings = list_bookings(ctx.services, ctx.actor(), *id);
    if (!bookings) return json_error(bookings.error());
    return paged(ctx, *bookings, booking_json);
}

Response booking_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such booking."));
    return respond(get_booking(ctx.services, ctx.actor(), *id), 200,
                   [](const SeenBooking& s) { return booking_json(s.booking); });
}

Response booking_cancel(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such booking."));
    return respond(cancel_booking(ctx.services, ctx.actor(), *id, ctx.acting()), 200, booking_json);
}

Response event_register(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such event."));
    auto f = JsonFields::from_body(ctx.request);
    std::vector<std::pair<std::int64_t, bool>> attendance;
    const auto& list =
        f.object().contains("attendance") ? f.object()["attendance"] : nlohmann::json();
    if (!list.is_array()) {
        f.fail({"attendance", "invalid", "attendance must be a list of bookings"});
    } else {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& one = list[i];
            const std::string at = "attendance[" + std::to_string(i) + "]";
            if (!one.is_object() || !one.contains("booking_id") ||
                !one["booking_id"].is_number_integer()) {
                f.fail({at + ".booking_id", "invalid", "Give the booking's id"});
                continue;
            }
            if (!one.contains("attended") || !one["attended"].is_boolean()) {
                f.fail({at + ".attended", "invalid", "attended is true or false"});
                continue;
            }
            attendance.emplace_back(one["booking_id"].get<std::int64_t>(),
                                    one["attended"].get<bool>());
        }
    }
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(take_register(ctx.services, ctx.actor(), *id, attendance, ctx.acting()), 200,
                   [](const std::vector<BookingRecord>& b) {
                       return nlohmann::json{{"items", bookings_json(b)}};
                   });
}

Response booking_certificate(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such booking."));
    auto certificate = certificate_for(ctx.services, ctx.actor(), *id);
    if (!certificate) return json_error(certificate.error());
    return download(certificate_pdf(*certificate), "application/pdf", certificate_filename(*id),
                    true);
}

Response booking_feedback_create(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such booking."));
    auto f = JsonFields::from_body(ctx.request);
    auto rating = whole_number(f, "rating");
    auto comment = f.text("comment");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(give_feedback(ctx.services, ctx.actor(), *id, rating, comment, ctx.acting()),
                   201, [](const EventFeedbackRecord& r) {
                       return nlohmann::json{{"booking_id", r.booking_id},
                                             {"rating", r.rating},
                                             {"comment", r.comment}};
                   });
}

Response event_feedback_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such event."));
    return respond(
        event_feedback(ctx.services, ctx.actor(), *id), 200, [](const FeedbackSummary& s) {
            nlohmann::json items = nlohmann::json::array();
            for (const auto& r : s.items)
                items.push_back(
                    {{"booking_id", r.booking_id}, {"rating", r.rating}, {"comment", r.comment}});
            nlohmann::json average = nullptr;
            if (s.average_hundredths) average = static_cast<double>(*s.average_hundredths) / 100.0;
            return nlohmann::json{
                {"count", s.items.size()}, {"average_rating", average}, {"items", items}};
        });
}

}  // namespace sendhub::api
