#include "store/finance_report.hpp"

#include "core/invoicing.hpp"
#include "core/needs.hpp"

namespace sendhub {
namespace {

// By month and by school, credit notes are taken off (by month, when they were issued).
// By grade and service the figures are as invoiced: a credit note has no lines to split.
constexpr std::string_view kByMonth =
    "SELECT m, sum(p) FROM ("
    " SELECT substr(issue_date, 1, 7) AS m, total_pence AS p FROM invoices"
    " UNION ALL SELECT substr(issue_date, 1, 7), -amount_pence FROM credit_notes) x GROUP BY m "
    "ORDER BY m";
constexpr std::string_view kBySchool =
    "SELECT i.school_urn, s.name, sum(i.total_pence - i.credited_pence) AS net FROM invoices i"
    " JOIN schools s ON s.urn = i.school_urn GROUP BY i.school_urn, s.name ORDER BY net DESC, "
    "i.school_urn LIMIT 10";
constexpr std::string_view kByGrade =
    "SELECT grade, sum(amount_pence) FROM invoice_lines WHERE grade IS NOT NULL GROUP BY grade "
    "ORDER BY grade";
constexpr std::string_view kByKind =
    "SELECT kind, sum(amount_pence) FROM invoice_lines GROUP BY kind ORDER BY kind";
constexpr std::string_view kOutstanding =
    "SELECT count(*), coalesce(sum(total_pence - credited_pence), 0),"
    " coalesce(sum(CASE WHEN due_date < ? THEN 1 ELSE 0 END), 0),"
    " coalesce(sum(CASE WHEN due_date < ? THEN total_pence - credited_pence ELSE 0 END), 0)"
    " FROM invoices WHERE status = 'issued' AND total_pence > credited_pence";
constexpr std::string_view kDays =
    "SELECT (SELECT coalesce(sum(sessions * session_half_days + report_writing_half_days), 0) FROM "
    "agreements"
    "        WHERE status IN ('agreed', 'completed')),"
    " (SELECT coalesce(sum(half_days), 0) FROM visits WHERE status = 'delivered'),"
    " (SELECT coalesce(sum(half_days), 0) FROM packages),"
    " (SELECT coalesce(sum(drawn_half_days), 0) FROM invoice_lines WHERE package_id IS NOT NULL)";

template <class Enum>
std::vector<Amount> labelled(SqlConnection& c, std::string_view sql,
                             std::span<const Term<Enum>> terms) {
    std::vector<Amount> out;
    for (const auto& r : c.query_with(sql)) {
        auto value = parse_term(terms, r.text(0));
        out.push_back({r.text(0), value ? std::string(term_of(terms, *value).label) : r.text(0),
                       r.integer(1)});
    }
    return out;
}

}  // namespace

FinanceSummary finance_summary(Database& db, Date today) {
    return db.read([&](SqlConnection& c) {
        FinanceSummary s;
        for (const auto& r : c.query_with(kByMonth))
            s.income_by_month.push_back({r.text(0), r.text(0), r.integer(1)});
        for (const auto& r : c.query_with(kBySchool))
            s.income_by_school.push_back({std::to_string(r.integer(0)), r.text(1), r.integer(2)});
        s.income_by_grade = labelled(c, kByGrade, level_terms());
        s.income_by_service = labelled(c, kByKind, line_kind_terms());
        auto o = c.query_one(kOutstanding, format_date(today), format_date(today));
        s.outstanding_count = o->integer(0);
        s.outstanding_pence = o->integer(1);
        s.overdue_count = o->integer(2);
        s.overdue_pence = o->integer(3);
        auto d = c.query_one(kDays);
        s.agreed_half_days = static_cast<int>(d->integer(0));
        s.delivered_half_days = static_cast<int>(d->integer(1));
        s.package_half_days = static_cast<int>(d->integer(2));
        s.drawn_half_days = static_cast<int>(d->integer(3));
        return s;
    });
}

}  // namespace sendhub
