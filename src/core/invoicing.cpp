#include "core/invoicing.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "core/money_input.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::array<Term<InvoiceStatus>, 4> kStatuses{{
    {InvoiceStatus::issued, "issued", "Issued"},
    {InvoiceStatus::paid, "paid", "Paid"},
    {InvoiceStatus::credited, "credited", "Credited"},
    {InvoiceStatus::part_paid, "part_paid", "Part paid"},
}};

constexpr std::array<Term<LineKind>, 5> kKinds{{
    {LineKind::visit, "visit", "Outreach visits"},
    {LineKind::report_writing, "report_writing", "Report writing"},
    {LineKind::travel, "travel", "Travel"},
    {LineKind::package, "package", "Buy-back packages"},
    {LineKind::event, "event", "Training and events"},
}};

std::string grade_label(Grade g) {
    return std::string(term_of(level_terms(), g).label);
}

//! Takes up to `wanted` half days from the school's best package for this grade and date:
//! the one ending soonest, so days bought earlier are used before they lapse.
std::pair<std::optional<PackageId>, int> draw(std::vector<PackageBalance>& balances,
                                              SchoolUrn school, Grade grade, Date date,
                                              int wanted) {
    PackageBalance* best = nullptr;
    for (auto& b : balances) {
        if (b.school != school || b.grade != grade || b.half_days_left <= 0) continue;
        if (date < b.starts_on || b.ends_on < date) continue;
        if (!best || b.ends_on < best->ends_on || (b.ends_on == best->ends_on && b.id < best->id))
            best = &b;
    }
    if (!best) return {std::nullopt, 0};
    int taken = std::min(wanted, best->half_days_left);
    best->half_days_left -= taken;
    return {best->id, taken};
}

//! The day lines of some work: drawn from a package where one covers it, charged for the rest.
void add_days(std::vector<DraftLine>& lines, std::vector<PackageBalance>& balances, LineKind kind,
              const std::string& what, SchoolUrn school, Grade grade, Date date, int half_days,
              std::int64_t day_rate, std::optional<VisitId> visit, AgreementId agreement) {
    auto [package, drawn] = draw(balances, school, grade, date, half_days);
    if (drawn > 0) {
        lines.push_back({kind,
                         fmt::format("{}, {} day from buy-back package PK-{}", what,
                                     format_days(drawn), package->value),
                         std::int64_t{drawn} * 5, 0, 0, grade, visit, agreement, package, drawn,
                         std::nullopt, std::nullopt});
    }
    int charged = half_days - drawn;
    if (charged > 0) {
        lines.push_back({kind,
                         fmt::format("{}, {} day at the {} day rate", what, format_days(charged),
                                     grade_label(grade)),
                         std::int64_t{charged} * 5, day_rate, charge_for_days(charged, day_rate),
                         grade, visit, agreement, std::nullopt, 0, std::nullopt, std::nullopt});
    }
}

}  // namespace

std::span<const Term<InvoiceStatus>> invoice_status_terms() {
    return kStatuses;
}
std::span<const Term<LineKind>> line_kind_terms() {
    return kKinds;
}

int financial_year(Date date) {
    int year = static_cast<int>(date.year());
    return static_cast<unsigned>(date.month()) >= 4 ? year : year - 1;
}

std::string document_number(std::string_view prefix, int fy, std::int64_t sequence) {
    return fmt::format("{}-{}-{:02}-{:04}", prefix, fy, (fy + 1) % 100, sequence);
}

Result<PackageTerms> validate_package(const PackageInput& in) {
    Validator v;
    PackageTerms p;
    auto urn = parse_int(trim(in.school_urn));
    if (!urn || *urn <= 0)
        v.fail("school_urn", "invalid", "Choose the school");
    else
        p.school = SchoolUrn{*urn};
    auto grade = parse_term(grade_terms(), trim(in.grade));
    if (!grade)
        v.fail("grade", "invalid", "Choose the level of practitioner the days are for");
    else
        p.grade = *grade;
    auto half_days = parse_half_days(trim(in.days));
    if (!half_days || *half_days < 1 || *half_days > 2 * 200)
        v.fail("days", "invalid", "Enter the days bought, from 0.5 to 200, in halves");
    else
        p.half_days = *half_days;
    auto price = parse_int(trim(in.price_pence));
    if (!price || *price < 0 || *price > 100'000'000)
        v.fail("price_pence", "invalid", "Enter the agreed price in pence, like 170000");
    else
        p.price_pence = *price;
    auto starts = parse_date(trim(in.starts_on));
    if (!starts)
        v.fail("starts_on", "invalid",
               date_problem(in.starts_on, "the first day the package can be used"));
    else
        p.starts_on = *starts;
    auto ends = parse_date(trim(in.ends_on));
    if (!ends)
        v.fail("ends_on", "invalid",
               date_problem(in.ends_on, "the last day the package can be used"));
    else if (starts && *ends < *starts)
        v.fail("ends_on", "invalid", "The package must end on or after the day it starts");
    else
        p.ends_on = *ends;
    p.description = trim(in.description);
    if (p.description.size() > 200)
        v.fail("description", "too_long", "Description must be 200 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    if (p.description.empty())
        p.description =
            fmt::format("{} days of {} time", format_days(p.half_days), grade_label(p.grade));
    return p;
}

std::vector<DraftInvoice> draft_invoices(BillableWork work) {
    // Earlier work draws package days first, whatever order it arrives in.
    std::ranges::sort(work.visits, [](const auto& a, const auto& b) {
        return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
    std::map<std::int64_t, DraftInvoice> by_school;
    auto invoice_for = [&](SchoolUrn school) -> DraftInvoice& {
        auto& inv = by_school[school.value];
        inv.school = school;
        return inv;
    };

    for (const auto& p : work.packages) {
        const auto& t = p.terms;
        invoice_for(t.school).lines.push_back(
            {LineKind::package,
             fmt::format("Buy-back package PK-{}: {} ({} to {})", p.id.value, t.description,
                         format_date(t.starts_on), format_date(t.ends_on)),
             10, t.price_pence, t.price_pence, t.grade, std::nullopt, std::nullopt, p.id, 0,
             std::nullopt, std::nullopt});
    }

    std::map<std::int64_t, const BillableReportWriting*> report_writing;
    for (const auto& r : work.report_writing) report_writing[r.agreement.value] = &r;

    for (const auto& v : work.visits) {
        auto& lines = invoice_for(v.school).lines;
        std::string what = fmt::format("{} visit on {}", v.reference, format_date(v.date));
        add_days(lines, work.balances, LineKind::visit, what, v.school, v.grade, v.date,
                 v.half_days, v.rates.day_rate_pence, v.id, v.agreement);
        if (auto it = report_writing.find(v.agreement.value); it != report_writing.end()) {
            const auto& r = *it->second;
            if (r.half_days > 0) {
                add_days(lines, work.balances, LineKind::report_writing,
                         r.reference + " report writing", r.school, r.grade, v.date, r.half_days,
                         r.day_rate_pence, std::nullopt, r.agreement);
            }
            report_writing.erase(it);
        }
        lines.push_back({LineKind::travel,
                         fmt::format("{} travel on {}, {} miles", v.reference, format_date(v.date),
                                     format_tenths(v.miles_tenths)),
                         v.miles_tenths, v.rates.mileage_pence_per_mile,
                         charge_for_miles(v.miles_tenths, v.rates.mileage_pence_per_mile), v.grade,
                         v.id, v.agreement, std::nullopt, 0, std::nullopt, std::nullopt});
    }

    for (const auto& p : work.places) {
        DraftLine line;
        line.kind = LineKind::event;
        line.description = fmt::format("{}, {}: place for {}", p.title,
                                       format_day_month_year(p.event_date), p.attendee);
        line.quantity_tenths = 10;
        line.unit_pence = p.price_pence;
        line.amount_pence = p.price_pence;
        line.event = p.event;
        line.booking = p.booking;
        invoice_for(p.school).lines.push_back(std::move(line));
    }

    std::vector<DraftInvoice> out;
    for (auto& [urn, inv] : by_school) {
        for (const auto& line : inv.lines) inv.total_pence += line.amount_pence;
        out.push_back(std::move(inv));
    }
    return out;
}

Result<std::string> validate_purchase_order(std::string_view typed) {
    std::string order = trim(typed);
    if (order.size() > 50)
        return std::unexpected(Error::invalid("purchase_order", "too_long",
                                              "A purchase order number is 50 characters or fewer"));
    for (unsigned char ch : order)
        if (ch < 0x20 || ch == 0x7f)
            return std::unexpected(Error::invalid("purchase_order", "invalid",
                                                  "Enter the purchase order number on one line"));
    return order;
}

Result<std::int64_t> validate_payment(std::optional<std::int64_t> amount, std::int64_t balance) {
    if (balance <= 0)
        return std::unexpected(
            Error::conflict("not_issued", "Nothing is left to pay on this invoice."));
    if (!amount)
        return std::unexpected(Error::invalid("amount_pence", "required", "Enter the amount paid"));
    if (*amount < 1 || *amount > balance)
        return std::unexpected(Error::invalid(
            "amount_pence", "invalid",
            "Enter an amount from £0.01 to " + money(balance) + ", the balance still to pay"));
    return *amount;
}

InvoiceStatus invoice_status(std::int64_t total, std::int64_t paid, std::int64_t credited) {
    if (credited >= total) return InvoiceStatus::credited;
    if (paid + credited >= total) return InvoiceStatus::paid;
    if (paid > 0) return InvoiceStatus::part_paid;
    return InvoiceStatus::issued;
}

Result<std::int64_t> validate_credit(std::optional<std::int64_t> amount, std::int64_t total,
                                     std::int64_t credited, std::string_view reason) {
    Validator v;
    std::int64_t left = total - credited;
    if (left <= 0)
        return std::unexpected(
            Error::conflict("fully_credited", "This invoice has already been credited in full."));
    std::int64_t value = amount.value_or(left);
    if (value < 1 || value > left)
        v.fail(
            "amount_pence", "invalid",
            "Enter an amount from \u00a30.01 to " + money(left) + ", the amount not yet credited");
    if (trim(reason).empty())
        v.fail("reason", "required", "Enter the reason for the credit note");
    else if (reason.size() > 1000)
        v.fail("reason", "too_long", "Reason must be 1000 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return value;
}

}  // namespace sendhub
