#include "core/resources.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::array<Term<ResourceAudience>, 4> kAudiences{{
    {ResourceAudience::everyone, "public", "Anyone"},
    {ResourceAudience::schools, "schools", "Every school"},
    {ResourceAudience::partners, "partners", "Trust and partner schools"},
    {ResourceAudience::trust_staff, "trust_staff", "Trust staff"},
}};

constexpr std::array<Term<FileType>, 6> kFileTypes{{
    {FileType::pdf, "pdf", "PDF"},
    {FileType::docx, "docx", "Word document"},
    {FileType::xlsx, "xlsx", "Excel spreadsheet"},
    {FileType::pptx, "pptx", "PowerPoint presentation"},
    {FileType::png, "png", "PNG image"},
    {FileType::jpeg, "jpeg", "JPEG image"},
}};

constexpr std::size_t kTitleMax = 200;
constexpr std::size_t kSummaryMax = 5000;

bool word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

//! The words of a text, lower case: runs of letters and digits (any byte of a UTF-8
//! character counts as a letter, so "Pupil's" is "pupil" and "s", and "café" stays whole).
std::set<std::string> words_of(std::string_view text) {
    std::set<std::string> out;
    std::string word;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (word_byte(c)) {
            word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
        } else if (!word.empty()) {
            out.insert(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.insert(std::move(word));
    return out;
}

bool starts_with_bytes(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

}  // namespace

std::span<const Term<ResourceAudience>> resource_audience_terms() {
    return kAudiences;
}

std::span<const Term<FileType>> file_type_terms() {
    return kFileTypes;
}

bool sees_resource(const ResourceViewer& viewer, ResourceAudience audience) {
    if (audience == ResourceAudience::everyone) return true;
    if (!viewer.role) return false;
    const bool trust_staff = !is_school_role(*viewer.role);
    switch (audience) {
        case ResourceAudience::schools:
            return true;
        case ResourceAudience::partners:
            return trust_staff || viewer.school_relationship == SchoolRelationship::trust ||
                   viewer.school_relationship == SchoolRelationship::partner;
        case ResourceAudience::trust_staff:
            return trust_staff;
        case ResourceAudience::everyone:
            break;
    }
    return true;
}

bool edits_resources(Role role) {
    return role == Role::admin || role == Role::coordinator || role == Role::partnerships;
}

std::optional<FileType> file_type_of(std::string_view filename) {
    const auto dot = filename.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string ext = to_lower(filename.substr(dot + 1));
    if (ext == "pdf") return FileType::pdf;
    if (ext == "docx") return FileType::docx;
    if (ext == "xlsx") return FileType::xlsx;
    if (ext == "pptx") return FileType::pptx;
    if (ext == "png") return FileType::png;
    if (ext == "jpg" || ext == "jpeg") return FileType::jpeg;
    return std::nullopt;
}

std::string_view content_type_of(FileType type) {
    switch (type) {
        case FileType::pdf:
            return "application/pdf";
        case FileType::docx:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        case FileType::xlsx:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        case FileType::pptx:
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        case FileType::png:
            return "image/png";
        case FileType::jpeg:
            return "image/jpeg";
    }
    return "application/octet-stream";
}

bool bytes_match(FileType type, std::string_view bytes) {
    using namespace std::string_view_literals;
    switch (type) {
        case FileType::pdf:
            return starts_with_bytes(bytes, "%PDF-"sv);
        case FileType::docx:
        case FileType::xlsx:
        case FileType::pptx:
            return starts_with_bytes(bytes, "PK\x03\x04"sv);
        case FileType::png:
            return starts_with_bytes(bytes, "\x89PNG\r\n\x1a\n"sv);
        case FileType::jpeg:
            return starts_with_bytes(bytes, "\xFF\xD8\xFF"sv);
    }
    return false;
}

std::string safe_filename(std::string_view uploaded) {
    if (const auto slash = uploaded.find_last_of("/\\"); slash != std::string_view::npos)
        uploaded.remove_prefix(slash + 1);
    std::string_view stem = uploaded;
    std::string_view extension;
    if (const auto dot = uploaded.rfind('.'); dot != std::string_view::npos) {
        stem = uploaded.substr(0, dot);
        extension = uploaded.substr(dot + 1);
    }
    // The stem keeps its words apart: people name files in words ("Adaptive teaching pack"),
    // so each run of spaces (and of whatever else is dropped between words) is one space.
    auto keep = [](std::string_view text, bool in_stem) {
        std::string out;
        for (char ch : text) {
            const auto c = static_cast<unsigned char>(ch);
            if ((c < 0x80 && word_byte(c)) || (in_stem && (c == '.' || c == '-' || c == '_')))
                out += ch;
            else if (in_stem && (c == ' ' || c == '\t') && !out.ends_with(' '))
                out += ' ';
        }
        return out;
    };
    // Trimmed once: no leading dot (a hidden file) and no space at either end.
    std::string name = keep(stem, true);
    const auto first = name.find_first_not_of(". ");
    name = first == std::string::npos ? std::string()
                                      : name.substr(first, name.find_last_not_of(' ') - first + 1);
    if (name.empty()) name = "download";  // a name of only punctuation or other scripts
    const std::string ext = keep(extension, false);
    return ext.empty() ? name : name + "." + ext;
}

Result<FileType> check_upload(std::string_view filename, std::string_view bytes, bool present) {
    if (!present)
        return std::unexpected(Error::invalid("file", "required", "Choose a file to upload"));
    auto type = file_type_of(filename);
    if (!type)
        return std::unexpected(Error::invalid(
            "file", "unsupported_type",
            "The file must be a PDF, Word, Excel or PowerPoint document, or a PNG or JPEG image"));
    if (!bytes_match(*type, bytes))
        return std::unexpected(Error::invalid(
            "file", "content_mismatch",
            "The file is not what its name says it is. Save it again in that format"));
    return *type;
}

std::string format_file_size(std::int64_t bytes) {
    constexpr std::int64_t kKilobyte = 1024;
    constexpr std::int64_t kMegabyte = kKilobyte * 1024;
    if (bytes < kKilobyte) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes < kMegabyte) return std::to_string((bytes + kKilobyte / 2) / kKilobyte) + " KB";
    // Tenths of a megabyte, rounded half up.
    const std::int64_t tenths = (bytes * 10 + kMegabyte / 2) / kMegabyte;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

std::vector<std::string> split_tags(std::string_view typed) {
    std::vector<std::string> tags;
    while (!typed.empty()) {
        const auto comma = typed.find(',');
        std::string tag = trim(typed.substr(0, comma));
        if (!tag.empty()) tags.push_back(std::move(tag));
        typed = comma == std::string_view::npos ? std::string_view{} : typed.substr(comma + 1);
    }
    return tags;
}

Result<ResourceDetails> validate_resource(const ResourceInput& in) {
    Validator v;
    ResourceDetails out;
    out.title = v.required_text("title", in.title, "Enter the resource's title", "The title",
                                std::string::npos);
    if (utf8_length(out.title) > kTitleMax)
        v.fail("title", "invalid", "The title must be 200 characters or fewer");
    out.summary = v.required_text("summary", in.summary, "Describe the resource", "The summary",
                                  std::string::npos);
    if (utf8_length(out.summary) > kSummaryMax)
        v.fail("summary", "invalid", "The summary must be 5000 characters or fewer");
    if (auto audience = parse_term(resource_audience_terms(), trim(in.audience)))
        out.audience = *audience;
    else
        v.fail("audience", "invalid", "Choose who may see the resource");
    for (const auto& tag : in.tags) {
        std::string clean = to_lower(trim(tag));
        if (!clean.empty() && std::ranges::find(out.tags, clean) == out.tags.end())
            out.tags.push_back(std::move(clean));
    }
    if (in.url) {
        std::string url = trim(*in.url);
        if (!url.starts_with("https://") && !url.starts_with("http://"))
            v.fail("url", "invalid", "Enter the link, starting https://");
        out.url = std::move(url);
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

std::vector<std::string> search_words(std::string_view q) {
    auto words = words_of(q);
    return {words.begin(), words.end()};
}

std::optional<int> search_rank(std::span<const std::string> words, std::string_view title,
                               std::string_view summary, std::span<const std::string> tags) {
    const auto in_title = words_of(title);
    auto elsewhere = words_of(summary);
    for (const auto& tag : tags) elsewhere.merge(words_of(tag));
    bool all_in_title = true;
    for (const auto& w : words) {
        const bool titled = in_title.contains(w);
        if (!titled && !elsewhere.contains(w)) return std::nullopt;
        all_in_title = all_in_title && titled;
    }
    return all_in_title ? 0 : 1;
}

}  // namespace sendhub
