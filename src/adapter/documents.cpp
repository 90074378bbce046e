#include "adapter/documents.hpp"

#include <cmath>
#include <cstdio>

#include "core/invoicing.hpp"
#include "pdf/pdf_document.hpp"

namespace sendhub {

void trust_letterhead(PdfDocument& pdf, const TrustSettings& trust) {
    pdf.small(trust.name + " · Traded outreach and SEND services");
    pdf.field("From", trust.name);
    if (!trust.address.empty()) pdf.field("Address", trust.address);
    if (!trust.email.empty() || !trust.phone.empty())
        pdf.field(
            "Contact",
            trust.email + (trust.email.empty() || trust.phone.empty() ? "" : ", ") + trust.phone);
    pdf.field("VAT", vat_status(trust));
}

std::string agreement_pdf(const AgreementRecord& a, const Quote& q, const TrustSettings& trust) {
    const auto& t = a.terms;
    const std::string reference = request_reference(a.request_id);
    PdfDocument pdf("Provision agreement " + reference);
    pdf.heading("Provision agreement " + reference);
    trust_letterhead(pdf, trust);
    pdf.field("For", a.school_name + " (URN " + std::to_string(a.school_urn.value) + ")");
    if (!a.purchase_order.empty()) pdf.field("Your purchase order", a.purchase_order);
    pdf.field("Status", std::string(term_of(agreement_status_terms(), a.status).label));

    pdf.subheading("The support");
    pdf.field("Type of support", t.type);
    pdf.field("Practitioner",
              a.practitioner_name + ", " + std::string(term_of(level_terms(), t.level).label));
    pdf.field("How often", std::string(term_of(frequency_terms(), t.frequency).label) + ", " +
                               std::to_string(t.sessions) +
                               (t.sessions == 1 ? " session of " : " sessions of ") +
                               format_days(t.session_half_days) +
                               (t.session_half_days == 2 ? " day" : " days") + ", from " +
                               format_long_date(t.start_date));
    pdf.subheading("Agreed outcomes");
    int n = 1;
    for (const auto& o : a.outcomes) pdf.paragraph(std::to_string(n++) + ". " + o.text);

    pdf.subheading("Sessions and prices");
    std::vector<std::vector<std::string>> rows;
    rows.reserve(q.lines.size() + 1);
    for (const auto& line : q.lines) {
        std::string quantity =
            format_tenths(std::lround(line.quantity * 10)) + (line.travel ? " miles" : " days");
        std::string unit =
            line.travel ? std::to_string(line.unit_pence) + "p a mile" : money(line.unit_pence);
        rows.push_back({line.description, quantity, unit, money(line.amount_pence)});
    }
    rows.push_back({"Total", "", "", money(q.total_pence)});
    pdf.table({"Item", "Quantity", "Price", "Amount"}, rows);
    pdf.small(
        "Travel is an estimate from the practitioner's home (road distance about 1.4 times the "
        "straight line, there and back); the miles actually travelled are charged.");

    pdf.subheading("Terms");
    pdf.paragraph(
        "The prices are those in force on the day the school accepts this agreement and are "
        "fixed for it. Each visit ends with a brief report to the SENCO of the work undertaken, "
        "the actions agreed and the recommended next steps.");
    pdf.subheading("Changes and cancellation");
    pdf.paragraph(
        "Either the school or the trust may move or cancel a planned visit; the other is told "
        "straight away. Visits that are cancelled are not charged. The school may cancel the "
        "whole agreement at any time: work already delivered is still charged.");
    pdf.subheading("Payment");
    pdf.paragraph(
        "Delivered visits, report writing and travel are invoiced after delivery. "
        "Payment is due within " +
        std::to_string(kPaymentTermsDays) +
        " days of the invoice date. Please quote the invoice number when you pay.");

    pdf.subheading("Acceptance");
    if (a.accepted_at) {
        pdf.paragraph("Accepted on behalf of " + a.school_name + " by " + a.accepted_by_name +
                      " on " + format_long_date(london_date(*a.accepted_at)) + ".");
    } else {
        pdf.paragraph(
            "Not yet accepted. The school's SENCO accepts this agreement in sendhub, "
            "and can give a purchase order number when doing so.");
    }
    return pdf.finish();
}

std::string visit_report_pdf(const VisitRecord& v, const TrustSettings& trust) {
    PdfDocument pdf("Visit report " + request_reference(v.request_id));
    pdf.small(trust.name + " · Traded outreach");
    pdf.heading("Outreach visit report");
    pdf.field("Request", request_reference(v.request_id));
    pdf.field("School", v.school_name);
    pdf.field("Visit", format_long_date(v.date) + ", " + format_days(v.half_days) +
                           (v.half_days == 2 ? " day" : " days"));
    pdf.field("Practitioner", v.practitioner_name);
    pdf.subheading("Work undertaken");
    pdf.paragraph(v.report.work_undertaken);
    pdf.subheading("Actions agreed");
    pdf.paragraph(v.report.actions_agreed);
    pdf.subheading("Next steps");
    pdf.paragraph(v.report.next_steps);
    pdf.small(
        "Suggestions are made as a critical friend, with good intentions. This report "
        "contains personal data: keep it securely.");
    return pdf.finish();
}

}  // namespace sendhub
