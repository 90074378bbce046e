#include "api/finance_json.hpp"

namespace sendhub {
namespace {

nlohmann::json amounts_json(const std::vector<Amount>& amounts) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : amounts)
        out.push_back({{"key", a.key}, {"label", a.label}, {"pence", a.pence}});
    return out;
}

nlohmann::json optional_id(const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json();
}

}  // namespace

nlohmann::json invoice_json(const InvoiceRecord& inv, Date today) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : inv.lines) {
        lines.push_back({{"kind", std::string(term_of(line_kind_terms(), l.kind).code)},
                         {"description", l.description},
                         {"quantity", static_cast<double>(l.quantity_tenths) / 10.0},
                         {"unit_pence", l.unit_pence},
                         {"amount_pence", l.amount_pence},
                         {"visit_id", optional_id(l.visit_id)},
                         {"agreement_id", optional_id(l.agreement_id)},
                         {"package_id", optional_id(l.package_id)},
                         {"event_id", optional_id(l.event_id)},
                         {"booking_id", optional_id(l.booking_id)},
                         {"package_days_drawn", l.drawn_half_days / 2.0}});
    }
    nlohmann::json credits = nlohmann::json::array();
    for (const auto& cn : inv.credit_notes)
        credits.push_back({{"id", cn.id},
                           {"number", cn.number},
                           {"issue_date", format_date(cn.issue_date)},
                           {"amount_pence", cn.amount_pence},
                           {"reason", cn.reason}});
    nlohmann::json payments = nlohmann::json::array();
    for (const auto& paid : inv.payments)
        payments.push_back(
            {{"paid_on", format_date(paid.paid_on)}, {"amount_pence", paid.amount_pence}});
    return {
        {"payments", payments},
        {"id", inv.id.value},
        {"number", inv.number},
        {"school_urn", inv.school_urn.value},
        {"school_name", inv.school_name},
        {"issue_date", format_date(inv.issue_date)},
        {"due_date", format_date(inv.due_date)},
        {"period_end", format_date(inv.period_end)},
        {"status", std::string(term_of(invoice_status_terms(), inv.status).code)},
        {"paid_on", inv.paid_on ? nlohmann::json(format_date(*inv.paid_on)) : nlohmann::json()},
        {"lines", lines},
        {"total_pence", inv.total_pence},
        {"credited_pence", inv.credited_pence},
        {"paid_pence", inv.paid_pence},
        {"purchase_order",
         inv.purchase_order.empty() ? nlohmann::json() : nlohmann::json(inv.purchase_order)},
        {"outstanding_pence", inv.outstanding_pence()},
        {"overdue", inv.overdue(today)},
        {"credit_notes", credits},
    };
}

nlohmann::json package_json(const PackageRecord& p) {
    const auto& t = p.terms;
    return {
        {"id", p.id.value},
        {"school_urn", t.school.value},
        {"school_name", p.school_name},
        {"grade", std::string(term_of(level_terms(), t.grade).code)},
        {"description", t.description},
        {"days", t.half_days / 2.0},
        {"days_drawn", p.drawn_half_days / 2.0},
        {"days_left", p.half_days_left() / 2.0},
        {"price_pence", t.price_pence},
        {"starts_on", format_date(t.starts_on)},
        {"ends_on", format_date(t.ends_on)},
        {"invoice_id", p.invoice_id ? nlohmann::json(p.invoice_id->value) : nlohmann::json()},
    };
}

nlohmann::json statement_json(const Statement& st) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : st.entries) {
        entries.push_back(
            {{"date", format_date(e.date)},
             {"kind", e.kind},
             {"reference", e.reference},
             {"invoice_id", e.invoice_id ? nlohmann::json(e.invoice_id->value) : nlohmann::json()},
             {"amount_pence", e.amount_pence},
             {"balance_pence", e.balance_pence}});
    }
    return {{"school_urn", st.school_urn.value},
            {"school_name", st.school_name},
            {"entries", entries},
            {"balance_pence", st.balance_pence}};
}

nlohmann::json finance_summary_json(const FinanceSummary& s) {
    return {
        {"income_by_month", amounts_json(s.income_by_month)},
        {"income_by_school", amounts_json(s.income_by_school)},
        {"income_by_grade", amounts_json(s.income_by_grade)},
        {"income_by_service", amounts_json(s.income_by_service)},
        {"outstanding", {{"count", s.outstanding_count}, {"pence", s.outstanding_pence}}},
        {"overdue", {{"count", s.overdue_count}, {"pence", s.overdue_pence}}},
        {"days",
         {{"agreed", s.agreed_half_days / 2.0},
          {"delivered", s.delivered_half_days / 2.0},
          {"package_sold", s.package_half_days / 2.0},
          {"package_drawn", s.drawn_half_days / 2.0}}},
    };
}

}  // namespace sendhub
