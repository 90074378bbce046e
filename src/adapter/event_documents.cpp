#include "adapter/event_documents.hpp"

#include "pdf/pdf_document.hpp"

namespace sendhub {

std::string certificate_pdf(const Certificate& certificate) {
    const auto& booking = certificate.seen.booking;
    const auto& d = certificate.seen.event.details;
    PdfDocument pdf("Certificate of attendance");
    pdf.small(certificate.issuer);
    pdf.heading("Certificate of attendance");
    pdf.paragraph("This is to certify that");
    pdf.subheading(booking.attendee_name);
    pdf.paragraph("of " + booking.school_name + " attended");
    pdf.subheading(d.title);
    pdf.field("Date", format_day_month_year(d.starts_at.date));
    pdf.field("Hours", certificate_hours(d.starts_at, d.ends_at) + " hours");
    pdf.field("Where", event_where(d));
    pdf.small("Issued by " + certificate.issuer + " from the event's register.");
    return pdf.finish();
}

std::string certificate_filename(std::int64_t booking_id) {
    return "certificate-" + std::to_string(booking_id) + ".pdf";
}

}  // namespace sendhub
