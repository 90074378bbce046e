#include "adapter/invoice_documents.hpp"

#include "adapter/documents.hpp"
#include "adapter/spreadsheet.hpp"
#include "core/csv.hpp"
#include "pdf/pdf_document.hpp"

namespace sendhub {
namespace {

// The CSV's columns are a finance system's import format; the workbook says the same in words.
const std::vector<std::string> kExportHeader{
    "record",     "document_number", "invoice_number", "date", "due_date",
    "school_urn", "school_name",     "status",         "kind", "description",
    "quantity",   "unit_pence",      "amount_pence"};
const std::vector<std::string> kWorkbookHeader{
    "Record",     "Document number", "Invoice number", "Date", "Due date",
    "School URN", "School",          "Status",         "Kind", "Description",
    "Quantity",   "Unit price",      "Amount"};

std::string status_code(InvoiceStatus s) {
    return std::string(term_of(invoice_status_terms(), s).code);
}

//! The rows both exports share, each cell keeping its kind (date, money, number).
std::vector<std::vector<SheetCell>> export_rows(const std::vector<InvoiceRecord>& invoices) {
    std::vector<std::vector<SheetCell>> rows;
    for (const auto& inv : invoices) {
        for (const auto& l : inv.lines) {
            rows.push_back({std::string("invoice_line"), inv.number, inv.number,
                            SheetDate{inv.issue_date}, SheetDate{inv.due_date},
                            inv.school_urn.value, inv.school_name, status_code(inv.status),
                            std::string(term_of(line_kind_terms(), l.kind).code), l.description,
                            SheetDecimal{static_cast<double>(l.quantity_tenths) / 10.0},
                            SheetMoney{l.unit_pence}, SheetMoney{l.amount_pence}});
        }
        for (const auto& cn : inv.credit_notes) {
            rows.push_back({std::string("credit_note"), cn.number, inv.number,
                            SheetDate{cn.issue_date}, std::string(), inv.school_urn.value,
                            inv.school_name, status_code(inv.status), std::string("credit"),
                            cn.reason, SheetDecimal{1}, SheetMoney{-cn.amount_pence},
                            SheetMoney{-cn.amount_pence}});
        }
    }
    return rows;
}

}  // namespace

std::string line_quantity(const InvoiceLineRecord& l) {
    std::string unit = l.kind == LineKind::travel    ? " mile"
                       : l.kind == LineKind::package ? " package"
                       : l.kind == LineKind::event   ? " place"
                                                     : " day";
    return format_tenths(l.quantity_tenths) + unit + (l.quantity_tenths == 10 ? "" : "s");
}

std::string line_unit_price(const InvoiceLineRecord& l) {
    return l.kind == LineKind::travel ? std::to_string(l.unit_pence) + "p a mile"
                                      : money(l.unit_pence);
}

namespace {

// The trust's letterhead and the school it is addressed to: the same on both documents.
void letterhead(PdfDocument& pdf, const InvoiceRecord& inv, const TrustSettings& trust) {
    trust_letterhead(pdf, trust);
    pdf.field("To", inv.school_name + " (URN " + std::to_string(inv.school_urn.value) + "), " +
                        inv.school_postcode);
    if (!inv.purchase_order.empty()) pdf.field("Your purchase order", inv.purchase_order);
}

void how_to_pay(PdfDocument& pdf, const TrustSettings& trust, const std::string& reference) {
    pdf.subheading("How to pay");
    if (trust.account_number.empty()) {
        pdf.paragraph("Contact " + trust.name + " for payment details. Please quote " + reference +
                      ".");
        return;
    }
    pdf.field("Account name", trust.bank_account_name);
    pdf.field("Sort code", trust.sort_code);
    pdf.field("Account number", trust.account_number);
    pdf.field("Payment reference", reference);
}

}  // namespace

// An issued invoice never changes (it is kept as first made), so it shows what was charged,
// not what has since been paid or credited: statements and credit notes say that.
std::string invoice_pdf(const InvoiceRecord& inv, const TrustSettings& trust) {
    PdfDocument pdf("Invoice " + inv.number);
    pdf.heading("Invoice " + inv.number);
    letterhead(pdf, inv, trust);
    pdf.field("Invoice date", format_long_date(inv.issue_date));
    pdf.field("For work up to", format_long_date(inv.period_end));
    pdf.field("Payment due", format_long_date(inv.due_date));
    pdf.subheading("Charges");
    std::vector<std::vector<std::string>> rows;
    rows.reserve(inv.lines.size() + 1);
    for (const auto& l : inv.lines)
        rows.push_back(
            {l.description, line_quantity(l), line_unit_price(l), money(l.amount_pence)});
    rows.push_back({"Total", "", "", money(inv.total_pence)});
    pdf.table({"Item", "Quantity", "Price", "Amount"}, rows);
    pdf.subheading("Payment terms");
    pdf.paragraph("Payment is due within " + std::to_string(kPaymentTermsDays) +
                  " days of the invoice date, by " + format_long_date(inv.due_date) + ".");
    how_to_pay(pdf, trust, inv.number);
    pdf.small(
        "Days drawn from a buy-back package are shown at no charge. Travel is charged per mile "
        "from the practitioner's home.");
    return pdf.finish();
}

std::string credit_note_pdf(const InvoiceRecord& inv, const CreditNoteRecord& note,
                            const TrustSettings& trust) {
    PdfDocument pdf("Credit note " + note.number);
    pdf.heading("Credit note " + note.number);
    letterhead(pdf, inv, trust);
    pdf.field("Date", format_long_date(note.issue_date));
    pdf.field("Against invoice", inv.number + " of " + format_long_date(inv.issue_date));
    pdf.field("Invoice total", money(inv.total_pence));
    pdf.field("Amount credited", money(note.amount_pence));
    pdf.field("Reason", note.reason);
    pdf.paragraph("This amount is taken off what your school owes on invoice " + inv.number +
                  ". If you have already paid it, contact us and we will refund it or set it "
                  "against your next invoice.");
    return pdf.finish();
}

std::string invoices_csv(const std::vector<InvoiceRecord>& invoices) {
    std::string out = csv_record(kExportHeader);
    for (const auto& row : export_rows(invoices)) {
        std::vector<std::string> fields;
        fields.reserve(row.size());
        for (const auto& cell : row) fields.push_back(csv_text(cell));
        out += csv_record(fields);
    }
    return out;
}

std::string invoices_xlsx(const std::vector<InvoiceRecord>& invoices) {
    return xlsx_workbook("Invoices", kWorkbookHeader, export_rows(invoices));
}

}  // namespace sendhub
