// The partnerships lead's enquiries queue: new enquiries first, each assigned, noted and closed.
#include "core/text.hpp"
#include "service/front_door_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

std::string when(std::int64_t seconds) {
    return format_london_time(Timestamp{std::chrono::seconds{seconds}});
}

//! The trust's staff who can take an enquiry on.
Options staff_options(RequestContext& ctx) {
    Options options{{"", "Choose someone"}};
    for (const auto& u : enquiry_handlers(ctx.services))
        options.emplace_back(std::to_string(u.id.value),
                             u.name + " (" + std::string(role_label(u.role)) + ")");
    return options;
}

Response render_enquiry(RequestContext& ctx, const Enquiry& e, const FormView& form, int status) {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : e.notes)
        notes.push_back({{"author", n.author.empty() ? "The trust" : n.author},
                         {"text", n.text},
                         {"when", when(n.created_at)}});
    std::string school;
    if (e.school_urn)
        if (auto s = public_school(ctx.services, *e.school_urn)) school = s->name;
    bool open = e.status != EnquiryStatus::closed;
    nlohmann::json view{
        {"summary", form.summary()},
        {"id", e.id.value},
        {"name", e.name},
        {"email", e.email},
        {"organisation", e.organisation},
        {"school", school.empty() ? nlohmann::json(false) : nlohmann::json(school)},
        {"school_href", e.school_urn ? "/schools/" + std::to_string(e.school_urn->value) : ""},
        {"topic", term_of(enquiry_topic_terms(), e.topic).label},
        {"message", e.message},
        {"status", term_of(enquiry_status_terms(), e.status).label},
        {"received", when(e.created_at)},
        {"assigned", e.assigned_name.empty() ? "Nobody yet" : e.assigned_name},
        {"outcome", e.outcome.empty() ? nlohmann::json(false) : nlohmann::json(e.outcome)},
        {"notes", notes},
        {"has_notes", !notes.empty()},
        {"open", open},
        {"fields",
         {{"user_id", form.select("user_id", "Who takes it on", staff_options(ctx),
                                  e.assigned_to ? std::to_string(e.assigned_to->value) : "")},
          {"text", form.textarea("text", "Add a note", ctx.form.get("text"),
                                 "For example, who you spoke to and what you agreed.", 3)},
          {"outcome",
           form.textarea("outcome", "Outcome (optional)", ctx.form.get("outcome"),
                         "For example, the school registered and asked for outreach.", 3)}}},
    };
    return render_page(ctx, "Enquiry from " + e.organisation, "enquiry_show", std::move(view),
                       status);
}

//! Runs one action on the enquiry and shows the page again: the form beside any error.
template <class Action>
Response act(RequestContext& ctx, Action action, std::string_view done) {
    auto id = id_param<EnquiryId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto outcome = action(*id);
    if (!outcome) {
        auto e = get_enquiry(ctx.services, *id);
        if (!e) return error_page(ctx, e.error());
        return form_failure(ctx, outcome.error(), [&](const FormView& form, int status) {
            return render_enquiry(ctx, *e, form, status);
        });
    }
    return redirect_with_flash(ctx, "/enquiries/" + std::to_string(id->value), done);
}

}  // namespace

Response enquiries_page(RequestContext& ctx) {
    auto query = ctx.query();
    EnquiryFilter filter;
    filter.status = parse_term(enquiry_status_terms(), query.get("status"));
    filter.topic = parse_term(enquiry_topic_terms(), query.get("topic"));
    filter.before_id = parse_int(query.get("before"));
    auto page = list_enquiries(ctx.services, filter);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : page.items)
        rows.push_back({{"href", "/enquiries/" + std::to_string(e.id.value)},
                        {"organisation", e.organisation},
                        {"name", e.name},
                        {"topic", term_of(enquiry_topic_terms(), e.topic).label},
                        {"received", when(e.created_at)},
                        {"assigned", e.assigned_name.empty() ? "Nobody yet" : e.assigned_name},
                        {"status", term_of(enquiry_status_terms(), e.status).label},
                        {"is_new", e.status == EnquiryStatus::new_enquiry}});
    FormView form;
    nlohmann::json view{
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"fields",
         {{"status",
           form.select("status", "Status", options_of(enquiry_status_terms(), "Any status"),
                       query.get("status"))},
          {"topic", form.select("topic", "About", options_of(enquiry_topic_terms(), "Any topic"),
                                query.get("topic"))}}},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/enquiries" + query_string({{"status", query.get("status")},
                                                           {"topic", query.get("topic")},
                                                           {"before", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Enquiries", "enquiries_list", std::move(view));
}

Response enquiry_page(RequestContext& ctx) {
    auto id = id_param<EnquiryId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto e = get_enquiry(ctx.services, *id);
    if (!e) return error_page(ctx, e.error());
    return render_enquiry(ctx, *e, FormView{}, 200);
}

Response enquiry_assign_page(RequestContext& ctx) {
    return act(
        ctx,
        [&](EnquiryId id) {
            return assign_enquiry(ctx.services, id, ctx.form.get("user_id"), ctx.acting());
        },
        "The enquiry has been assigned");
}

Response enquiry_note_page(RequestContext& ctx) {
    return act(
        ctx,
        [&](EnquiryId id) {
            return add_enquiry_note(ctx.services, id, ctx.form.get("text"), ctx.acting());
        },
        "Your note has been added");
}

Response enquiry_close_page(RequestContext& ctx) {
    return act(
        ctx,
        [&](EnquiryId id) {
            return close_enquiry(ctx.services, id, ctx.form.get("outcome"), ctx.acting());
        },
        "The enquiry has been closed");
}

}  // namespace sendhub::pages
