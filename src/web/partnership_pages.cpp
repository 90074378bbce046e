// Partnerships: the partnerships lead records, reviews and ends them; coordinators read them.
#include <set>

#include "core/text.hpp"
#include "core/waiting.hpp"
#include "service/directory_service.hpp"
#include "service/partners_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

// The services most partnerships name; the API takes any.
const Options kServices{{"outreach", "Outreach"},
                        {"CPD", "CPD, networks and events"},
                        {"resources", "Resource hub"},
                        {"peer review", "Peer review"},
                        {"speech and language", "Speech and language therapy"},
                        {"educational psychology", "Educational psychology"}};

PartnershipInput input_from_form(const RequestContext& ctx) {
    PartnershipInput in;
    in.kind = ctx.form.get("kind");
    in.model = ctx.form.get("model");
    for (const auto& urn : split(ctx.form.get("school_urns"), ','))
        if (auto t = trim(urn); !t.empty()) in.school_urns.push_back(t);
    in.organisation = ctx.form.get("organisation");
    in.starts_on = ctx.form.get("starts_on");
    in.ends_on = ctx.form.get("ends_on");
    in.review_due_on = ctx.form.get("review_due_on");
    in.services = ctx.form.get_all("services");
    in.lead_name = ctx.form.get("lead_contact.name");
    in.lead_email = ctx.form.get("lead_contact.email");
    in.lead_phone = ctx.form.get("lead_contact.phone");
    in.notes = ctx.form.get("notes");
    return in;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

Response render_form(RequestContext& ctx, const PartnershipInput& in, const FormView& form,
                     std::optional<PartnershipId> id, int status) {
    std::string example = date_example(ctx.today());
    nlohmann::json fields{
        {"kind", form.radios("kind", "Kind of partnership", options_of(partnership_kind_terms()),
                             in.kind, "A formal partnership has a signed agreement.")},
        {"model", form.input("model", "Partnership model", in.model,
                             {.hint = "For example, service level agreement, service buy-back "
                                      "or MAT partnership"})},
        {"school_urns",
         form.input("school_urns", "Partner schools' URNs", joined(in.school_urns, ", "),
                    {.hint = "Six-digit URNs separated by commas. Leave blank if "
                             "the partner is an organisation.",
                     .inputmode = "numeric"})},
        {"organisation",
         form.input("organisation", "Partner organisation (optional)", in.organisation,
                    {.hint = "For example, a local authority or another trust"})},
        {"starts_on", form.date_input("starts_on", "Start date", in.starts_on, example)},
        {"ends_on", form.date_input("ends_on", "End date (optional)", in.ends_on, example)},
        {"review_due_on",
         form.date_input("review_due_on", "Review due", in.review_due_on, example)},
        {"services",
         form.checkboxes("services", "Services included", kServices,
                         std::set<std::string>(in.services.begin(), in.services.end()))},
        {"lead_name", form.input("lead_contact.name", "Lead contact's name", in.lead_name,
                                 {.autocomplete = "off"})},
        {"lead_email", form.input("lead_contact.email", "Lead contact's email (optional)",
                                  in.lead_email, {.type = "email", .spellcheck = false})},
        {"lead_phone", form.input("lead_contact.phone", "Lead contact's phone (optional)",
                                  in.lead_phone, {.type = "tel", .width = "20"})},
        {"notes", form.textarea("notes", "Notes (optional)", in.notes,
                                "Only the trust's staff see these notes.")},
    };
    std::string action = id ? "/partnerships/" + std::to_string(id->value) : "/partnerships";
    nlohmann::json view{{"summary", form.summary()},
                        {"fields", fields},
                        {"heading", id ? "Edit partnership" : "Record a partnership"},
                        {"action", action},
                        {"back_href", id ? action : "/partnerships"},
                        {"submit", id ? "Save changes" : "Record partnership"}};
    return render_page(ctx, id ? "Edit partnership" : "Record a partnership", "partnership_form",
                       view, status);
}

Response render_show(RequestContext& ctx, const Partnership& p, const FormView& form, int status) {
    nlohmann::json schools = nlohmann::json::array();
    for (auto urn : p.school_urns) {
        auto school = get_school(ctx.services, ctx.actor(), urn);
        schools.push_back({{"href", "/schools/" + std::to_string(urn.value)},
                           {"name", school ? school->name : std::to_string(urn.value)}});
    }
    bool can_manage = allows(ctx.actor(), Permission::manage_partnerships) &&
                      p.status == PartnershipStatus::active;
    nlohmann::json view{
        {"summary", form.summary()},
        {"id", p.id.value},
        {"model", p.model},
        {"kind", term_of(partnership_kind_terms(), p.kind).label},
        {"status", term_of(partnership_status_terms(), p.status).label},
        {"active", p.status == PartnershipStatus::active},
        {"schools", schools},
        {"organisation",
         p.organisation.empty() ? nlohmann::json(false) : nlohmann::json(p.organisation)},
        {"starts_on", readable_date(format_date(p.starts_on))},
        {"ends_on", p.ends_on ? nlohmann::json(readable_date(format_date(*p.ends_on)))
                              : nlohmann::json(false)},
        {"review_due_on", readable_date(format_date(p.review_due_on))},
        {"review_due", review_due(p, partnership_reviews_due_by(ctx.today()))},
        {"services", p.services.empty() ? "None recorded" : joined(p.services, ", ")},
        {"lead_name", p.lead.name},
        {"lead_email", p.lead.email.empty() ? nlohmann::json(false) : nlohmann::json(p.lead.email)},
        {"lead_phone", p.lead.phone.empty() ? nlohmann::json(false) : nlohmann::json(p.lead.phone)},
        {"notes", p.notes.empty() || !sees_partnership_notes(ctx.actor())
                      ? nlohmann::json(false)
                      : nlohmann::json(p.notes)},
        {"end_reason", p.end_reason.empty() ? nlohmann::json(false) : nlohmann::json(p.end_reason)},
        {"can_manage", can_manage},
        {"end_fields",
         {{"ends_on", form.date_input("ends_on", "Date it ends", ctx.form.get("ends_on"),
                                      "Leave blank to end it today. " + date_example(ctx.today()))},
          {"reason",
           form.textarea("reason", "Why it is ending (optional)", ctx.form.get("reason"), "", 3)}}},
    };
    return render_page(ctx, p.model, "partnership_show", std::move(view), status);
}

std::optional<PartnershipId> partnership_id(const RequestContext& ctx) {
    return id_param<PartnershipId>(ctx);
}

}  // namespace

Response partnerships_page(RequestContext& ctx) {
    auto query = ctx.query();
    PartnershipFilter filter;
    filter.status = parse_term(partnership_status_terms(), query.get("status"));
    bool due = query.get("review") == "due";
    if (due) filter.review_due_by = partnership_reviews_due_by(ctx.today());
    filter.after_id = parse_int(query.get("after"));
    auto page = list_partnerships(ctx.services, ctx.actor(), filter);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : page.items) {
        std::string partners = p.organisation;
        for (auto urn : p.school_urns) {
            auto school = get_school(ctx.services, ctx.actor(), urn);
            partners += (partners.empty() ? "" : ", ") +
                        (school ? school->name : std::to_string(urn.value));
        }
        rows.push_back({{"href", "/partnerships/" + std::to_string(p.id.value)},
                        {"model", p.model},
                        {"kind", term_of(partnership_kind_terms(), p.kind).label},
                        {"partners", partners},
                        {"review_due_on", readable_date(format_date(p.review_due_on))},
                        {"due", review_due(p, partnership_reviews_due_by(ctx.today()))},
                        {"status", term_of(partnership_status_terms(), p.status).label},
                        {"active", p.status == PartnershipStatus::active}});
    }
    FormView form;
    nlohmann::json view{
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"due_only", due},
        {"can_manage", allows(ctx.actor(), Permission::manage_partnerships)},
        {"status_filter",
         form.select("status", "Status", options_of(partnership_status_terms(), "Any status"),
                     query.get("status"))},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/partnerships" + query_string({{"status", query.get("status")},
                                                              {"review", query.get("review")},
                                                              {"after", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Partnerships", "partnerships_list", std::move(view));
}

Response partnership_new(RequestContext& ctx) {
    PartnershipInput in;
    in.kind = "formal";
    return render_form(ctx, in, FormView{}, std::nullopt, 200);
}

Response partnership_create_page(RequestContext& ctx) {
    auto input = input_from_form(ctx);
    auto created = create_partnership(ctx.services, input, ctx.acting());
    if (!created)
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_form(ctx, input, form, std::nullopt, status);
        });
    return redirect_with_flash(ctx, "/partnerships/" + std::to_string(created->id.value),
                               "The partnership has been recorded");
}

Response partnership_page(RequestContext& ctx) {
    auto id = partnership_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto p = get_partnership(ctx.services, ctx.actor(), *id);
    if (!p) return error_page(ctx, p.error());
    return render_show(ctx, *p, FormView{}, 200);
}

Response partnership_edit(RequestContext& ctx) {
    auto id = partnership_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto p = get_partnership(ctx.services, ctx.actor(), *id);
    if (!p) return error_page(ctx, p.error());
    return render_form(ctx, partnership_input_of(*p), FormView{}, id, 200);
}

Response partnership_update_page(RequestContext& ctx) {
    auto id = partnership_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto input = input_from_form(ctx);
    auto updated = update_partnership(ctx.services, *id, input, ctx.acting());
    if (!updated)
        return form_failure(ctx, updated.error(), [&](const FormView& form, int status) {
            return render_form(ctx, input, form, id, status);
        });
    return redirect_with_flash(ctx, "/partnerships/" + std::to_string(id->value),
                               "Your changes have been saved");
}

Response partnership_end_page(RequestContext& ctx) {
    auto id = partnership_id(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto ended = end_partnership(ctx.services, *id, ctx.form.get("ends_on"), ctx.form.get("reason"),
                                 ctx.acting());
    if (!ended) {
        auto p = get_partnership(ctx.services, ctx.actor(), *id);
        if (!p) return error_page(ctx, p.error());
        return form_failure(ctx, ended.error(), [&](const FormView& form, int status) {
            return render_show(ctx, *p, form, status);
        });
    }
    return redirect_with_flash(ctx, "/partnerships/" + std::to_string(id->value),
                               "The partnership has ended");
}

}  // namespace sendhub::pages
