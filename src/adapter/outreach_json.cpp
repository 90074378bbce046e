#include "adapter/outreach_json.hpp"

namespace sendhub {
namespace {
template <class T>
nlohmann::json code_or_null(const std::optional<T>& value, auto terms) {
    return value ? nlohmann::json(std::string(term_of(terms, *value).code)) : nlohmann::json();
}
nlohmann::json time_or_null(const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(format_timestamp(*t)) : nlohmann::json();
}
}  // namespace

nlohmann::json request_json(const RequestRecord& r) {
    nlohmann::json pupils = nlohmann::json::array();
    for (const auto& p : r.input.pupils)
        pupils.push_back(
            {{"ref", r.anonymised_on ? nlohmann::json() : nlohmann::json(p.ref)},
             {"year_group", r.anonymised_on ? nlohmann::json() : nlohmann::json(p.year_group)},
             {"need_route", p.need_route},
             {"primary_need", p.primary_need},
             {"primary_need_source", p.primary_need_source.empty()
                                         ? nlohmann::json(nullptr)
                                         : nlohmann::json(p.primary_need_source)},
             {"primary_need_recorded_on", p.primary_need_recorded_on.empty()
                                              ? nlohmann::json(nullptr)
                                              : nlohmann::json(p.primary_need_recorded_on)}});
    const Service service = request_service(r.input);
    const bool outreach = service == Service::outreach;
    return {
        {"id", r.id.value},
        {"reference", r.reference},
        {"school_urn", r.school_urn.value},
        {"school_name", r.school_name},
        {"service", std::string(term_of(service_terms(), service).code)},
        {"work_type",
         r.input.work_type.empty() ? nlohmann::json() : nlohmann::json(r.input.work_type)},
        {"kind", outreach ? nlohmann::json(r.input.kind) : nlohmann::json()},
        {"status", std::string(term_of(request_status_terms(), r.status).code)},
        {"pupils", pupils},
        {"consent",
         {{"type", r.input.consent_type},
          {"obtained_on", r.input.consent_obtained_on},
          {"obtained_by", r.input.consent_obtained_by}}},
        {"expertise_level", outreach ? nlohmann::json(r.input.expertise_level) : nlohmann::json()},
        {"accepted_level", code_or_null(r.accepted_level, level_terms())},
        {"preferred_date", r.input.preferred_date},
        {"concern", r.input.concern},
        {"tried", r.input.tried},
        {"practitioner_id",
         r.practitioner_id ? nlohmann::json(r.practitioner_id->value) : nlohmann::json()},
        {"practitioner_name",
         r.practitioner_name.empty() ? nlohmann::json() : nlohmann::json(r.practitioner_name)},
        {"triage_notes", r.triage_notes},
        {"cancel_reason", r.cancel_reason},
        {"agreement_id", r.agreement_id ? nlohmann::json(*r.agreement_id) : nlohmann::json()},
        {"submitted_at", time_or_null(r.submitted_at)},
        {"created_at", format_timestamp(r.created_at)},
        {"anonymised_on",
         r.anonymised_on ? nlohmann::json(format_date(*r.anonymised_on)) : nlohmann::json()},
    };
}

nlohmann::json quote_json(const Quote& q) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : q.lines)
        lines.push_back({{"description", l.description},
                         {"quantity", l.quantity},
                         {"unit_pence", l.unit_pence},
                         {"amount_pence", l.amount_pence}});
    return {{"lines", lines},
            {"travel_miles_estimate", static_cast<double>(q.travel_miles_estimate_tenths) / 10.0},
            {"total_pence", q.total_pence}};
}

nlohmann::json agreement_json(const AgreementRecord& a, const Quote& q, bool with_prices) {
    nlohmann::json outcomes = nlohmann::json::array();
    for (const auto& o : a.outcomes) outcomes.push_back({{"id", o.id.value}, {"text", o.text}});
    const auto& t = a.terms;
    return {
        {"id", a.id.value},
        {"request_id", a.request_id.value},
        {"school_urn", a.school_urn.value},
        {"practitioner_id",
         a.practitioner_id ? nlohmann::json(a.practitioner_id->value) : nlohmann::json()},
        {"status", std::string(term_of(agreement_status_terms(), a.status).code)},
        {"type", t.type},
        {"service", std::string(term_of(service_terms(), service_of(t.level)).code)},
        {"level", std::string(term_of(level_terms(), t.level).code)},
        {"frequency", std::string(term_of(frequency_terms(), t.frequency).code)},
        {"sessions", t.sessions},
        {"session_days", t.session_half_days / 2.0},
        {"start_date", format_date(t.start_date)},
        {"report_writing_days", t.report_writing_half_days / 2.0},
        {"outcomes", outcomes},
        {"day_rate_pence", a.locked_rates && with_prices
                               ? nlohmann::json(a.locked_rates->day_rate_pence)
                               : nlohmann::json()},
        {"mileage_pence_per_mile", a.locked_rates
                                       ? nlohmann::json(a.locked_rates->mileage_pence_per_mile)
                                       : nlohmann::json()},
        {"accepted_by",
         a.accepted_by_name.empty() ? nlohmann::json() : nlohmann::json(a.accepted_by_name)},
        {"accepted_at", time_or_null(a.accepted_at)},
        {"purchase_order",
         a.purchase_order.empty() ? nlohmann::json() : nlohmann::json(a.purchase_order)},
        {"quote", quote_json(q)},
    };
}

nlohmann::json visit_json(const VisitRecord& v) {
    return {
        {"id", v.id.value},
        {"agreement_id", v.agreement_id.value},
        {"request_id", v.request_id.value},
        {"school_urn", v.school_urn.value},
        {"school_name", v.school_name},
        {"practitioner_id", v.practitioner_id.value},
        {"date", format_date(v.date)},
        {"days", v.half_days / 2.0},
        {"status", std::string(term_of(visit_status_terms(), v.status).code)},
        {"miles", v.status == VisitStatus::delivered
                      ? nlohmann::json(static_cast<double>(v.report.miles_tenths) / 10.0)
                      : nlohmann::json()},
        {"reported_at", time_or_null(v.reported_at)},
    };
}

nlohmann::json report_json(const VisitRecord& v) {
    auto out = visit_json(v);
    out["work_undertaken"] = v.report.work_undertaken;
    out["actions_agreed"] = v.report.actions_agreed;
    out["next_steps"] = v.report.next_steps;
    out["practitioner_name"] = v.practitioner_name;
    return out;
}

nlohmann::json progress_json(const ProgressRecord& p) {
    return {{"outcome_id", p.outcome_id.value},
            {"date", format_date(p.date)},
            {"status", std::string(term_of(progress_status_terms(), p.status).code)},
            {"note", p.note},
            {"recorded_by", p.recorded_by}};
}

nlohmann::json feedback_json(const FeedbackRecord& f) {
    return {{"agreement_id", f.agreement_id.value},
            {"school_name", f.school_name},
            {"practitioner_name", f.practitioner_name},
            {"service", f.agreement_type},
            {"rating", f.rating},
            {"comments", f.comments},
            {"given_by", f.given_by},
            {"given_at", format_timestamp(f.given_at)}};
}

}  // namespace sendhub
