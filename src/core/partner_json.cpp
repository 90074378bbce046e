#include "core/partner_json.hpp"

#include "core/dates.hpp"

namespace sendhub {
namespace {
nlohmann::json optional_user(const std::optional<UserId>& id) {
    return id ? nlohmann::json(id->value) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json partnership_json(const Partnership& p, bool with_notes) {
    nlohmann::json urns = nlohmann::json::array();
    for (auto urn : p.school_urns) urns.push_back(urn.value);
    nlohmann::json lead{
        {"name", p.lead.name},
        {"email", p.lead.email.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.lead.email)},
        {"phone", p.lead.phone.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.lead.phone)}};
    nlohmann::json out{
        {"id", p.id.value},
        {"kind", term_of(partnership_kind_terms(), p.kind).code},
        {"model", p.model},
        {"school_urns", urns},
        {"organisation",
         p.organisation.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.organisation)},
        {"starts_on", format_date(p.starts_on)},
        {"ends_on", p.ends_on ? nlohmann::json(format_date(*p.ends_on)) : nlohmann::json(nullptr)},
        {"review_due_on", format_date(p.review_due_on)},
        {"services", p.services},
        {"lead_contact", lead},
        {"status", term_of(partnership_status_terms(), p.status).code},
        {"end_reason", p.end_reason},
    };
    if (with_notes) out["notes"] = p.notes;
    return out;
}

nlohmann::json enquiry_json(const Enquiry& e) {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : e.notes)
        notes.push_back(
            {{"id", n.id},
             {"author", n.author},
             {"text", n.text},
             {"created_at", format_timestamp(Timestamp{std::chrono::seconds{n.created_at}})}});
    return {
        {"id", e.id.value},
        {"name", e.name},
        {"email", e.email},
        {"organisation", e.organisation},
        {"school_urn",
         e.school_urn ? nlohmann::json(e.school_urn->value) : nlohmann::json(nullptr)},
        {"topic", term_of(enquiry_topic_terms(), e.topic).code},
        {"message", e.message},
        {"status", term_of(enquiry_status_terms(), e.status).code},
        {"assigned_to", optional_user(e.assigned_to)},
        {"outcome", e.outcome},
        {"created_at", format_timestamp(Timestamp{std::chrono::seconds{e.created_at}})},
        {"notes", notes},
    };
}

nlohmann::json registration_json(const Registration& r) {
    return {
        {"id", r.id.value},
        {"school_urn", r.school_urn.value},
        {"name", r.name},
        {"email", r.email},
        {"role", role_code(r.role)},
        {"status", term_of(registration_status_terms(), r.status).code},
        {"email_verified", r.email_verified},
        {"reason", r.reason},
        {"user_id", optional_user(r.user_id)},
    };
}

nlohmann::json invitation_json(const Invitation& i) {
    return {
        {"id", i.id.value},
        {"email", i.email},
        {"role", role_code(i.role)},
        {"school_urn", i.school_urn.value},
        {"status", term_of(invitation_status_terms(), i.status).code},
        {"expires_on", format_date(i.expires_on)},
        {"user_id", optional_user(i.user_id)},
    };
}

}  // namespace sendhub
