#include "service/finance_service.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sendhub {
namespace {

Error hidden_invoice() {
    return Error::not_found("No such invoice.");
}

//! A school's staff are held to their own school whatever they ask for.
std::optional<SchoolUrn> scope(const Actor& actor, std::optional<SchoolUrn> asked) {
    if (auto own = school_scope(actor)) return own;
    return asked;
}

Result<Date> date_field(std::string_view field, std::string_view text, std::string_view what) {
    auto date = parse_date(trim(text));
    if (!date)
        return std::unexpected(
            Error::invalid(std::string(field), "invalid", date_problem(text, what)));
    return *date;
}

}  // namespace

Result<std::vector<InvoiceRecord>> run_invoices(Services& s, const Actor&,
                                                std::string_view period_end, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto end,
                             date_field("period_end", period_end, "the last day of the period"));
    Date issued = s.clock().today();
    if (end > issued)
        return std::unexpected(
            Error::invalid("period_end", "in_future", "The period must end today or earlier"));
    // A run that meets another mid-way is rolled back whole; running again then finds only
    // what the other left, so retrying is safe.
    for (int attempt = 0;; ++attempt) {
        auto created = s.invoices.run(end, issued, who);
        if (created || created.error().code != "concurrent_run" || attempt == 2) return created;
    }
}

Result<InvoiceRecord> get_invoice(Services& s, const Actor& actor, InvoiceId id) {
    auto inv = s.invoices.find(id);
    if (!inv || !can_see_school(actor, inv->school_urn)) return std::unexpected(hidden_invoice());
    return *inv;
}

Page<InvoiceRecord> list_invoices(Services& s, const Actor& actor, InvoiceFilter filter) {
    filter.school_urn = scope(actor, filter.school_urn);
    return s.invoices.list(filter);
}

std::vector<InvoiceRecord> export_invoices(Services& s, const Actor& actor,
                                           std::optional<SchoolUrn> school) {
    return s.invoices.all(scope(actor, school));
}

InvoiceFacts invoice_facts(const InvoiceRecord& invoice) {
    return {.status = invoice.status,
            .total_pence = invoice.total_pence,
            .credited_pence = invoice.credited_pence};
}

Result<InvoiceRecord> mark_invoice_paid(Services& s, const Actor& actor, InvoiceId id,
                                        std::string_view paid_on, const Acting& who) {
    return record_payment(s, actor, id, std::nullopt, paid_on, who);
}

Result<InvoiceRecord> record_payment(Services& s, const Actor& actor, InvoiceId id,
                                     std::optional<std::int64_t> amount_pence,
                                     std::string_view paid_on, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto invoice, get_invoice(s, actor, id));
    SENDHUB_TRY(check_invoice_step(actor, invoice_facts(invoice), InvoiceStep::record_payment));
    SENDHUB_ASSIGN_OR_RETURN(auto on,
                             date_field("paid_on", paid_on, "the date the payment arrived"));
    if (on > s.clock().today())
        return std::unexpected(
            Error::invalid("paid_on", "in_future", "The payment date cannot be in the future"));
    return s.invoices.add_payment(id, amount_pence, on, who);
}

TrustSettings trust_settings(Services& s) {
    if (auto saved = s.trust_settings.find()) return *saved;
    TrustSettings unset;
    unset.name = s.config.trust_name;
    return unset;
}

Result<TrustSettings> save_trust_settings(Services& s, const Actor& actor, TrustSettings input,
                                          const Acting& who) {
    if (!allows(actor, Permission::manage_users)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(TrustSettings settings, validate_trust_settings(std::move(input)));
    s.trust_settings.save(settings, who);
    return settings;
}

Result<std::string> issued_invoice_pdf(Services& s, const Actor& actor, InvoiceId id,
                                       const InvoiceRenderer& render) {
    SENDHUB_ASSIGN_OR_RETURN(auto invoice, get_invoice(s, actor, id));
    return s.documents.issued("invoice", id.value,
                              [&] { return render(invoice, trust_settings(s)); });
}

Result<std::string> issued_credit_note_pdf(Services& s, const Actor& actor,
                                           std::int64_t credit_note_id,
                                           const CreditNoteRenderer& render) {
    auto hidden = [] { return std::unexpected(Error::not_found("No such credit note.")); };
    auto invoice_id = s.invoices.invoice_of_credit_note(credit_note_id);
    if (!invoice_id) return hidden();
    auto invoice = get_invoice(s, actor, *invoice_id);
    if (!invoice) return hidden();
    auto note = std::ranges::find(invoice->credit_notes, credit_note_id, &CreditNoteRecord::id);
    if (note == invoice->credit_notes.end()) return hidden();
    return s.documents.issued("credit_note", credit_note_id,
                              [&] { return render(*invoice, *note, trust_settings(s)); });
}

Result<InvoiceRecord> credit_invoice(Services& s, const Actor& actor, InvoiceId id,
                                     std::string_view amount_pence, std::string_view reason,
                                     const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto invoice, get_invoice(s, actor, id));
    SENDHUB_TRY(check_invoice_step(actor, invoice_facts(invoice), InvoiceStep::credit));
    std::optional<std::int64_t> amount;
    if (!trim(amount_pence).empty()) {
        auto parsed = parse_int(trim(amount_pence));
        if (!parsed)
            return std::unexpected(Error::invalid(
                "amount_pence", "invalid", "Enter the amount in pence, a whole number like 600"));
        amount = *parsed;
    }
    return s.invoices.credit(id, amount, trim(reason), s.clock().today(), who);
}

Result<PackageRecord> add_package(Services& s, const Actor&, const PackageInput& input,
                                  const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto terms, validate_package(input));
    return s.invoices.add_package(terms, who);
}

Result<PackageRecord> get_package(Services& s, const Actor& actor, PackageId id) {
    auto p = s.invoices.find_package(id);
    if (!p || !can_see_school(actor, p->terms.school))
        return std::unexpected(Error::not_found("No such package."));
    return *p;
}

std::vector<PackageRecord> list_packages(Services& s, const Actor& actor,
                                         std::optional<SchoolUrn> school) {
    return s.invoices.packages(scope(actor, school));
}

Result<Statement> school_statement(Services& s, const Actor& actor, SchoolUrn urn) {
    auto school = s.schools.find(urn);
    if (!school || !can_see_school(actor, urn))
        return std::unexpected(Error::not_found("No such school."));
    Statement st{urn, school->name, {}, 0};
    for (const auto& inv : s.invoices.all(urn)) {
        st.entries.push_back(
            {inv.issue_date, "invoice", inv.number, inv.number, inv.id, inv.total_pence, 0});
        for (const auto& cn : inv.credit_notes)
            st.entries.push_back(
                {cn.issue_date, "credit_note", cn.number, inv.number, inv.id, -cn.amount_pence, 0});
        auto payment = [&](Date on, std::int64_t pence) {
            st.entries.push_back(
                {on, "payment", "Payment of " + inv.number, inv.number, inv.id, -pence, 0});
        };
        for (const auto& paid : inv.payments) payment(paid.paid_on, paid.amount_pence);
        if (inv.payments.empty() && inv.paid_on)  // paid in full before payments were itemised
            payment(*inv.paid_on, inv.paid_pence);
    }
    // Date order; on one day an invoice comes before what settles it.
    auto rank = [](const StatementEntry& e) {
        return e.kind == "invoice" ? 0 : e.kind == "credit_note" ? 1 : 2;
    };
    std::ranges::stable_sort(st.entries, [&](const auto& a, const auto& b) {
        return a.date != b.date ? a.date < b.date : rank(a) < rank(b);
    });
    for (auto& e : st.entries) e.balance_pence = st.balance_pence += e.amount_pence;
    return st;
}

FinanceSummary finance_dashboard(Services& s) {
    return finance_summary(*s.database, s.clock().today());
}

std::vector<Tariff> list_tariffs(Services& s) {
    return s.tariffs.all();
}

Result<Tariff> add_tariff(Services& s, const Actor& actor, const Tariff& tariff,
                          const Acting& who) {
    if (!allows(actor, Permission::manage_tariffs)) return std::unexpected(Error::forbidden());
    return s.tariffs.add(tariff, who);
}
}  // namespace sendhub
