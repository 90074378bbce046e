#include "adapter/subject_access_export.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

#include "adapter/outreach_json.hpp"
#include "pdf/pdf_document.hpp"

namespace sendhub {
namespace {

struct ZipSourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};

std::string or_none(std::string_view text) {
    return text.empty() ? "None recorded" : std::string(text);
}

}  // namespace

nlohmann::json child_records_json(const ChildRecords& records) {
    nlohmann::json requests = nlohmann::json::array();
    for (const auto& child : records.requests) {
        auto r = request_json(child.request);
        r["group_size"] = child.group_size;
        requests.push_back(std::move(r));
    }
    nlohmann::json agreements = nlohmann::json::array();
    for (const auto& [agreement, quote] : records.agreements)
        agreements.push_back(agreement_json(agreement, quote, true));
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& v : records.reports)
        reports.push_back({{"visit_id", v.id.value},
                           {"date", format_date(v.date)},
                           {"work_undertaken", v.report.work_undertaken},
                           {"actions_agreed", v.report.actions_agreed},
                           {"next_steps", v.report.next_steps}});
    nlohmann::json progress = nlohmann::json::array();
    for (const auto& p : records.progress)
        progress.push_back(
            {{"agreement_id", p.agreement_id.value},
             {"outcome_id", p.progress.outcome_id.value},
             {"date", format_date(p.progress.date)},
             {"status", std::string(term_of(progress_status_terms(), p.progress.status).code)},
             {"note", p.progress.note}});
    nlohmann::json feedback = nlohmann::json::array();
    for (const auto& f : records.feedback)
        feedback.push_back({{"agreement_id", f.agreement_id.value},
                            {"rating", f.rating},
                            {"comments", f.comments}});
    return {{"school_urn", records.school.value},
            {"ref", records.ref},
            {"generated_at", format_timestamp(records.generated_at)},
            {"requests", requests},
            {"agreements", agreements},
            {"reports", reports},
            {"progress", progress},
            {"feedback", feedback}};
}

std::string child_records_pdf(const ChildRecords& records) {
    PdfDocument pdf("Records held about pupil " + records.ref);
    pdf.heading("Records held about pupil " + records.ref);
    pdf.field("School",
              records.school_name + " (URN " + std::to_string(records.school.value) + ")");
    pdf.field("Prepared", format_london_time(records.generated_at));
    pdf.paragraph(
        "This is everything the trust's outreach service holds about this pupil. Where a request "
        "was about a group of pupils, the other pupils are left out.");
    if (records.requests.empty()) pdf.paragraph("The service holds no requests naming this pupil.");
    for (const auto& child : records.requests) {
        const auto& r = child.request;
        pdf.subheading("Request " + r.reference);
        pdf.field("Kind", r.input.kind == "group"
                              ? "Group of " + std::to_string(child.group_size) + " pupils"
                              : "One pupil");
        pdf.field("Status", std::string(term_of(request_status_terms(), r.status).label));
        for (const auto& p : r.input.pupils) {
            pdf.field("Pupil's reference", or_none(p.ref));
            pdf.field("Year group", or_none(p.year_group));
            pdf.field("Primary need", or_none(p.primary_need));
            pdf.field("Need recorded by", or_none(p.primary_need_source));
        }
        pdf.field("Consent", r.input.consent_type + " on " + r.input.consent_obtained_on +
                                 ", obtained by " + r.input.consent_obtained_by);
        pdf.field("What the school is concerned about", or_none(r.input.concern));
        pdf.field("What has been tried", or_none(r.input.tried));
        pdf.field("Trust's notes", or_none(r.triage_notes));
        if (!r.cancel_reason.empty()) pdf.field("Why it was cancelled", r.cancel_reason);
    }
    for (const auto& [agreement, quote] : records.agreements) {
        pdf.subheading("Provision agreement " + std::to_string(agreement.id.value));
        pdf.field("Practitioner", or_none(agreement.practitioner_name));
        for (const auto& outcome : agreement.outcomes) pdf.field("Outcome", outcome.text);
    }
    if (!records.reports.empty()) {
        pdf.subheading("Visit reports");
        for (const auto& v : records.reports) {
            pdf.field("Visit on", format_day_month_year(v.date));
            pdf.field("Work undertaken", or_none(v.report.work_undertaken));
            pdf.field("Actions agreed", or_none(v.report.actions_agreed));
            pdf.field("Next steps", or_none(v.report.next_steps));
        }
    }
    if (!records.progress.empty()) {
        std::vector<std::vector<std::string>> rows;
        rows.reserve(records.progress.size());
        for (const auto& p : records.progress)
            rows.push_back(
                {p.progress.note.empty() ? "-" : p.progress.note,
                 format_day_month_year(p.progress.date),
                 std::string(term_of(progress_status_terms(), p.progress.status).label)});
        pdf.subheading("Progress towards outcomes");
        pdf.table({"Note", "Date", "Progress"}, rows);
    }
    if (!records.feedback.empty()) {
        pdf.subheading("The school's feedback");
        for (const auto& f : records.feedback)
            pdf.field("Rating " + std::to_string(f.rating) + " of 5", or_none(f.comments));
    }
    return pdf.finish();
}

std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& files) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, ZipSourceFree> buffer(
        zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) throw std::runtime_error("zip: no buffer");
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("zip: cannot open");
    zip_source_keep(buffer.get());  // the archive's close must leave the bytes to read
    for (const auto& [name, bytes] : files) {
        zip_source_t* file = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        if (!file || zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8) < 0) {
            if (file) zip_source_free(file);
            zip_discard(archive);
            throw std::runtime_error("zip: cannot add " + name);
        }
    }
    if (zip_close(archive) < 0) {
        zip_discard(archive);
        throw std::runtime_error("zip: cannot write");
    }
    zip_stat_t stat;
    if (zip_source_stat(buffer.get(), &stat) < 0 || zip_source_open(buffer.get()) < 0)
        throw std::runtime_error("zip: cannot read back");
    std::string out(static_cast<std::size_t>(stat.size), '\0');
    auto read = zip_source_read(buffer.get(), out.data(), stat.size);
    zip_source_close(buffer.get());
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
        throw std::runtime_error("zip: short read");
    return out;
}

std::string subject_access_zip(const ChildRecords& records) {
    return zip_archive({{"subject-access.json", child_records_json(records).dump(2)},
                        {"subject-access.pdf", child_records_pdf(records)}});
}

}  // namespace sendhub
