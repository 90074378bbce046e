#include "adapter/invoice_documents.hpp"

#include "adapter/documents.hpp"
#include "adapter/spreadsheet.hpp"
#include "core/csv.hpp"
#include "pdf/pdf_document.hpp"

namespace sendhub {
namespace {

const std::vector<std::string> kExportHeader{
    "record",     "document_number", "invoice_number", "date", "due_date",
    "school_urn", "school_name",     "status",         "kind", "description",
    "quantity",   "unit_pence",      "amount_pence"};

std::string status_code(InvoiceStatus s) {
    return std::string(term_of(invoice_status_terms(), s).code);
}

//! The rows both exports share: numbers stay integers so the XLSX cells sum.
std::vector<std::vector<SheetCell>> export_rows(const std::vector<InvoiceRecord>& invoices) {
    std::vector<std::vector<SheetCell>> rows;
    for (const auto& inv : invoices) {
        for (const auto& l : inv.lines) {
            rows.push_back({std::string("invoice_line"), inv.number, inv.number,
                            format_date(inv.issue_date), format_date(inv.due_date),
                            inv.school_urn.value, inv.school_name, status_code(inv.status),
                            std::string(term_of(line_kind_terms(), l.kind).code), l.description,
                            format_tenths(l.quantity_tenths), l.unit_pence, l.amount_pence});
        }
        for (const auto& cn : inv.credit_notes) {
            rows.push_back({std::string("credit_note"), cn.number, inv.number,
                            format_date(cn.issue_date), std::string(), inv.school_urn.value,
                            inv.school_name, status_code(inv.status), std::string("credit"),
                            cn.reason, std::string("1"), -cn.amount_pence, -cn.amount_pence});
        }
    }
    return rows;
}

}  // namespace

std::string line_quantity(const InvoiceLineRecord& l) {
    std::string unit = l.kind == LineKind::travel    ? " mile"
                       : l.kind == LineKind::package ? " package"
                                                     : " day";
    return format_tenths(l.quantity_tenths) + unit + (l.quantity_tenths == 10 ? "" : "s");
}

std::string line_unit_price(const InvoiceLineRecord& l) {
    return l.kind == LineKind::travel ? std::to_string(l.unit_pence) + "p a mile"
                                      : money(l.unit_pence);
}

std::string invoice_pdf(const InvoiceRecord& inv, std::string_view trust_name) {
    PdfDocument pdf("Invoice " + inv.number);
    pdf.small(std::string(trust_name) + " · Traded outreach and SEND services");
    pdf.heading("Invoice " + inv.number);
    pdf.field("From", std::string(trust_name));
    pdf.field("To", inv.school_name + " (URN " + std::to_string(inv.school_urn.value) + "), " +
                        inv.school_postcode);
    pdf.field("Invoice date", format_date(inv.issue_date));
    pdf.field("For work up to", format_date(inv.period_end));
    pdf.field("Payment due", format_date(inv.due_date));
    pdf.field("Status", std::string(term_of(invoice_status_terms(), inv.status).label));
    pdf.subheading("Charges");
    for (const auto& l : inv.lines)
        pdf.field(l.description,
                  line_quantity(l) + " at " + line_unit_price(l) + " = " + money(l.amount_pence));
    pdf.field("Total", money(inv.total_pence));
    if (!inv.credit_notes.empty()) {
        pdf.subheading("Credit notes");
        for (const auto& cn : inv.credit_notes)
            pdf.field(cn.number + " (" + format_date(cn.issue_date) + ")",
                      "−" + money(cn.amount_pence) + ": " + cn.reason);
        pdf.field("Total after credit notes", money(inv.total_pence - inv.credited_pence));
    }
    if (inv.paid_on) pdf.paragraph("Paid on " + format_date(*inv.paid_on) + ". Thank you.");
    pdf.subheading("Payment terms");
    pdf.paragraph("Payment is due within " + std::to_string(kPaymentTermsDays) +
                  " days of the invoice date, by " + format_date(inv.due_date) + ". Please quote " +
                  inv.number + " with your payment.");
    pdf.small(
        "Days drawn from a buy-back package are shown at no charge. Travel is charged per mile "
        "from the practitioner's home.");
    return pdf.finish();
}

std::string invoices_csv(const std::vector<InvoiceRecord>& invoices) {
    std::string out = csv_record(kExportHeader);
    for (const auto& row : export_rows(invoices)) {
        std::vector<std::string> fields;
        fields.reserve(row.size());
        for (const auto& cell : row)
            fields.push_back(std::holds_alternative<std::string>(cell)
                                 ? std::get<std::string>(cell)
                                 : std::to_string(std::get<std::int64_t>(cell)));
        out += csv_record(fields);
    }
    return out;
}

std::string invoices_xlsx(const std::vector<InvoiceRecord>& invoices) {
    return xlsx_workbook("Invoices", kExportHeader, export_rows(invoices));
}

}  // namespace sendhub
