// The resource hub (api-contract-resources.md): editors publish documents and links, new
// versions keep the old ones, files are checked by their bytes and served only as attachments,
// each audience sees only what it may, search ranks title matches first, and copies and
// backups carry the files.
#include <gtest/gtest.h>

#include <random>

#include "world.hpp"

namespace sendhub::testing {
namespace {

using namespace std::string_literals;

const std::string kBoundary = "----sendhubTestBoundary7MA4YWxkTrZu0gW";
const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"s;
const std::string kDocx = "PK\x03\x04\x14\0\x06\0word/document.xml"s;

struct Part {
    std::string name;
    std::string value;
    std::optional<std::string> filename;
    std::string content_type;
};

std::string multipart_body(const std::vector<Part>& parts) {
    std::string body;
    for (const auto& p : parts) {
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
        if (p.filename) body += "; filename=\"" + *p.filename + "\"";
        body += "\r\n";
        if (!p.content_type.empty()) body += "Content-Type: " + p.content_type + "\r\n";
        body += "\r\n" + p.value + "\r\n";
    }
    return body + "--" + kBoundary + "--\r\n";
}

HttpResponse upload(Client& c, const std::string& path, const std::vector<Part>& parts) {
    return c.send({"POST",
                   path,
                   multipart_body(parts),
                   {"Content-Type: multipart/form-data; boundary=" + kBoundary,
                    "Authorization: Bearer " + c.token}});
}

//! A word no other test uses, so each test searches only its own resources.
std::string unique_word(const std::string& stem) {
    return stem + std::to_string(std::random_device{}() % 1000000);
}

std::vector<Part> file_resource(const std::string& title, const std::string& filename,
                                const std::string& bytes, const std::string& audience = "schools",
                                const std::string& tags = "") {
    return {{"title", title, {}, ""},
            {"summary", "A document for " + title, {}, ""},
            {"audience", audience, {}, ""},
            {"tags", tags, {}, ""},
            {"file", bytes, filename, "application/octet-stream"}};
}

int published(const HttpResponse& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<int>();
}

nlohmann::json link_body(const std::string& title, const std::string& audience,
                         const std::string& summary = "A short video.") {
    return {{"title", title},
            {"summary", summary},
            {"audience", audience},
            {"tags", {"Video"}},
            {"url", "https://video.example.org/watch/1"}};
}

std::vector<std::string> titles(const HttpResponse& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    auto body = r.json();
    for (const auto& item : body["items"]) out.push_back(item["title"]);
    return out;
}

std::string path_of(int id) {
    return "/api/v1/resources/" + std::to_string(id);
}

//! A signed-in SENCO of a new school whose relationship with the trust is `relationship`.
Client senco_of_school(int urn, const std::string& relationship) {
    World& w = world();
    auto school = w.admin.api("POST", "/api/v1/schools",
                              {{"urn", urn},
                               {"name", "Hub School " + std::to_string(urn)},
                               {"postcode", "TA1 3ES"},
                               {"phase", "secondary"},
                               {"local_authority", "Somerset"},
                               {"relationship", relationship}});
    EXPECT_EQ(school.status, 201) << school.body;
    const std::string email = "hub" + std::to_string(urn) + "@it.example.org";
    auto user = w.admin.api("POST", "/api/v1/users",
                            {{"email", email},
                             {"name", "Hub SENCO"},
                             {"role", "senco"},
                             {"school_urn", urn},
                             {"password", "a-long-test-password"}});
    EXPECT_EQ(user.status, 201) << user.body;
    Client c(server().base_url());
    EXPECT_EQ(c.login_api(email, "a-long-test-password"), 200);
    return c;
}

}  // namespace

TEST(Resources, EditorsPublishDocumentsAndLinksWithEveryRuleChecked) {
    World& w = world();
    auto r = upload(w.coordinator, "/api/v1/resources",
                    file_resource("Sensory circuits guide", "../Sensory circuits (v1).pdf", kPdf,
                                  "schools", "Sensory, autism"));
    const int id = published(r);
    auto made = r.json();
    EXPECT_EQ(made["kind"], "file");
    EXPECT_EQ(made["current_version"], 1);
    EXPECT_EQ(made["audience"], "schools");
    EXPECT_EQ(made["tags"], nlohmann::json({"autism", "sensory"}));
    EXPECT_FALSE(made.contains("url"));
    ASSERT_EQ(made["versions"].size(), 1u);
    EXPECT_EQ(made["versions"][0]["filename"], "Sensory circuits v1.pdf");
    EXPECT_EQ(made["versions"][0]["content_type"], "application/pdf");
    EXPECT_EQ(made["versions"][0]["size_bytes"], kPdf.size());
    EXPECT_EQ(w.senco.api("GET", path_of(id)).status, 200);

    auto link = w.partnerships.api("POST", "/api/v1/resources", link_body("Zones video", "public"));
    ASSERT_EQ(link.status, 201) << link.body;
    EXPECT_EQ(link.json()["kind"], "link");
    EXPECT_EQ(link.json()["url"], "https://video.example.org/watch/1");
    EXPECT_FALSE(link.json().contains("current_version"));
    EXPECT_TRUE(link.json()["versions"].empty());

    for (Client* other : {&w.senco, &w.headteacher, &w.finance, &w.practitioner}) {
        EXPECT_EQ(other->api("POST", "/api/v1/resources", link_body("No", "public")).status, 403);
        EXPECT_EQ(upload(*other, "/api/v1/resources", file_resource("No", "a.pdf", kPdf)).status,
                  403);
        EXPECT_EQ(upload(*other, path_of(id) + "/versions", {{"file", kPdf, "b.pdf", ""}}).status,
                  403);
    }

    auto with = [&](const char* key, nlohmann::json value) {
        auto body = link_body("Checked link", "schools");
        body[key] = std::move(value);
        return w.admin.api("POST", "/api/v1/resources", body);
    };
    expect_error(with("title", ""), 422, "required", "title");
    expect_error(with("summary", " "), 422, "required", "summary");
    expect_error(with("audience", "governors"), 422, "invalid", "audience");
    expect_error(with("url", "ftp://files.example.org/a"), 422, "invalid", "url");
    expect_error(with("url", "javascript:alert(1)"), 422, "invalid", "url");

    const std::string refused = unique_word("refused");
    auto file_with = [&](const std::string& filename, const std::string& bytes,
                         const std::string& claimed = "application/pdf") {
        auto parts = file_resource(refused, filename, bytes);
        parts.back().content_type = claimed;
        return upload(w.admin, "/api/v1/resources", parts);
    };
    expect_error(file_with("notes.txt", "plain words"), 422, "unsupported_type", "file");
    expect_error(file_with("page.html", "<html><script>alert(1)</script>"), 422, "unsupported_type",
                 "file");
    expect_error(file_with("report.pdf", "<html>not a pdf</html>"), 422, "content_mismatch",
                 "file");
    expect_error(file_with("photo.png", kPdf, "image/png"), 422, "content_mismatch", "file");
    expect_error(file_with("plan.docx", kPdf), 422, "content_mismatch", "file");
    auto no_file = file_resource(refused, "a.pdf", kPdf);
    no_file.pop_back();
    expect_error(upload(w.admin, "/api/v1/resources", no_file), 422, "required", "file");
    auto no_title = file_resource("", "a.pdf", kPdf);
    expect_error(upload(w.admin, "/api/v1/resources", no_title), 422, "required", "title");

    // Over 20 MB: 413, whether the body fits the upload limit or not; nothing is stored.
    std::string big = "%PDF-" + std::string(20 * 1024 * 1024, 'x');
    EXPECT_EQ(file_with("big.pdf", big).status, 413);
    EXPECT_EQ(file_with("bigger.pdf", big + std::string(2 * 1024 * 1024, 'y')).status, 413);
    EXPECT_EQ(upload(w.admin, path_of(id) + "/versions", {{"file", big, "big.pdf", ""}}).status,
              413);
    EXPECT_TRUE(titles(w.admin.api("GET", "/api/v1/resources?q=" + refused)).empty());
    // Other routes keep their 1 MiB limit.
    EXPECT_EQ(w.admin.api("POST", "/api/v1/events", {{"title", std::string(2 << 20, 'x')}}).status,
              413);
    // A malformed upload is a bad request, not a crash.
    auto broken = w.admin.send({"POST",
                                "/api/v1/resources",
                                "--" + kBoundary + "\r\nnonsense",
                                {"Content-Type: multipart/form-data; boundary=" + kBoundary,
                                 "Authorization: Bearer " + w.admin.token}});
    EXPECT_EQ(broken.status, 400) << broken.body;
    EXPECT_EQ(w.senco.api("GET", path_of(id)).status, 200);
}

TEST(Resources, NewVersionsKeepEveryEarlierOneAndDownloadsAreSafeAttachments) {
    World& w = world();
    const int id = published(upload(w.admin, "/api/v1/resources",
                                    file_resource("Provision map template", "map.pdf", kPdf)));
    auto second = upload(w.coordinator, path_of(id) + "/versions",
                         {{"file", kDocx, "C:\\Users\\me\\..\\My plan (v2).docx", "text/html"}});
    ASSERT_EQ(second.status, 201) << second.body;
    auto r = second.json();
    EXPECT_EQ(r["current_version"], 2);
    ASSERT_EQ(r["versions"].size(), 2u);
    EXPECT_EQ(r["versions"][0]["version"], 1);
    EXPECT_EQ(r["versions"][1]["filename"], "My plan v2.docx");

    auto current = w.senco.api("GET", path_of(id) + "/file");
    ASSERT_EQ(current.status, 200);
    EXPECT_EQ(current.body, kDocx);
    EXPECT_EQ(current.header("content-type"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(current.header("content-disposition"), "attachment; filename=\"My plan v2.docx\"");
    EXPECT_EQ(current.header("x-content-type-options"), "nosniff");
    auto first = w.senco.api("GET", path_of(id) + "/versions/1/file");
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.body, kPdf);
    EXPECT_EQ(first.header("content-type"), "application/pdf");
    EXPECT_EQ(first.header("content-disposition"), "attachment; filename=\"map.pdf\"");
    EXPECT_EQ(w.senco.api("GET", path_of(id) + "/versions/3/file").status, 404);

    auto counted = w.admin.api("GET", path_of(id)).json();
    EXPECT_EQ(counted["versions"][0]["downloads"], 1);
    EXPECT_EQ(counted["versions"][1]["downloads"], 1);
    EXPECT_EQ(counted["downloads"], 2);

    // A refused version changes nothing.
    expect_error(upload(w.admin, path_of(id) + "/versions", {{"file", "MZ\x90", "tool.exe", ""}}),
                 422, "unsupported_type", "file");
    EXPECT_EQ(w.admin.api("GET", path_of(id)).json()["current_version"], 2);

    const int link =
        published(w.admin.api("POST", "/api/v1/resources", link_body("A link", "schools")));
    expect_error(upload(w.admin, path_of(link) + "/versions", {{"file", kPdf, "a.pdf", ""}}), 409,
                 "not_a_file", nullptr);
    EXPECT_EQ(w.senco.api("GET", path_of(link) + "/file").status, 404);
    EXPECT_EQ(
        upload(w.admin, "/api/v1/resources/999999/versions", {{"file", kPdf, "a.pdf", ""}}).status,
        404);
}

TEST(Resources, EachAudienceSeesOnlyWhatItMayAndTheRestDoesNotExist) {
    World& w = world();
    const std::string word = unique_word("audience");
    std::map<std::string, int> ids;
    for (const char* audience : {"public", "schools", "partners", "trust_staff"})
        ids[audience] = published(
            upload(w.admin, "/api/v1/resources",
                   file_resource(word + " " + audience, "doc.png", kPng, audience, "autism")));
    Client partner = senco_of_school(100101, "partner");
    Client trust_school = senco_of_school(100102, "trust");
    Client other = senco_of_school(100103, "other");
    Client nobody(server().base_url());

    using Titles = std::vector<std::string>;
    const Titles all{word + " trust_staff", word + " partners", word + " schools",
                     word + " public"};
    const std::string search = "/api/v1/resources?q=" + word;
    EXPECT_EQ(titles(w.practitioner.api("GET", search)), all);
    EXPECT_EQ(titles(w.finance.api("GET", search)), all);
    EXPECT_EQ(titles(partner.api("GET", search)), Titles(all.begin() + 1, all.end()));
    EXPECT_EQ(titles(trust_school.api("GET", search)), Titles(all.begin() + 1, all.end()));
    EXPECT_EQ(titles(other.api("GET", search)), Titles(all.begin() + 2, all.end()));
    EXPECT_EQ(titles(nobody.api("GET", "/api/v1/public/resources?q=" + word)),
              Titles{word + " public"});
    // The public listing answers for the public even when someone signed in asks.
    EXPECT_EQ(titles(w.admin.api("GET", "/api/v1/public/resources?q=" + word)),
              Titles{word + " public"});
    EXPECT_EQ(titles(w.admin.api("GET", search + "&audience=partners")),
              Titles{word + " partners"});
    EXPECT_TRUE(titles(w.admin.api("GET", search + "&audience=governors")).empty());
    EXPECT_EQ(nobody.api("GET", search).status, 401);
    EXPECT_EQ(nobody.api("GET", path_of(ids["public"])).status, 401);

    auto seen = [&](Client& c, const std::string& audience) {
        auto meta = c.api("GET", path_of(ids[audience])).status;
        auto file = c.api("GET", path_of(ids[audience]) + "/file").status;
        auto version = c.api("GET", path_of(ids[audience]) + "/versions/1/file").status;
        EXPECT_EQ(meta, file) << audience;
        EXPECT_EQ(meta, version) << audience;
        return meta;
    };
    EXPECT_EQ(seen(other, "partners"), 404);
    EXPECT_EQ(seen(other, "schools"), 200);
    EXPECT_EQ(seen(partner, "partners"), 200);
    EXPECT_EQ(seen(partner, "trust_staff"), 404);
    EXPECT_EQ(seen(w.headteacher, "trust_staff"), 404);
    EXPECT_EQ(seen(w.finance, "trust_staff"), 200);

    const std::string pub = "/api/v1/public/resources/";
    EXPECT_EQ(nobody.api("GET", pub + std::to_string(ids["public"])).status, 200);
    EXPECT_EQ(nobody.api("GET", pub + std::to_string(ids["schools"])).status, 404);
    EXPECT_EQ(w.admin.api("GET", pub + std::to_string(ids["trust_staff"])).status, 404);
    auto download = nobody.api("GET", pub + std::to_string(ids["public"]) + "/file");
    EXPECT_EQ(download.status, 200);
    EXPECT_EQ(download.body, kPng);
    EXPECT_EQ(download.header("content-type"), "image/png");
    EXPECT_EQ(nobody.api("GET", pub + std::to_string(ids["partners"]) + "/file").status, 404);

    // The hub page: signed out, public resources only; signed in, what the role may see.
    auto hub = nobody.get("/hub/autism");
    ASSERT_EQ(hub.status, 200);
    EXPECT_NE(hub.body.find(word + " public"), std::string::npos);
    EXPECT_EQ(hub.body.find(word + " schools"), std::string::npos);
    auto partner_hub = browser_for(partner).get("/hub/autism");
    EXPECT_NE(partner_hub.body.find(word + " partners"), std::string::npos);
    EXPECT_EQ(partner_hub.body.find(word + " trust_staff"), std::string::npos);
    // Page downloads follow the same rules.
    EXPECT_EQ(nobody.get("/resources/" + std::to_string(ids["public"]) + "/file").status, 200);
    EXPECT_EQ(nobody.get("/resources/" + std::to_string(ids["schools"]) + "/file").status, 404);
    EXPECT_EQ(browser_for(other).get("/resources/" + std::to_string(ids["partners"])).status, 404);
}

TEST(Resources, SearchNeedsEveryWordAndRanksTitleMatchesFirst) {
    World& w = world();
    const std::string word = unique_word("rank");
    auto make = [&](const std::string& title, const std::string& summary,
                    nlohmann::json tags = nlohmann::json::array()) {
        return published(w.admin.api("POST", "/api/v1/resources",
                                     {{"title", title},
                                      {"summary", summary},
                                      {"audience", "schools"},
                                      {"tags", std::move(tags)},
                                      {"url", "https://example.org/" + title.substr(0, 3)}}));
    };
    make(word + " Sensory circuits", "Movement breaks for the morning.");         // title
    make("Morning routines", "Calm starts with " + word + " sensory circuits.");  // summary
    make(word + " Visual timetables", "Symbols for the day.");                    // one word only
    make("Attention autism", "Bucket time for groups.", {word, "Sensory"});       // tags
    make(word + " sensoryish", "Not the same word.");                             // no whole word

    auto found = [&](const std::string& query) {
        return titles(w.senco.api("GET", "/api/v1/resources?" + query));
    };
    using Titles = std::vector<std::string>;
    // The summary match is newer, but the title match ranks first.
    EXPECT_EQ(found("q=" + word + "%20SENSORY"),
              (Titles{word + " Sensory circuits", "Attention autism", "Morning routines"}));
    EXPECT_EQ(found("q=sensory%20" + word + "&tag=sensory"), Titles{"Attention autism"});
    EXPECT_EQ(found("q=" + word + "%20circuits%20sensory"),
              (Titles{word + " Sensory circuits", "Morning routines"}));
    EXPECT_TRUE(found("q=" + word + "%20trampoline").empty());
    // Without words, newest first; punctuation is not a word.
    EXPECT_EQ(found("tag=" + word), Titles{"Attention autism"});
    EXPECT_EQ(found("q=%22" + word + "%22%20sensory!").size(), 3u);
    EXPECT_EQ(found("q=" + word).size(), 5u);
    EXPECT_EQ(found("q=" + word).front(), word + " sensoryish");
}

TEST(Resources, CopyAndBackupCarryTheFiles) {
    World& w = world();
    const std::string word = unique_word("carried");
    const int id = published(upload(w.admin, "/api/v1/resources",
                                    file_resource(word + " leaflet", "leaflet.png", kPng)));
    ASSERT_EQ(
        upload(w.admin, path_of(id) + "/versions", {{"file", kPdf, "leaflet.pdf", ""}}).status,
        201);
    auto password = server().add_user("hub.copy@it.example.org", "coordinator");
    auto check = [&](const std::string& database) {
        Server copy(Server::ExistingDatabase{database});
        Client c(copy.base_url());
        ASSERT_EQ(c.login_api("hub.copy@it.example.org", password), 200);
        EXPECT_EQ(titles(c.api("GET", "/api/v1/resources?q=" + word)),
                  std::vector<std::string>{word + " leaflet"});
        EXPECT_EQ(c.api("GET", path_of(id) + "/versions/1/file").body, kPng);
        EXPECT_EQ(c.api("GET", path_of(id) + "/file").body, kPdf);
    };
    const bool postgres = server().on_postgresql();
    auto fresh = [&](const std::string& name, bool on_postgres) {
        if (on_postgres)
            return create_postgres_database(name + "_" + std::to_string(std::random_device{}()));
        return "sqlite:" + (server().dir() / (name + ".db")).string();
    };
    // To the other engine when the tests run on PostgreSQL, and back.
    std::string there = fresh("hub_copy_there", false);
    auto copied = server().run({"copy", "--from", server().db_url(), "--to", there});
    ASSERT_EQ(copied.exit_code, 0) << copied.output;
    check(there);
    std::string back = fresh("hub_copy_back", postgres);
    ASSERT_EQ(server().run({"copy", "--from", there, "--to", back}).exit_code, 0);
    check(back);

    auto file = (server().dir() / "hub.backup").string();
    auto saved = server().run({"backup", "--db", server().db_url(), "--to", file});
    ASSERT_EQ(saved.exit_code, 0) << saved.output;
    std::string restored = fresh("hub_restored", postgres);
    ASSERT_EQ(server().run({"restore", "--db", restored, "--from", file}).exit_code, 0);
    check(restored);
}

TEST(Resources, PagesPublishSearchUploadVersionsAndDownload) {
    World& w = world();
    Client editor = browser_for(w.coordinator);
    const std::string word = unique_word("page");
    auto form_post = [&](Client& c, const std::string& form_page, const std::string& action,
                         std::vector<Part> parts) {
        auto page = c.get(form_page);
        EXPECT_EQ(page.status, 200);
        parts.insert(parts.begin(), Part{"csrf_token", csrf_from(page.body), {}, ""});
        return c.send({"POST",
                       action,
                       multipart_body(parts),
                       {"Content-Type: multipart/form-data; boundary=" + kBoundary}});
    };
    auto bad = form_post(editor, "/resources/new", "/resources",
                         file_resource(word + " pack", "pack.pdf", "not a pdf"));
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("The file is not what its name says it is"), std::string::npos);
    EXPECT_NE(bad.body.find(word + " pack"), std::string::npos) << "the typed title is kept";

    auto made = form_post(editor, "/resources/new", "/resources",
                          file_resource(word + " pack", "pack.pdf", kPdf, "schools", "autism"));
    ASSERT_EQ(made.status, 303) << made.body;
    const std::string location = made.header("location");
    ASSERT_EQ(location.rfind("/resources/", 0), 0u);
    auto again = form_post(editor, location, location + "/versions",
                           {{"file", kPng, "pack-diagram.png", ""}});
    EXPECT_EQ(again.status, 303) << again.body;
    auto show = editor.get(location);
    EXPECT_NE(show.body.find("pack-diagram.png"), std::string::npos);
    EXPECT_NE(show.body.find("pack.pdf"), std::string::npos);

    auto link = form_post(editor, "/resources/new", "/resources",
                          {{"title", word + " video", {}, ""},
                           {"summary", "Watch it.", {}, ""},
                           {"audience", "public", {}, ""},
                           {"url", "https://video.example.org/" + word, {}, ""},
                           {"file", "", "", "application/octet-stream"}});
    EXPECT_EQ(link.status, 303) << link.body;
    // Without the CSRF token nothing is stored.
    auto forged = editor.send({"POST",
                               "/resources",
                               multipart_body(file_resource(word + " forged", "f.pdf", kPdf)),
                               {"Content-Type: multipart/form-data; boundary=" + kBoundary}});
    EXPECT_EQ(forged.status, 403);

    Client school = browser_for(w.senco);
    auto results = school.get("/resources?q=" + word);
    ASSERT_EQ(results.status, 200);
    EXPECT_NE(results.body.find(word + " pack"), std::string::npos);
    EXPECT_NE(results.body.find(word + " video"), std::string::npos);
    EXPECT_EQ(results.body.find(word + " forged"), std::string::npos);
    EXPECT_EQ(results.body.find("Publish a resource"), std::string::npos);
    EXPECT_EQ(school.get("/resources/new").status, 403);
    auto file = school.get(location + "/versions/1/file");
    EXPECT_EQ(file.body, kPdf);
    EXPECT_EQ(file.header("content-disposition"), "attachment; filename=\"pack.pdf\"");

    Client nobody(server().base_url());
    auto redirected = nobody.get("/resources?q=" + word);
    EXPECT_EQ(redirected.status, 303);
    EXPECT_EQ(redirected.header("location").rfind("/login", 0), 0u);
    auto hub = nobody.get("/hub/autism");
    EXPECT_EQ(hub.body.find(word + " pack"), std::string::npos) << "for schools, not the public";
}

}  // namespace sendhub::testing
