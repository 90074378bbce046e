// Training and events: the public listing, an event's page with its booking form, the
// organiser's bookings and register, feedback, certificates and calendar files.
#include "adapter/download.hpp"
#include "adapter/event_documents.hpp"
#include "core/money_input.hpp"
#include "core/text.hpp"
#include "service/event_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

std::string price_text(std::int64_t pence) {
    return pence == 0 ? std::string("Free") : money(pence) + " a place";
}

std::string places_text(const EventRecord& e) {
    const auto left = e.places_left();
    if (left <= 0) return "Full: new bookings join the waiting list";
    return std::to_string(left) + (left == 1 ? " place left" : " places left");
}

nlohmann::json event_card(const EventRecord& e, bool signed_in) {
    const auto& d = e.details;
    std::string tags;
    for (const auto& t : d.tags) tags += (tags.empty() ? "" : ", ") + t;
    return {
        {"href", "/events/" + std::to_string(e.id)},
        {"signed_in", signed_in},
        {"title", d.title},
        {"kind", term_of(event_kind_terms(), d.kind).label},
        {"when", format_event_when(d.starts_at, d.ends_at)},
        {"where", event_where(d)},
        {"price", price_text(d.price_pence)},
        {"places", places_text(e)},
        {"full", e.places_left() <= 0},
        {"summary", d.summary},
        {"tags", tags.empty() ? nlohmann::json(false) : nlohmann::json(tags)},
    };
}

std::string audience_text(const EventDetails& d) {
    std::string out;
    for (auto a : d.audience) {
        if (!out.empty()) out += ", ";
        out += term_of(audience_terms(), a).label;
    }
    return out;
}

Options kind_options() {
    return options_of(event_kind_terms());
}

Options audience_options() {
    return options_of(audience_terms());
}

// ---- The organiser's form ----------------------------------------------------------------

//! Further dates typed one per line, as 2027-02-24 or 24/2/2027.
std::optional<Date> typed_date(std::string_view line) {
    if (auto iso = parse_date(line)) return iso;
    auto parts = split(line, '/');
    if (parts.size() != 3) return std::nullopt;
    return parse_date(date_from_parts(parts[0], parts[1], parts[2]));
}

Response render_event_form(RequestContext& ctx, const FormView& form, int status) {
    const auto& f = ctx.form;
    auto audience = f.get_all("audience");
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields",
         {{"title", form.input("title", "Title", f.get("title"))},
          {"kind", form.radios("kind", "What kind of event is it?", kind_options(), f.get("kind"))},
          {"audience", form.checkboxes("audience", "Who is it for?", audience_options(),
                                       std::set<std::string>(audience.begin(), audience.end()),
                                       "Anyone: it is listed on the public events page too")},
          {"summary_text", form.textarea("summary", "What it covers", f.get("summary"),
                                         "Shown to everyone who can see the event", 6)},
          {"date", form.date_input("date", "Date", f.get("date"),
                                   date_example(ctx.services.clock().today()))},
          {"start_time", form.input("start_time", "Start time", f.get("start_time"),
                                    {.hint = "For example, 9:30am or 13:30", .width = "5"})},
          {"end_time", form.input("end_time", "End time", f.get("end_time"),
                                  {.hint = "For example, 3pm or 15:00", .width = "5"})},
          {"more_dates",
           form.textarea("more_dates", "Further dates (optional)", f.get("more_dates"),
                         "For a series such as half-termly network meetings: one date per line, "
                         "like 24/2/2027, each at the same times. Up to 19 more.",
                         4)},
          {"venue", form.input("venue", "Venue (optional if online)", f.get("venue"),
                               {.hint = "Name and town, like Kingsmoor Academy, Taunton"})},
          {"online_url",
           form.input("online_url", "Link to join online (optional)", f.get("online_url"),
                      {.hint = "Starts with https://", .type = "url", .spellcheck = false})},
          {"capacity", form.input("capacity", "Places", f.get("capacity"),
                                  {.width = "4", .inputmode = "numeric"})},
          {"price",
           form.pounds("price", "Price of a place", f.get("price"), "Enter 0 for a free event")},
          {"tags", form.input("tags", "Tags (optional)", f.get("tags"),
                              {.hint = "Separated by commas, like autism, slcn"})}}},
    };
    return render_page(ctx, "Create an event", "event_form", std::move(view), status);
}

//! The date and times the form was given, read as people type them. What is wrong with a box
//! is said beside it; the service then need not say it again.
struct TypedTimes {
    std::string starts_at;  // "2027-01-14T09:30", or "" when the date or time is not right
    std::string ends_at;
    std::optional<Date> date;
    std::optional<int> start;
    std::optional<int> end;
    std::vector<FieldError> problems;
};

TypedTimes typed_times(const http::FormData& f) {
    TypedTimes t;
    t.date = parse_date(f.get("date"));
    if (!t.date) t.problems.push_back({"date", "invalid", date_problem(f.get("date"), "the date")});
    auto clock_of = [&](const char* box, const char* what, const char* example) {
        auto minutes = parse_clock(f.get(box));
        if (!minutes)
            t.problems.push_back({box, "invalid",
                                  trim(f.get(box)).empty()
                                      ? std::string("Enter the ") + what
                                      : std::string("Enter the ") + what + " like " + example});
        return minutes;
    };
    t.start = clock_of("start_time", "start time", "9:30am or 13:30");
    t.end = clock_of("end_time", "end time", "3pm or 15:00");
    if (t.date && t.start) t.starts_at = format_local_time({*t.date, *t.start});
    if (t.date && t.end) t.ends_at = format_local_time({*t.date, *t.end});
    return t;
}

//! The service's errors moved to the boxes that hold them: the first session's times to the
//! time boxes, a later session's to the further dates, the price to the pounds box (with
//! what that box said about the amount typed), and the boxes' own problems first.
Error errors_on_boxes(Error error, const TypedTimes& times,
                      const std::optional<std::string>& price_problem) {
    if (error.kind != ErrorKind::unprocessable) return error;
    std::vector<FieldError> kept = times.problems;
    const bool times_known = times.problems.empty();
    for (auto& f : error.fields) {
        if (f.field == "starts_at" || f.field == "sessions[0].starts_at") {
            if (!times_known) continue;
            f.field = "start_time";
        } else if (f.field == "ends_at" || f.field == "sessions[0].ends_at") {
            if (!times_known) continue;
            f.field = "end_time";
            f.message = "The end time must be after the start time";
        } else if (f.field.starts_with("sessions")) {
            f.field = "more_dates";
        } else if (f.field == "price_pence") {
            f.field = "price";
            if (price_problem) f.message = *price_problem;
        }
        const bool seen =
            std::ranges::any_of(kept, [&](const FieldError& k) { return k.field == f.field; });
        if (!seen) kept.push_back(std::move(f));
    }
    return Error::validation(std::move(kept));
}

// ---- An event's page ---------------------------------------------------------------------

//! `open`: the event has not started, so a live place may still be cancelled.
nlohmann::json booking_row(const BookingRecord& b, bool open, const Actor& actor) {
    const bool live = b.status == BookingStatus::confirmed || b.status == BookingStatus::waitlisted;
    const bool attended = b.attended == true;
    return {
        {"id", b.id},
        // The retention job empties names and addresses six years after the event.
        {"name", b.attendee_name.empty() ? std::string("Name removed") : b.attendee_name},
        {"email", b.attendee_email},
        {"school", b.school_name},
        {"status", term_of(booking_status_terms(), b.status).label},
        {"confirmed", b.status == BookingStatus::confirmed},
        {"waitlisted", b.status == BookingStatus::waitlisted},
        {"attended", b.attended ? (attended ? "Attended" : "Did not attend") : ""},
        {"checked", attended},
        {"can_cancel", live && open},
        {"certificate", attended},
        {"can_give_feedback", attended && !b.has_feedback && is_school_role(actor.role)},
    };
}

Response render_event(RequestContext& ctx, const EventRecord& e, const FormView& form, int status) {
    const Actor& actor = ctx.actor();
    const auto& d = e.details;
    const bool organiser = organises_events(actor.role);
    const bool open = !event_started(d.starts_at, ctx.services.clock().now());
    const bool books = is_school_role(actor.role) && actor.school_urn.has_value();

    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json register_rows = nlohmann::json::array();
    if (organiser || books) {
        if (auto bookings = list_bookings(ctx.services, actor, e.id)) {
            for (const auto& b : *bookings) {
                auto row = booking_row(b, open, actor);
                if (organiser && b.status == BookingStatus::confirmed) register_rows.push_back(row);
                rows.push_back(std::move(row));
            }
        }
    }
    nlohmann::json feedback = false;
    if (organiser) {
        if (auto summary = event_feedback(ctx.services, actor, e.id);
            summary && !summary->items.empty()) {
            nlohmann::json comments = nlohmann::json::array();
            for (const auto& f : summary->items)
                if (!f.comment.empty()) comments.push_back(f.comment);
            const auto avg = *summary->average_hundredths;
            const auto n = summary->items.size();
            feedback = {{"count", std::to_string(n) + (n == 1 ? " response" : " responses")},
                        {"average", std::to_string(avg / 100) + "." + (avg % 100 < 10 ? "0" : "") +
                                        std::to_string(avg % 100)},
                        {"comments", comments},
                        {"has_comments", !comments.empty()}};
        }
    }
    nlohmann::json view{
        {"summary", form.summary()},
        {"event", event_card(e, true)},
        {"id", e.id},
        {"summary_text", d.summary},
        {"audience", audience_text(d)},
        {"online_url", d.online_url.empty() ? nlohmann::json(false) : nlohmann::json(d.online_url)},
        {"waiting_list", std::to_string(e.waitlisted) + " waiting, " + std::to_string(d.capacity) +
                             (d.capacity == 1 ? " place in all" : " places in all")},
        {"started", !open},
        {"series_href", e.series_id
                            ? nlohmann::json("/events?series_id=" + std::to_string(*e.series_id))
                            : nlohmann::json(false)},
        {"can_book", books && open},
        {"booking_fields",
         {{"attendee_name", form.input("attendee_name", "Name of the person attending",
                                       ctx.form.get("attendee_name"), {.autocomplete = "off"})},
          {"attendee_email",
           form.input("attendee_email", "Their email address", ctx.form.get("attendee_email"),
                      {.hint = "We email the confirmation and any change to this address",
                       .type = "email",
                       .autocomplete = "off",
                       .spellcheck = false})}}},
        {"organiser", organiser},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"shows_bookings", organiser || books},
        {"register_rows", register_rows},
        {"has_register", organiser && !register_rows.empty()},
        {"feedback", feedback},
    };
    return render_page(ctx, d.title, "event_show", std::move(view), status);
}

Response render_feedback_form(RequestContext& ctx, const SeenBooking& seen, const FormView& form,
                              int status) {
    Options ratings{{"5", "5: very good"},
                    {"4", "4: good"},
                    {"3", "3: neither good nor poor"},
                    {"2", "2: poor"},
                    {"1", "1: very poor"}};
    nlohmann::json view{
        {"summary", form.summary()},
        {"booking_id", seen.booking.id},
        {"event_id", seen.event.id},
        {"title", seen.event.details.title},
        {"attendee", seen.booking.attendee_name},
        {"rating", form.radios("rating", "How useful was it?", ratings, ctx.form.get("rating"))},
        {"comment", form.textarea("comment", "What worked, and what could be better? (optional)",
                                  ctx.form.get("comment"))},
    };
    return render_page(ctx, "Feedback on " + seen.event.details.title, "event_feedback", view,
                       status);
}

std::optional<std::int64_t> page_id(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id || *id <= 0) return std::nullopt;
    return id;
}

}  // namespace

Response events_page(RequestContext& ctx) {
    const bool signed_in = ctx.signed_in();
    const bool past = signed_in && ctx.query().get("when") == "past";
    std::vector<EventRecord> events;
    std::string heading = "Training and events";
    if (!signed_in) {
        events = public_events(ctx.services);
    } else {
        EventFilter filter;
        if (auto series = parse_int(ctx.query().get("series_id"))) filter.series_id = *series;
        if (auto tag = ctx.query().get("tag"); !tag.empty()) filter.tag = to_lower(trim(tag));
        const LocalTime now = london_local_time(ctx.services.clock().now());
        if (!past && !filter.series_id) filter.starting_after = format_local_time(now);
        events = list_events(ctx.services, ctx.actor(), filter);
        if (past) {
            std::erase_if(events, [&](const EventRecord& e) { return e.details.starts_at > now; });
            std::ranges::reverse(events);
            heading = "Past events";
        }
    }
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& e : events) cards.push_back(event_card(e, signed_in));
    nlohmann::json view{
        {"heading", heading},
        {"trust_name", ctx.services.config.trust_name},
        {"events", cards},
        {"has_events", !cards.empty()},
        {"signed_in", signed_in},
        {"past", past},
        {"organiser", signed_in && organises_events(ctx.actor().role)},
    };
    return render_page(ctx, heading, "events_list", std::move(view));
}

Response event_new(RequestContext& ctx) {
    return render_event_form(ctx, FormView{}, 200);
}

Response event_create_page(RequestContext& ctx) {
    const auto& f = ctx.form;
    // A price that is not money is reported with every other problem of the form at once.
    auto price =
        pence_from_pounds_box(f, "price", "Enter the price of a place, or 0 if it is free");
    std::optional<std::string> price_problem;
    if (!price) price_problem = price.error().message;
    const TypedTimes times = typed_times(f);
    EventInput input;
    input.title = f.get("title");
    input.kind = f.get("kind");
    input.audience = f.get_all("audience");
    input.summary = f.get("summary");
    input.starts_at = times.starts_at;
    input.ends_at = times.ends_at;
    input.venue = f.get("venue");
    input.online_url = f.get("online_url");
    input.capacity = parse_int(trim(f.get("capacity")));
    if (price) input.price_pence = parse_int(*price);
    for (const auto& tag : split(f.get("tags"), ',')) input.tags.push_back(tag);

    std::vector<SessionTimes> sessions{{input.starts_at, input.ends_at}};
    for (const auto& line : split(f.get("more_dates"), '\n')) {
        const std::string typed = trim(line);
        if (typed.empty()) continue;
        auto date = typed_date(typed);
        if (!date) {
            auto error = Error::invalid("more_dates", "invalid",
                                        "Enter each further date like 24/2/2027, one per line");
            return render_event_form(ctx, FormView(error), 422);
        }
        // At the first session's times; when those are wrong, their own boxes say so.
        sessions.push_back({times.start ? format_local_time({*date, *times.start}) : "",
                            times.end ? format_local_time({*date, *times.end}) : ""});
    }
    auto failed = [&](const Error& error) {
        return form_failure(
            ctx, errors_on_boxes(error, times, price_problem),
            [&](const FormView& form, int status) { return render_event_form(ctx, form, status); });
    };
    std::int64_t id = 0;
    std::string flash;
    if (sessions.size() == 1) {
        auto created = create_event(ctx.services, ctx.actor(), input, ctx.acting());
        if (!created) return failed(created.error());
        id = created->id;
        flash = "The event is published";
    } else {
        auto created = create_series(ctx.services, ctx.actor(), input, sessions, ctx.acting());
        if (!created) return failed(created.error());
        id = created->events.front().id;
        flash = "The series of " + std::to_string(created->events.size()) + " events is published";
    }
    return redirect_with_flash(ctx, "/events/" + std::to_string(id), flash);
}

Response event_page(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto event = get_event(ctx.services, ctx.actor(), *id);
    if (!event) return error_page(ctx, event.error());
    return render_event(ctx, *event, FormView{}, 200);
}

Response event_ics_page(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto ics = event_ics(ctx.services, ctx.actor(), *id);
    if (!ics) return error_page(ctx, ics.error());
    return download(std::move(*ics), "text/calendar; charset=utf-8",
                    "event-" + std::to_string(*id) + ".ics", false);
}

Response event_book_page(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto event = get_event(ctx.services, ctx.actor(), *id);
    if (!event) return error_page(ctx, event.error());
    auto booked = book_place(ctx.services, ctx.actor(), *id, ctx.form.get("attendee_name"),
                             ctx.form.get("attendee_email"), ctx.acting());
    if (!booked)
        return form_failure(ctx, booked.error(), [&](const FormView& form, int status) {
            return render_event(ctx, *event, form, status);
        });
    const bool confirmed = booked->status == BookingStatus::confirmed;
    return redirect_with_flash(
        ctx, "/events/" + std::to_string(*id),
        booked->attendee_name + (confirmed ? " has a place. We have emailed them the details"
                                           : " is on the waiting list. We will email them if a "
                                             "place becomes free"));
}

Response booking_cancel_page(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto seen = get_booking(ctx.services, ctx.actor(), *id);
    if (!seen) return error_page(ctx, seen.error());
    auto cancelled = cancel_booking(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!cancelled)
        return form_failure(ctx, cancelled.error(), [&](const FormView& form, int status) {
            return render_event(ctx, seen->event, form, status);
        });
    return redirect_with_flash(ctx, "/events/" + std::to_string(seen->event.id),
                               seen->booking.attendee_name + "'s place is cancelled");
}

Response event_register_page(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto event = get_event(ctx.services, ctx.actor(), *id);
    if (!event) return error_page(ctx, event.error());
    const auto ticked = ctx.form.get_all("attended");
    std::vector<std::pair<std::int64_t, bool>> attendance;
    for (const auto& booking : ctx.form.get_all("booking")) {
        auto booking_id = parse_int(booking);
        if (!booking_id) continue;
        attendance.emplace_back(*booking_id, std::ranges::find(ticked, booking) != ticked.end());
    }
    auto saved = take_register(ctx.services, ctx.actor(), *id, attendance, ctx.acting());
    if (!saved)
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_event(ctx, *event, form, status);
        });
    return redirect_with_flash(ctx, "/events/" + std::to_string(*id), "The register is saved");
}

Response booking_certificate_page(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto certificate = certificate_for(ctx.services, ctx.actor(), *id);
    if (!certificate) return error_page(ctx, certificate.error());
    return download(certificate_pdf(*certificate), "application/pdf", certificate_filename(*id),
                    true);
}

Response booking_feedback_form(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto seen = get_booking(ctx.services, ctx.actor(), *id);
    if (!seen) return error_page(ctx, seen.error());
    return render_feedback_form(ctx, *seen, FormView{}, 200);
}

Response booking_feedback_submit(RequestContext& ctx) {
    auto id = page_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto seen = get_booking(ctx.services, ctx.actor(), *id);
    if (!seen) return error_page(ctx, seen.error());
    auto given = give_feedback(ctx.services, ctx.actor(), *id, parse_int(ctx.form.get("rating")),
                               ctx.form.get("comment"), ctx.acting());
    if (!given)
        return form_failure(ctx, given.error(), [&](const FormView& form, int status) {
            return render_feedback_form(ctx, *seen, form, status);
        });
    return redirect_with_flash(ctx, "/events/" + std::to_string(seen->event.id),
                               "Thank you: your feedback is recorded");
}

}  // namespace sendhub::pages
