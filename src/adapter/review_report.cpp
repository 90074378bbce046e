#include "adapter/review_report.hpp"

#include "adapter/documents.hpp"
#include "pdf/pdf_document.hpp"

namespace sendhub {
namespace {

std::string statement_text(const Framework& framework, std::int64_t id) {
    for (const auto& st : framework.statements())
        if (st.id == id) return st.area + ": " + st.text;
    return "";
}

std::string reviewer_names(const ReviewRecord& r, const ClusterRecord& cluster) {
    std::string out;
    for (const auto& u : r.reviewers) {
        if (!out.empty()) out += "; ";
        out += u.name;
        for (const auto& m : cluster.schools)
            if (u.school_urn == m.urn) out += " (" + m.name + ")";
    }
    return out;
}

}  // namespace

std::string review_report_pdf(const ReviewView& view, const TrustSettings& trust) {
    const auto& r = view.review;
    PdfDocument pdf("Peer review report: " + r.host_name);
    trust_letterhead(pdf, trust);
    pdf.heading("Peer review report");
    pdf.subheading(r.host_name);
    pdf.field("Date of review", format_day_month_year(r.date));
    pdf.field("Cluster", view.cluster.name);
    pdf.field("Framework", view.framework.name);
    pdf.field("Reviewers", reviewer_names(r, view.cluster));
    pdf.field("Status", std::string(term_of(review_status_terms(), r.status).label));
    if (view.host_self_evaluation)
        pdf.field("Self-evaluation used", describe(view.host_self_evaluation->period));

    pdf.subheading("Lines of enquiry and findings");
    if (r.lines.empty()) pdf.paragraph("No lines of enquiry were recorded.");
    for (const auto& line : r.lines) {
        pdf.paragraph(line.question);
        pdf.small(statement_text(view.framework, line.statement_id));
        std::vector<std::vector<std::string>> rows;
        for (const auto& f : r.findings)
            if (f.line_id == line.id)
                rows.push_back({f.text + (f.evidence.empty() ? "" : "\nEvidence: " + f.evidence),
                                std::string(term_of(finding_kind_terms(), f.kind).label)});
        if (rows.empty())
            pdf.small("No findings recorded for this line.");
        else
            pdf.table({"Finding", "Kind"}, rows);
    }

    pdf.subheading("Improvement actions");
    if (r.actions.empty()) pdf.paragraph("No actions have been agreed yet.");
    for (const auto& a : r.actions) {
        pdf.paragraph(a.text);
        pdf.field("Owner", a.owner);
        pdf.field("Due", format_day_month_year(a.due_date));
        pdf.field("Impact measure", a.impact_measure);
        pdf.field("Status", std::string(term_of(action_status_terms(), a.status).label));
        for (const auto& f : a.follow_ups)
            pdf.small(format_day_month_year(f.date) + ": " + f.note + " (" +
                      std::string(term_of(action_status_terms(), f.status).label) + ")");
    }
    pdf.small("Produced by sendhub from the review's record.");
    return pdf.finish();
}

std::string review_report_filename(std::int64_t review_id) {
    return "peer-review-" + std::to_string(review_id) + ".pdf";
}

}  // namespace sendhub
