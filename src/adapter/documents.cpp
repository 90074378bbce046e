#include "adapter/documents.hpp"

#include <cstdio>

#include "pdf/pdf_document.hpp"

namespace sendhub {

std::string agreement_pdf(const AgreementRecord& a, const Quote& q, std::string_view trust_name) {
    const auto& t = a.terms;
    PdfDocument pdf("Provision agreement " + request_reference(a.request_id));
    pdf.small(std::string(trust_name) + " · Traded outreach");
    pdf.heading("Provision agreement");
    pdf.field("Request", request_reference(a.request_id));
    pdf.field("School", a.school_name + " (URN " + std::to_string(a.school_urn.value) + ")");
    pdf.field("Practitioner", a.practitioner_name);
    pdf.field("Status", std::string(term_of(agreement_status_terms(), a.status).label));
    pdf.subheading("The support");
    pdf.field("Type", t.type);
    pdf.field("Level", std::string(term_of(grade_terms(), t.level).label));
    pdf.field("Frequency", std::string(term_of(frequency_terms(), t.frequency).label));
    pdf.field("Sessions",
              std::to_string(t.sessions) + " of " + format_days(t.session_half_days) + " day");
    pdf.field("Starting", format_date(t.start_date));
    pdf.field("Report writing", format_days(t.report_writing_half_days) + " days");
    pdf.subheading("Agreed outcomes");
    int n = 1;
    for (const auto& o : a.outcomes) pdf.paragraph(std::to_string(n++) + ". " + o.text);
    pdf.subheading("Quote");
    for (const auto& line : q.lines) pdf.field(line.description, money(line.amount_pence));
    pdf.field("Total", money(q.total_pence));
    if (a.accepted_at) {
        pdf.paragraph("Accepted by " + a.accepted_by_name + " on " +
                      format_london_time(*a.accepted_at) + ".");
    } else {
        pdf.paragraph(
            "Not yet accepted by the school. Prices are those in force today and are fixed when "
            "the school accepts.");
    }
    pdf.small(
        "Travel is charged at the mileage rate from the practitioner's home; the estimate uses "
        "road distance ≈ 1.4 × straight line.");
    return pdf.finish();
}

std::string visit_report_pdf(const VisitRecord& v, std::string_view trust_name) {
    PdfDocument pdf("Visit report " + request_reference(v.request_id));
    pdf.small(std::string(trust_name) + " · Traded outreach");
    pdf.heading("Outreach visit report");
    pdf.field("Request", request_reference(v.request_id));
    pdf.field("School", v.school_name);
    pdf.field("Visit", format_date(v.date) + ", " + format_days(v.half_days) + " day");
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
