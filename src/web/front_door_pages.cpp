// The public front door, open without signing in: the outreach offer with today's prices, the
// enquiry form, and a school's staff registering or accepting an invitation.
#include "core/money_input.hpp"
#include "core/offer.hpp"
#include "core/text.hpp"
#include "http/url.hpp"
#include "security/random.hpp"
#include "service/front_door_service.hpp"
#include "service/school_account_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

Response render_contact(RequestContext& ctx, const FormView& form, int status) {
    auto topic = ctx.form.has("topic") ? ctx.form.get("topic") : ctx.query().get("topic");
    nlohmann::json view{
        {"summary", form.summary()},
        {"name", form.input("name", "Your name", ctx.form.get("name"), {.autocomplete = "name"})},
        {"email", form.input("email", "Email address", ctx.form.get("email"),
                             {.hint = "We reply to this address.",
                              .type = "email",
                              .autocomplete = "email",
                              .spellcheck = false})},
        {"organisation",
         form.input("organisation", "School or organisation", ctx.form.get("organisation"),
                    {.autocomplete = "organization"})},
        {"school_urn",
         form.input("school_urn", "School URN (optional)", ctx.form.get("school_urn"),
                    {.hint = "The six-digit number that identifies a school, if you know it.",
                     .width = "10",
                     .inputmode = "numeric"})},
        {"topic", form.radios("topic", "What is your enquiry about?",
                              options_of(enquiry_topic_terms()), topic)},
        {"message", form.textarea("message", "Your message", ctx.form.get("message"),
                                  "Do not include a child's name or details about a child.", 6)},
        {"trust", trust_contact_view(ctx)},
    };
    return render_public_form(ctx, "Contact the trust", "contact", view, status);
}

Response render_register(RequestContext& ctx, const FormView& form, int status) {
    auto query = ctx.query();
    std::string search = query.get("q");
    std::string urn_text =
        ctx.form.has("school_urn") ? ctx.form.get("school_urn") : query.get("urn");
    nlohmann::json view{{"summary", form.summary()},
                        {"search", search},
                        {"searched", !trim(search).empty()},
                        {"chosen", false},
                        {"found", nlohmann::json::array()},
                        {"none_found", false},
                        {"more_found", false}};
    if (auto urn = parse_int(urn_text)) {
        if (auto school = public_school(ctx.services, SchoolUrn{*urn})) {
            view["chosen"] = {{"urn", school->urn.value},
                              {"name", school->name},
                              {"place", school->postcode + ", " + school->local_authority}};
            view["fields"] = {
                {"name", form.input("name", "Your full name", ctx.form.get("name"),
                                    {.autocomplete = "name"})},
                {"email", form.input("email", "Your school email address", ctx.form.get("email"),
                                     {.hint = "We send a link to check it is yours.",
                                      .type = "email",
                                      .autocomplete = "email",
                                      .spellcheck = false})},
                {"role", form.radios("role", "Your role at the school", school_role_options(),
                                     ctx.form.get("role"))},
                {"password",
                 form.input("password", "Choose a password", "",
                            {.hint = "At least 12 characters. A few unrelated words make a "
                                     "strong password.",
                             .type = "password",
                             .autocomplete = "new-password"})},
            };
        }
    }
    if (view["chosen"].is_boolean()) {
        nlohmann::json found = nlohmann::json::array();
        for (const auto& s : find_schools(ctx.services, search))
            found.push_back({{"urn", s.urn.value},
                             {"name", s.name},
                             {"place", s.postcode + ", " + s.local_authority},
                             {"href", "/register?urn=" + std::to_string(s.urn.value)}});
        view["none_found"] = !trim(search).empty() && found.empty();
        view["more_found"] = found.size() >= kSchoolsFoundAtMost;
        view["found"] = std::move(found);
        view["search_field"] = form.input("q", "School name, URN or postcode", search,
                                          {.hint = "For example, Hillside Primary or TA1 3ES"});
    }
    return render_public_form(ctx, "Register for a school account", "register", view, status);
}

Response render_accept(RequestContext& ctx, const Invitation& invitation, const FormView& form,
                       int status) {
    auto school = public_school(ctx.services, invitation.school_urn);
    nlohmann::json view{
        {"summary", form.summary()},
        {"token", ctx.form.has("token") ? ctx.form.get("token") : ctx.query().get("token")},
        {"email", invitation.email},
        {"role", role_label(invitation.role)},
        {"school", school ? school->name : "your school"},
        {"expires", readable_date(format_date(invitation.expires_on))},
        {"name",
         form.input("name", "Your full name", ctx.form.get("name"), {.autocomplete = "name"})},
        {"password",
         form.input(
             "password", "Choose a password", "",
             {.hint = "At least 12 characters. A few unrelated words make a strong password.",
              .type = "password",
              .autocomplete = "new-password"})},
    };
    return render_public_form(ctx, "Accept your invitation", "invitation_accept", view, status);
}

//! "30p a mile", as schools read it, and "£1.05 a mile" should it ever pass a pound.
std::string per_mile(std::int64_t pence) {
    return (pence < 100 ? std::to_string(pence) + "p" : money(pence)) + " a mile";
}

Response message_page(RequestContext& ctx, std::string_view title, std::string heading,
                      std::string body, std::string next_href, std::string next_text) {
    return render_page(ctx, title, "front_door_message",
                       {{"heading", std::move(heading)},
                        {"body", std::move(body)},
                        {"next_href", std::move(next_href)},
                        {"next_text", std::move(next_text)}});
}

}  // namespace

Response offer_page(RequestContext& ctx) {
    OutreachOffer offer = current_offer(ctx.services);
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& level : offer.levels)
        levels.push_back({{"title", term_of(level_terms(), level.level).label},
                          {"price", money(level.day_rate_pence) + " a day"}});
    nlohmann::json view{
        {"lead", kOfferSummary},
        {"trust_name", ctx.services.config.trust_name},
        {"who_for", kOfferWhoFor},
        {"how_to_ask", kOfferHowToAsk},
        {"prices_on", readable_date(format_date(offer.prices_on))},
        {"levels", levels},
        {"has_prices", !levels.empty()},
        {"mileage", offer.mileage_pence ? nlohmann::json(per_mile(*offer.mileage_pence))
                                        : nlohmann::json(false)},
        {"signed_in", ctx.signed_in()},
    };
    return render_page(ctx, "Outreach support for schools", "offer", std::move(view));
}

Response contact_page(RequestContext& ctx) {
    return render_contact(ctx, FormView{}, 200);
}

Response contact_submit(RequestContext& ctx) {
    EnquiryInput input{ctx.form.get("name"),         ctx.form.get("email"),
                       ctx.form.get("organisation"), ctx.form.get("school_urn"),
                       ctx.form.get("topic"),        ctx.form.get("message")};
    auto sent = send_enquiry(ctx.services, input, ctx.client_address(), ctx.acting());
    if (!sent) {
        return form_failure(ctx, sent.error(), [&](const FormView& form, int status) {
            return render_contact(ctx, form, status);
        });
    }
    return Response::redirect("/contact/sent");
}

Response contact_sent(RequestContext& ctx) {
    return message_page(
        ctx, "Enquiry sent", "We have your enquiry",
        "We have emailed you to confirm. Someone from the trust's partnerships team will reply "
        "within 5 school days.",
        "/offer", "Read about outreach support");
}

Response register_page(RequestContext& ctx) {
    if (ctx.signed_in()) return Response::redirect("/");
    return render_register(ctx, FormView{}, 200);
}

Response register_submit(RequestContext& ctx) {
    RegistrationInput input{ctx.form.get("school_urn"), ctx.form.get("name"), ctx.form.get("email"),
                            ctx.form.get("role"), ctx.form.get("password")};
    auto registered = register_school_user(ctx.services, input, random_token());
    if (!registered) {
        return form_failure(ctx, registered.error(), [&](const FormView& form, int status) {
            return render_register(ctx, form, status);
        });
    }
    return Response::redirect("/register/sent");
}

Response register_sent(RequestContext& ctx) {
    return message_page(ctx, "Check your email", "Check your email",
                        "We have sent you a link to confirm your email address. Open it, then "
                        "the trust checks your registration and emails you when you can sign in.",
                        "/offer", "Read about outreach support");
}

Response register_verify(RequestContext& ctx) {
    auto verified = verify_registration(ctx.services, ctx.query().get("token"));
    if (!verified) return error_page(ctx, verified.error());
    return message_page(ctx, "Email address confirmed", "Email address confirmed",
                        "Thank you. The trust now checks your registration and emails you when "
                        "you can sign in, usually within 2 school days.",
                        "/offer", "Read about outreach support");
}

Response invitation_accept_form(RequestContext& ctx) {
    auto invitation = invitation_for(ctx.services, ctx.query().get("token"));
    if (!invitation) return error_page(ctx, invitation.error());
    return render_accept(ctx, *invitation, FormView{}, 200);
}

Response invitation_accept_submit(RequestContext& ctx) {
    std::string token = ctx.form.get("token");
    auto accepted = accept_invitation(ctx.services, token, ctx.form.get("name"),
                                      ctx.form.get("password"), ctx.acting());
    if (!accepted) {
        const Error& error = accepted.error();
        auto invitation = invitation_for(ctx.services, token);
        if (error.kind != ErrorKind::unprocessable || !invitation) return error_page(ctx, error);
        return render_accept(ctx, *invitation, FormView(error), http_status(error.kind));
    }
    return redirect_with_flash(ctx, "/login",
                               "Your account is ready. Sign in with your email address and "
                               "the password you chose");
}

}  // namespace sendhub::pages
