#include "core/partnership.hpp"

#include <algorithm>

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {
constexpr std::size_t kMaxServices = 20;

std::optional<Date> date_field(Validator& v, const char* field, std::string_view text,
                               std::string_view what, bool required) {
    if (trim(text).empty()) {
        if (required) v.fail(field, "required", "Enter " + std::string(what));
        return std::nullopt;
    }
    auto date = parse_date(trim(text));
    if (!date) v.fail(field, "invalid", date_problem(text, what));
    return date;
}
}  // namespace

std::span<const Term<PartnershipKind>> partnership_kind_terms() {
    static constexpr Term<PartnershipKind> kTerms[] = {
        {PartnershipKind::formal, "formal", "Formal"},
        {PartnershipKind::informal, "informal", "Informal"},
    };
    return kTerms;
}

std::span<const Term<PartnershipStatus>> partnership_status_terms() {
    static constexpr Term<PartnershipStatus> kTerms[] = {
        {PartnershipStatus::active, "active", "Active"},
        {PartnershipStatus::ended, "ended", "Ended"},
    };
    return kTerms;
}

PartnershipInput partnership_input_of(const Partnership& p) {
    PartnershipInput in;
    in.kind = term_of(partnership_kind_terms(), p.kind).code;
    in.model = p.model;
    for (auto urn : p.school_urns) in.school_urns.push_back(std::to_string(urn.value));
    in.organisation = p.organisation;
    in.starts_on = format_date(p.starts_on);
    if (p.ends_on) in.ends_on = format_date(*p.ends_on);
    in.review_due_on = format_date(p.review_due_on);
    in.services = p.services;
    in.lead_name = p.lead.name;
    in.lead_email = p.lead.email;
    in.lead_phone = p.lead.phone;
    in.notes = p.notes;
    return in;
}

Result<Partnership> validate_partnership(const PartnershipInput& input) {
    Validator v;
    Partnership p;
    if (auto kind = parse_term(partnership_kind_terms(), trim(input.kind)))
        p.kind = *kind;
    else
        v.fail("kind", "invalid", "Select whether the partnership is formal or informal");
    p.model = v.required_text("model", input.model,
                              "Enter the partnership model, like service level agreement",
                              "The model", 200);
    for (const auto& text : input.school_urns) {
        auto urn = parse_int(trim(text));
        if (!urn || *urn < 100000 || *urn > 999999) {
            v.fail("school_urns", "unknown_school", "Enter each school's six-digit URN");
            break;
        }
        if (std::ranges::find(p.school_urns, SchoolUrn{*urn}) == p.school_urns.end())
            p.school_urns.push_back(SchoolUrn{*urn});
    }
    p.organisation = trim(input.organisation);
    if (utf8_length(p.organisation) > 200)
        v.fail("organisation", "too_long", "The organisation must be 200 characters or fewer");
    if (input.school_urns.empty() && p.organisation.empty())
        v.fail("school_urns", "partner_required",
               "Choose at least one partner school, or name the partner organisation");
    auto starts =
        date_field(v, "starts_on", input.starts_on, "the date the partnership starts", true);
    auto ends = date_field(v, "ends_on", input.ends_on, "the date the partnership ends", false);
    auto review = date_field(v, "review_due_on", input.review_due_on,
                             "the date the partnership is due for review", true);
    if (starts) p.starts_on = *starts;
    if (review) p.review_due_on = *review;
    p.ends_on = ends;
    if (starts && ends && *ends < *starts)
        v.fail("ends_on", "before_start", "The end date must be on or after the start date");
    for (const auto& service : input.services) {
        auto s = trim(service);
        if (s.empty()) continue;
        if (utf8_length(s) > 100) {
            v.fail("services", "too_long", "Each service must be 100 characters or fewer");
            break;
        }
        p.services.push_back(std::move(s));
    }
    if (p.services.size() > kMaxServices)
        v.fail("services", "too_many", "List 20 services or fewer");
    p.lead.name = v.required_text("lead_contact.name", input.lead_name,
                                  "Enter the name of the partner's lead contact",
                                  "The lead contact's name", 200);
    if (!trim(input.lead_email).empty()) {
        if (auto email = normalise_email(input.lead_email))
            p.lead.email = *email;
        else
            v.fail("lead_contact.email", "invalid",
                   "Enter an email address in the correct format, like name@example.org");
    }
    p.lead.phone = trim(input.lead_phone);
    if (utf8_length(p.lead.phone) > 40)
        v.fail("lead_contact.phone", "too_long", "The phone number must be 40 characters or fewer");
    p.notes = trim(input.notes);
    if (utf8_length(p.notes) > 5000)
        v.fail("notes", "too_long", "Notes must be 5000 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return p;
}

Result<Date> check_partnership_end(const Partnership& p, std::string_view ends_on, Date today) {
    if (p.status == PartnershipStatus::ended)
        return std::unexpected(
            Error::conflict("ended", "This partnership has already ended and cannot change."));
    Date end = today;
    if (!trim(ends_on).empty()) {
        auto date = parse_date(trim(ends_on));
        if (!date)
            return std::unexpected(Error::invalid(
                "ends_on", "invalid", date_problem(ends_on, "the date the partnership ends")));
        end = *date;
    }
    if (end < p.starts_on)
        return std::unexpected(Error::invalid("ends_on", "before_start",
                                              "The end date must be on or after the start date"));
    return end;
}

bool review_due(const Partnership& p, Date by) {
    return p.status == PartnershipStatus::active && p.review_due_on <= by;
}

}  // namespace sendhub
