#include "adapter/error_response.hpp"
#include "core/text.hpp"
#include "service/account_service.hpp"
#include "service/directory_service.hpp"
#include "service/mfa_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

Options practitioner_options(Services& s) {
    Options options{{"", "Not linked"}};
    for (const auto& p :
         list_practitioners(s, {.include_inactive = true, .limit = kMaxPageSize}).items)
        options.emplace_back(std::to_string(p.id.value), p.name);
    return options;
}

nlohmann::json role_fields(Services& s, const FormView& form, std::string_view role,
                           std::string school, std::string_view practitioner) {
    return {
        {"role", form.select("role", "Role", options_of(role_terms(), "Choose a role"), role)},
        {"school_urn", form.input("school_urn", "School URN (school staff only)", std::move(school),
                                  {.hint = "The six-digit URN of the person's school",
                                   .width = "10",
                                   .inputmode = "numeric"})},
        {"practitioner_id",
         form.select("practitioner_id", "Practitioner record (practitioners only)",
                     practitioner_options(s), practitioner)},
    };
}

Response render_new(RequestContext& ctx, const FormView& form, int status) {
    auto fields = role_fields(ctx.services, form, ctx.form.get("role"), ctx.form.get("school_urn"),
                              ctx.form.get("practitioner_id"));
    fields["name"] = form.input("name", "Full name", ctx.form.get("name"), {.autocomplete = "off"});
    fields["email"] = form.input("email", "Email address", ctx.form.get("email"),
                                 {.type = "email", .spellcheck = false});
    fields["password"] = form.input(
        "password", "Initial password", "",
        {.hint = "At least 12 characters. Give it to the person privately; they can change it.",
         .type = "password",
         .autocomplete = "new-password"});
    return render_page(ctx, "Add a user", "user_new",
                       {{"summary", form.summary()}, {"fields", fields}}, status);
}

Response render_show(RequestContext& ctx, const User& user, const FormView& form, int status) {
    std::string role =
        ctx.form.has("role") ? ctx.form.get("role") : std::string(role_code(user.role));
    std::string school = ctx.form.has("school_urn") ? ctx.form.get("school_urn")
                         : user.school_urn          ? std::to_string(user.school_urn->value)
                                                    : "";
    std::string practitioner = ctx.form.has("practitioner_id") ? ctx.form.get("practitioner_id")
                               : user.practitioner_id ? std::to_string(user.practitioner_id->value)
                                                      : "";
    nlohmann::json view{
        {"summary", form.summary()},
        {"user", user_view(user)},
        {"is_self", user.id == ctx.actor().user_id},
        {"mfa_enabled", mfa_enabled(ctx.services, user.id)},
        {"fields", role_fields(ctx.services, form, role, school, practitioner)},
    };
    return render_page(ctx, user.name, "user_show", std::move(view), status);
}

Response change_active(RequestContext& ctx, bool active) {
    auto id = id_param<UserId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto changed = set_user_active(ctx.services, ctx.actor(), *id, active, ctx.acting());
    if (!changed) return error_page(ctx, changed.error());
    return redirect_with_flash(
        ctx, "/users/" + std::to_string(id->value),
        changed->name + (active ? " can sign in again" : " has been deactivated"));
}

}  // namespace

Response users_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto role = parse_role(query.get("role"));
    auto after = parse_int(query.get("after"));
    auto found = list_users(ctx.services, ctx.actor(),
                            {.role = role, .after_id = after, .limit = kDefaultPageSize});
    if (!found) return error_page(ctx, found.error());
    const auto& page = *found;
    nlohmann::json users = nlohmann::json::array();
    for (const auto& u : page.items) users.push_back(user_view(u));
    FormView form;
    nlohmann::json view{
        {"users", users},
        {"role_filter",
         form.select("role", "Role", options_of(role_terms(), "All roles"), query.get("role"))},
        {"next_href", page.next_cursor
                          ? nlohmann::json("/users" + query_string({{"role", query.get("role")},
                                                                    {"after", *page.next_cursor}}))
                          : nlohmann::json(false)},
    };
    return render_page(ctx, "Users", "users_list", std::move(view));
}

Response user_new(RequestContext& ctx) {
    return render_new(ctx, FormView{}, 200);
}

Response user_create(RequestContext& ctx) {
    UserInput input{ctx.form.get("email"),      ctx.form.get("name"),
                    ctx.form.get("role"),       ctx.form.get("password"),
                    ctx.form.get("school_urn"), ctx.form.get("practitioner_id")};
    auto created = create_user(ctx.services, input, ctx.acting());
    if (!created) {
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_new(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/users/" + std::to_string(created->id.value),
                               created->name + " has been added");
}

Response user_show(RequestContext& ctx) {
    auto id = id_param<UserId>(ctx);
    auto user = id ? get_user(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!user) return error_page(ctx, user.error());
    return render_show(ctx, *user, FormView{}, 200);
}

Response user_change_role(RequestContext& ctx) {
    auto id = id_param<UserId>(ctx);
    auto user = id ? get_user(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!user) return error_page(ctx, user.error());
    auto changed =
        change_user_role(ctx.services, ctx.actor(), *id, ctx.form.get("role"),
                         ctx.form.get("school_urn"), ctx.form.get("practitioner_id"), ctx.acting());
    if (!changed) {
        return form_failure(ctx, changed.error(), [&](const FormView& form, int status) {
            return render_show(ctx, *user, form, status);
        });
    }
    return redirect_with_flash(ctx, "/users/" + std::to_string(id->value),
                               changed->name + "'s role has been changed");
}

Response user_password_reset(RequestContext& ctx) {
    auto id = id_param<UserId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto sent = send_password_reset(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!sent) return error_page(ctx, sent.error());
    return redirect_with_flash(ctx, "/users/" + std::to_string(id->value),
                               "A link to set a new password has been emailed. It works once, "
                               "for an hour");
}

Response user_deactivate(RequestContext& ctx) {
    return change_active(ctx, false);
}
Response user_reactivate(RequestContext& ctx) {
    return change_active(ctx, true);
}

}  // namespace sendhub::pages
