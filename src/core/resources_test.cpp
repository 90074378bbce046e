#include "core/resources.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

using enum ResourceAudience;

TEST(Resources, WhoSeesWhat) {
    struct Case {
        ResourceViewer viewer;
        bool sees_public, sees_schools, sees_partners, sees_trust;
    };
    const auto trust_school = SchoolRelationship::trust;
    const auto partner_school = SchoolRelationship::partner;
    const auto other_school = SchoolRelationship::other;
    for (const auto& c : {
             Case{{std::nullopt, std::nullopt}, true, false, false, false},
             Case{{Role::senco, other_school}, true, true, false, false},
             Case{{Role::headteacher, partner_school}, true, true, true, false},
             Case{{Role::school_staff, trust_school}, true, true, true, false},
             Case{{Role::senco, std::nullopt}, true, true, false, false},
             Case{{Role::practitioner, std::nullopt}, true, true, true, true},
             Case{{Role::finance, std::nullopt}, true, true, true, true},
             Case{{Role::admin, std::nullopt}, true, true, true, true},
         }) {
        EXPECT_EQ(sees_resource(c.viewer, everyone), c.sees_public);
        EXPECT_EQ(sees_resource(c.viewer, schools), c.sees_schools);
        EXPECT_EQ(sees_resource(c.viewer, partners), c.sees_partners);
        EXPECT_EQ(sees_resource(c.viewer, trust_staff), c.sees_trust);
    }
}

TEST(Resources, EditorsAreAdministratorsCoordinatorsAndThePartnershipsLead) {
    for (const auto& role : role_terms())
        EXPECT_EQ(edits_resources(role.value), role.value == Role::admin ||
                                                   role.value == Role::coordinator ||
                                                   role.value == Role::partnerships)
            << role.code;
}

TEST(Resources, FilesAreTypedByExtensionAndCheckedByTheirBytes) {
    using namespace std::string_view_literals;
    struct Case {
        std::string_view name;
        std::optional<FileType> type;
    };
    for (auto c : {Case{"plan.pdf", FileType::pdf}, Case{"PLAN.PDF", FileType::pdf},
                   Case{"a.docx", FileType::docx}, Case{"a.xlsx", FileType::xlsx},
                   Case{"a.pptx", FileType::pptx}, Case{"a.png", FileType::png},
                   Case{"a.jpg", FileType::jpeg}, Case{"a.JPEG", FileType::jpeg},
                   Case{"a.html", std::nullopt}, Case{"a.doc", std::nullopt},
                   Case{"pdf", std::nullopt}, Case{"a.pdf.exe", std::nullopt}})
        EXPECT_EQ(file_type_of(c.name), c.type) << c.name;

    EXPECT_TRUE(bytes_match(FileType::pdf, "%PDF-1.7\n"sv));
    EXPECT_FALSE(bytes_match(FileType::pdf, "<html>"sv));
    EXPECT_TRUE(bytes_match(FileType::docx, "PK\x03\x04rest"sv));
    EXPECT_FALSE(bytes_match(FileType::xlsx, "PK\x05\x06"sv));
    EXPECT_TRUE(bytes_match(FileType::png, "\x89PNG\r\n\x1a\n...."sv));
    EXPECT_FALSE(bytes_match(FileType::png, "\x89PNG"sv));
    EXPECT_TRUE(bytes_match(FileType::jpeg, "\xFF\xD8\xFF\xE0"sv));
    EXPECT_FALSE(bytes_match(FileType::jpeg, ""sv));
    EXPECT_EQ(content_type_of(FileType::pdf), "application/pdf");
    EXPECT_EQ(content_type_of(FileType::docx),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(content_type_of(FileType::jpeg), "image/jpeg");
}

TEST(Resources, AnUploadIsCheckedInTheContractsOrder) {
    using namespace std::string_view_literals;
    auto code = [](const Result<FileType>& r) {
        return r ? std::string("ok") : r.error().fields[0].code;
    };
    EXPECT_EQ(code(check_upload("", "", false)), "required");
    EXPECT_EQ(code(check_upload("page.html", "<html>", true)), "unsupported_type");
    EXPECT_EQ(code(check_upload("fake.pdf", "<html>", true)), "content_mismatch");
    EXPECT_EQ(code(check_upload("real.pdf", "%PDF-1.4", true)), "ok");
    EXPECT_EQ(check_upload("x.pdf", "<", true).error().fields[0].field, "file");
}

TEST(Resources, DownloadNamesAreMadeSafe) {
    struct Case {
        std::string_view uploaded, safe;
    };
    for (auto c :
         {Case{"Adaptive teaching pack.pdf", "Adaptive teaching pack.pdf"},
          Case{"  lots   of\tspace .pdf", "lots of space.pdf"}, Case{". x.pdf", "x.pdf"},
          Case{"../../etc/passwd.pdf", "passwd.pdf"},
          Case{"C:\\Users\\sam\\My plan (v2).docx", "My plan v2.docx"},
          Case{".hidden.pdf", "hidden.pdf"}, Case{"...pdf", "download.pdf"},
          Case{".pdf", "download.pdf"}, Case{"report.final_v-2.xlsx", "report.final_v-2.xlsx"},
          Case{"plan\"; filename=x.pdf", "plan filenamex.pdf"}, Case{"caf\xC3\xA9.png", "caf.png"},
          Case{"\xC3\xA9\xC3\xA9.png", "download.png"}})
        EXPECT_EQ(safe_filename(c.uploaded), c.safe) << c.uploaded;
}

TEST(Resources, EveryRuleOfTheFormAtOnce) {
    ResourceInput good{"Adaptive teaching pack",
                       "Templates and videos.",
                       "partners",
                       {"Adaptive Teaching", " autism ", "autism"},
                       std::nullopt};
    auto ok = validate_resource(good);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->audience, partners);
    EXPECT_EQ(ok->tags, (std::vector<std::string>{"adaptive teaching", "autism"}));
    EXPECT_FALSE(ok->url);

    ResourceInput bad{" ", std::string(5001, 'x'), "governors", {}, std::string("ftp://x")};
    auto r = validate_resource(bad);
    ASSERT_FALSE(r);
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& f : r.error().fields) got.emplace_back(f.field, f.code);
    EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"title", "required"},
                                                                     {"summary", "invalid"},
                                                                     {"audience", "invalid"},
                                                                     {"url", "invalid"}}));
    good.title = std::string(201, 'x');
    EXPECT_EQ(validate_resource(good).error().fields[0].code, "invalid");
    good.title = "A video";
    good.url = "http://videos.example.org/1";
    EXPECT_TRUE(validate_resource(good));
}

TEST(Resources, SearchMatchesEveryWordAndRanksTitlesFirst) {
    const std::vector<std::string> tags{"autism", "sensory needs"};
    auto rank = [&](std::string_view q, std::string_view title, std::string_view summary) {
        auto words = search_words(q);
        return search_rank(words, title, summary, tags);
    };
    EXPECT_EQ(search_words("  Sensory, AUTISM! "), (std::vector<std::string>{"autism", "sensory"}));
    EXPECT_EQ(rank("autism", "Autism in the classroom", "A guide"), 0);
    EXPECT_EQ(rank("classroom", "Autism in the classroom", "A guide"), 0);
    EXPECT_EQ(rank("guide", "Autism in the classroom", "A guide"), 1);
    EXPECT_EQ(rank("sensory", "Classroom tips", "Short notes"), 1);  // from a tag
    EXPECT_EQ(rank("autism guide", "Autism in the classroom", "A guide"), 1);
    EXPECT_EQ(rank("autism dyslexia", "Autism in the classroom", "A guide"), std::nullopt);
    EXPECT_EQ(rank("class", "Autism in the classroom", "A guide"), std::nullopt);  // whole words
    EXPECT_EQ(rank("", "Anything", "at all"), 0);
}

}  // namespace
}  // namespace sendhub

namespace sendhub {
namespace {

TEST(Resources, TagsTypedInOneBoxAreSplitAtCommas) {
    EXPECT_EQ(split_tags("autism, Early years ,,  "),
              (std::vector<std::string>{"autism", "Early years"}));
    EXPECT_TRUE(split_tags("").empty());
    EXPECT_TRUE(split_tags(" , ").empty());
    EXPECT_EQ(split_tags("sensory"), std::vector<std::string>{"sensory"});
}

TEST(Resources, FileSizesReadAsPeopleSayThem) {
    struct Case {
        std::int64_t bytes;
        std::string_view text;
    };
    for (auto [bytes, text] :
         {Case{0, "0 bytes"}, Case{1, "1 byte"}, Case{1023, "1023 bytes"}, Case{1024, "1 KB"},
          Case{1535, "1 KB"}, Case{1536, "2 KB"}, Case{1048575, "1024 KB"}, Case{1048576, "1.0 MB"},
          Case{1468006, "1.4 MB"}, Case{20971520, "20.0 MB"}})
        EXPECT_EQ(format_file_size(bytes), text) << bytes;
}

TEST(Resources, FileTypeCodesAreTheStoredOnes) {
    for (auto type : {FileType::pdf, FileType::docx, FileType::xlsx, FileType::pptx, FileType::png,
                      FileType::jpeg}) {
        const auto& term = term_of(file_type_terms(), type);
        EXPECT_EQ(parse_term(file_type_terms(), term.code), type);
        EXPECT_EQ(file_type_of("x." + std::string(term.code)), type);
    }
}

}  // namespace
}  // namespace sendhub
