#include "store/school_store.hpp"

#include "core/json_records.hpp"
#include "core/postcode.hpp"
#include "core/text.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kFind =
    "SELECT urn, name, postcode, phase, local_authority, la_code, school_type, latitude, "
    "longitude, pupils,"
    " ehcp_pupils, sen_support_pupils, relationship, arb FROM schools WHERE urn = ?";

// The search term matches a name fragment, a postcode prefix or the exact URN.
constexpr std::string_view kList =
    "SELECT urn, name, postcode, phase, local_authority, la_code, school_type, latitude, "
    "longitude, pupils,"
    " ehcp_pupils, sen_support_pupils, relationship, arb FROM schools"
    " WHERE urn > ? AND (? IS NULL OR la_code = ?) AND (? IS NULL OR urn = ?)"
    " AND (? IS NULL OR relationship = ?) AND (? IS NULL OR arb = ?)"
    " AND (? = '' OR lower(name) LIKE ? ESCAPE '\\' OR replace(postcode, ' ', '') LIKE ? ESCAPE "
    "'\\'"
    " OR CAST(urn AS TEXT) = ?)"
    " ORDER BY urn LIMIT ?";

constexpr std::string_view kInsert =
    "INSERT INTO schools (urn, name, postcode, phase, local_authority, la_code, school_type, "
    "latitude, longitude,"
    " pupils, ehcp_pupils, sen_support_pupils, relationship, arb, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// What the school is to the trust is sendhub's own fact: the register import never sets it.
constexpr std::string_view kSetRelationship =
    "UPDATE schools SET relationship = ?, arb = ?, updated_at = ? WHERE urn = ?";

constexpr std::string_view kUpdate =
    "UPDATE schools SET name = ?, postcode = ?, phase = ?, local_authority = ?, la_code = ?, "
    "school_type = ?,"
    " latitude = ?, longitude = ?, pupils = ?, ehcp_pupils = ?, sen_support_pupils = ?, updated_at "
    "= ? WHERE urn = ?";

constexpr std::string_view kAuthorityCode =
    "SELECT la_code, name FROM local_authorities WHERE lower(name) = ?";
constexpr std::string_view kAuthorityName = "SELECT name FROM local_authorities WHERE la_code = ?";

//! A school added by hand names its authority; its DfE code, through which term dates
//! reach it, comes from England's list (and the name from the code when only that is given).
void complete_authority(SqlConnection& c, School& s) {
    if (!s.la_code) {
        if (auto row = c.query_one(kAuthorityCode, to_lower(s.local_authority))) {
            s.la_code = static_cast<int>(row->integer(0));
            s.local_authority = row->text(1);
        }
    } else if (s.local_authority.empty()) {
        auto row = c.query_one(kAuthorityName, *s.la_code);
        s.local_authority = row ? row->text(0) : std::to_string(*s.la_code);
    }
}

constexpr std::string_view kCentroid = "SELECT latitude, longitude FROM outcodes WHERE outcode = ?";

//! A school added or moved by hand stands at its postcode district's centroid, so distances
//! and travel estimates work for it as for a school from the register (never silently zero).
void place_at_postcode(SqlConnection& c, School& s) {
    auto row = c.query_one(kCentroid, outcode_of(s.postcode));
    s.latitude = row ? std::optional(row->real(0)) : std::nullopt;
    s.longitude = row ? std::optional(row->real(1)) : std::nullopt;
}

constexpr std::string_view kLocalAuthorities =
    "SELECT la_code, local_authority FROM schools WHERE la_code IS NOT NULL"
    " GROUP BY la_code, local_authority ORDER BY local_authority";

constexpr std::string_view kCount = "SELECT count(*) FROM schools";

School school_from(const SqlRow& r) {
    auto optional_int = [&](std::size_t i) -> std::optional<int> {
        auto v = r.optional_integer(i);
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    };
    return {
        .urn = SchoolUrn{r.integer(0)},
        .name = r.text(1),
        .postcode = r.text(2),
        .phase = stored_term(phase_terms(), r.text(3), "schools.phase"),
        .local_authority = r.text(4),
        .la_code = optional_int(5),
        .school_type = r.text(6),
        .latitude = r.optional_real(7),
        .longitude = r.optional_real(8),
        .pupils = optional_int(9),
        .ehcp_pupils = optional_int(10),
        .sen_support_pupils = optional_int(11),
        .relationship =
            stored_term(school_relationship_terms(), r.text(12), "schools.relationship"),
        .arb = r.integer(13) != 0,
    };
}

std::string relationship_code(SchoolRelationship r) {
    return std::string(term_of(school_relationship_terms(), r).code);
}

std::string phase_code(const School& s) {
    return std::string(term_of(phase_terms(), s.phase).code);
}

void insert(SqlConnection& c, const School& s) {
    auto t = c.now_seconds();
    c.execute_with(kInsert, s.urn.value, s.name, s.postcode, phase_code(s), s.local_authority,
                   s.la_code, s.school_type, s.latitude, s.longitude, s.pupils, s.ehcp_pupils,
                   s.sen_support_pupils, relationship_code(s.relationship), s.arb ? 1 : 0, t, t);
}

void update_row(SqlConnection& c, const School& s) {
    c.execute_with(kUpdate, s.name, s.postcode, phase_code(s), s.local_authority, s.la_code,
                   s.school_type, s.latitude, s.longitude, s.pupils, s.ehcp_pupils,
                   s.sen_support_pupils, c.now_seconds(), s.urn.value);
}

std::string like_pattern(std::string_view text) {
    std::string out = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "%";
}

}  // namespace

std::optional<School> SchoolStore::find(SqlConnection& c, SchoolUrn urn) {
    auto row = c.query_one(kFind, urn.value);
    if (!row) return std::nullopt;
    return school_from(*row);
}

std::optional<School> SchoolStore::find(SchoolUrn urn) {
    return db_.read([&](SqlConnection& c) { return find(c, urn); });
}

Page<School> SchoolStore::list(const SchoolFilter& f) {
    std::string search = to_lower(trim(f.search));
    std::string compact_postcode;
    for (char ch : to_upper(search)) {
        if (ch != ' ') compact_postcode += ch;
    }
    std::optional<std::int64_t> only;
    if (f.only_urn) only = f.only_urn->value;
    auto rows = db_.read([&](SqlConnection& c) {
        std::optional<std::string> relationship;
        if (f.relationship) relationship = relationship_code(*f.relationship);
        std::optional<int> arb;
        if (f.arb) arb = *f.arb ? 1 : 0;
        return c.query_with(kList, f.after_urn.value_or(0), f.la_code, f.la_code, only, only,
                            relationship, relationship, arb, arb, search, like_pattern(search),
                            like_pattern(compact_postcode).substr(1), search, f.limit + 1);
    });
    std::vector<School> schools;
    schools.reserve(rows.size());
    for (const auto& r : rows) schools.push_back(school_from(r));
    return make_page(std::move(schools), f.limit,
                     [](const School& s) { return std::to_string(s.urn.value); });
}

Result<School> SchoolStore::create(const School& school, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<School> {
        if (find(c, school.urn))
            return std::unexpected(
                Error::invalid("urn", "taken", "A school with this URN already exists"));
        School added = school;
        complete_authority(c, added);
        if (!added.latitude || !added.longitude) place_at_postcode(c, added);
        insert(c, added);
        append_audit(c, who, "create", "school", std::to_string(added.urn.value),
                     school_json(added));
        return added;
    });
}

Result<School> SchoolStore::update(const School& school, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<School> {
        auto before = find(c, school.urn);
        if (!before) return std::unexpected(Error::not_found("No school with this URN."));
        // Census facts come from the register import; a form edits the identifying fields.
        School merged = *before;
        merged.name = school.name;
        merged.postcode = school.postcode;
        merged.phase = school.phase;
        merged.local_authority = school.local_authority;
        merged.relationship = school.relationship;
        merged.arb = school.arb;
        // A changed authority (by name or code) takes the code that goes with it.
        if (school.la_code || school.local_authority != before->local_authority)
            merged.la_code = school.la_code;
        complete_authority(c, merged);
        if (merged.postcode != before->postcode || !merged.latitude) place_at_postcode(c, merged);
        update_row(c, merged);
        c.execute_with(kSetRelationship, relationship_code(merged.relationship), merged.arb ? 1 : 0,
                       c.now_seconds(), merged.urn.value);
        append_audit(c, who, "update", "school", std::to_string(school.urn.value),
                     json_changes(school_json(*before), school_json(merged)));
        return merged;
    });
}

UpsertOutcome SchoolStore::upsert(SqlConnection& c, const School& school) {
    auto existing = find(c, school.urn);
    if (!existing) {
        insert(c, school);
        return UpsertOutcome::added;
    }
    School incoming = school;
    incoming.relationship = existing->relationship;
    incoming.arb = existing->arb;
    if (*existing == incoming) return UpsertOutcome::unchanged;
    update_row(c, school);
    return UpsertOutcome::updated;
}

std::vector<std::pair<int, std::string>> SchoolStore::local_authorities() {
    auto rows = db_.read([&](SqlConnection& c) { return c.query_with(kLocalAuthorities); });
    std::vector<std::pair<int, std::string>> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.emplace_back(static_cast<int>(r.integer(0)), r.text(1));
    return out;
}

std::int64_t SchoolStore::count() {
    return db_.read([&](SqlConnection& c) { return c.query_with(kCount).front().integer(0); });
}

}  // namespace sendhub
