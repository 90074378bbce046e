// School accounts for the trust: registrations waiting for approval, and invitations sent.
#include "core/text.hpp"
#include "service/directory_service.hpp"
#include "service/school_account_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

std::string school_name(RequestContext& ctx, SchoolUrn urn) {
    auto school = get_school(ctx.services, ctx.actor(), urn);
    return school ? school->name : "URN " + std::to_string(urn.value);
}

Response render_registrations(RequestContext& ctx, const FormView& form, int status) {
    auto query = ctx.query();
    std::string shown = query.has("status") ? query.get("status") : "pending";
    auto page = list_registrations(
        ctx.services,
        {.status = shown, .before_id = parse_int(query.get("before")), .limit = kDefaultPageSize});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : page.items)
        rows.push_back(
            {{"id", r.id.value},
             {"name", r.name},
             {"email", r.email},
             {"role", role_label(r.role)},
             {"school", school_name(ctx, r.school_urn)},
             {"school_href", "/schools/" + std::to_string(r.school_urn.value)},
             {"asked", format_london_time(Timestamp{std::chrono::seconds{r.created_at}})},
             {"verified", r.email_verified},
             {"status", term_of(registration_status_terms(), r.status).label},
             {"reason", r.reason.empty() ? nlohmann::json(false) : nlohmann::json(r.reason)},
             {"pending", r.status == RegistrationStatus::pending},
             {"reason_field",
              form.textarea("reason-" + std::to_string(r.id.value), "Reason for rejecting",
                            ctx.form.get("reason"), "We email this to the person.", 2)}});
    nlohmann::json view{
        {"summary", form.summary()},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"status_filter",
         form.select("status", "Show", options_of(registration_status_terms(), "All"), shown)},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/registrations" +
                              query_string({{"status", shown}, {"before", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Registrations", "registrations_list", std::move(view), status);
}

Response render_invitations(RequestContext& ctx, const FormView& form, int status) {
    auto query = ctx.query();
    auto page = list_invitations(ctx.services, {.status = query.get("status"),
                                                .before_id = parse_int(query.get("before")),
                                                .limit = kDefaultPageSize});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& i : page.items)
        rows.push_back({{"id", i.id.value},
                        {"email", i.email},
                        {"role", role_label(i.role)},
                        {"school", school_name(ctx, i.school_urn)},
                        {"expires", readable_date(format_date(i.expires_on))},
                        {"status", term_of(invitation_status_terms(), i.status).label},
                        {"pending", i.status == InvitationStatus::pending}});
    nlohmann::json view{
        {"summary", form.summary()},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"fields",
         {{"email", form.input("email", "Email address", ctx.form.get("email"),
                               {.type = "email", .spellcheck = false})},
          {"role",
           form.radios("role", "Role at the school", school_role_options(), ctx.form.get("role"))},
          {"school_urn",
           form.input(
               "school_urn", "School URN", ctx.form.get("school_urn"),
               {.hint = "The school's six-digit URN", .width = "10", .inputmode = "numeric"})}}},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/invitations" + query_string({{"status", query.get("status")},
                                                             {"before", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Invitations", "invitations_list", std::move(view), status);
}

}  // namespace

Response registrations_page(RequestContext& ctx) {
    return render_registrations(ctx, FormView{}, 200);
}

Response registration_approve_page(RequestContext& ctx) {
    auto id = id_param<RegistrationId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto approved = approve_registration(ctx.services, *id, ctx.acting());
    if (!approved)
        return form_failure(ctx, approved.error(), [&](const FormView& form, int status) {
            return render_registrations(ctx, form, status);
        });
    return redirect_with_flash(ctx, "/registrations",
                               approved->name + " can now sign in. We have emailed them.");
}

Response registration_reject_page(RequestContext& ctx) {
    auto id = id_param<RegistrationId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const std::string field = "reason-" + std::to_string(id->value);
    auto rejected = reject_registration(ctx.services, *id, ctx.form.get(field), ctx.acting());
    if (!rejected) {
        Error shown = rejected.error();
        for (auto& f : shown.fields)
            if (f.field == "reason") f.field = field;  // beside this registration's box
        return form_failure(ctx, shown, [&](const FormView& form, int status) {
            return render_registrations(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/registrations",
                               "The registration has been rejected. We have emailed the reason.");
}

Response invitations_page(RequestContext& ctx) {
    return render_invitations(ctx, FormView{}, 200);
}

Response invitation_create_page(RequestContext& ctx) {
    InvitationInput input{ctx.form.get("email"), ctx.form.get("role"), ctx.form.get("school_urn")};
    auto invited = invite_school_user(ctx.services, input, ctx.acting());
    if (!invited)
        return form_failure(ctx, invited.error(), [&](const FormView& form, int status) {
            return render_invitations(ctx, form, status);
        });
    return redirect_with_flash(ctx, "/invitations",
                               "We have emailed an invitation to " + invited->email);
}

Response invitation_revoke_page(RequestContext& ctx) {
    auto id = id_param<InvitationId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto revoked = revoke_invitation(ctx.services, *id, ctx.acting());
    if (!revoked)
        return form_failure(ctx, revoked.error(), [&](const FormView& form, int status) {
            return render_invitations(ctx, form, status);
        });
    return redirect_with_flash(ctx, "/invitations", "The invitation has been withdrawn");
}

}  // namespace sendhub::pages
