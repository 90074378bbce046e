#include "store/practitioner_store.hpp"

#include "core/json_records.hpp"
#include "core/postcode.hpp"
#include "core/text.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kFind =
    "SELECT id, name, email, grade, home_postcode, home_latitude, home_longitude, "
    "max_days_per_week, active, working_days, service FROM practitioners WHERE id = ?";
constexpr std::string_view kList =
    "SELECT id, name, email, grade, home_postcode, home_latitude, home_longitude, "
    "max_days_per_week, active, working_days, service FROM practitioners "
    "WHERE id > ? AND (? IS NULL OR grade = ?) AND (? IS NULL OR service = ?)"
    " AND (? = 1 OR active = 1) ORDER BY id LIMIT ?";
constexpr std::string_view kCountActive = "SELECT count(*) FROM practitioners WHERE active = 1";
constexpr std::string_view kExpertise =
    "SELECT need FROM practitioner_expertise WHERE practitioner_id = ? ORDER BY need";
constexpr std::string_view kEmailTaken = "SELECT id FROM practitioners WHERE email = ? AND id <> ?";
constexpr std::string_view kInsert =
    "INSERT INTO practitioners (name, email, grade, home_postcode, home_latitude, home_longitude,"
    " max_days_per_week, active, created_at, updated_at, service)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE practitioners SET name = ?, email = ?, grade = ?, home_postcode = ?, home_latitude = ?,"
    " home_longitude = ?, max_days_per_week = ?, active = ?, updated_at = ?, service = ?"
    " WHERE id = ?";
constexpr std::string_view kClearExpertise =
    "DELETE FROM practitioner_expertise WHERE practitioner_id = ?";
constexpr std::string_view kAddExpertise =
    "INSERT INTO practitioner_expertise (practitioner_id, need) VALUES (?, ?)";
constexpr std::string_view kCentroid = "SELECT latitude, longitude FROM outcodes WHERE outcode = ?";
constexpr std::string_view kClearOutcodes = "DELETE FROM outcodes";
constexpr std::string_view kInsertOutcode =
    "INSERT INTO outcodes (outcode, latitude, longitude, town, region) VALUES (?, ?, ?, ?, ?)";

// Outreach practitioners have a grade; the other services' level is the service itself.
std::optional<std::string> grade_column(const Practitioner& p) {
    if (!is_outreach_grade(p.grade)) return std::nullopt;
    return std::string(term_of(grade_terms(), p.grade).code);
}
std::string service_column(const Practitioner& p) {
    return std::string(term_of(service_terms(), p.service).code);
}

Practitioner practitioner_from(SqlConnection& c, const SqlRow& r) {
    auto service = stored_term(service_terms(), r.text(10), "practitioners.service");
    Practitioner p{
        .id = PractitionerId{r.integer(0)},
        .name = r.text(1),
        .email = r.text(2),
        .service = service,
        .grade = service_level(service).value_or(Grade::teacher),
        .home_postcode = r.text(4),
        .home_latitude = r.optional_real(5),
        .home_longitude = r.optional_real(6),
        .expertise = {},
        .max_days_per_week = static_cast<int>(r.integer(7)),
        .active = r.integer(8) != 0,
        .working_days = {static_cast<std::uint8_t>(r.integer(9))},
    };
    if (service == Service::outreach)
        p.grade = stored_term(grade_terms(), r.text(3), "practitioners.grade");
    for (const auto& need : c.query_with(kExpertise, p.id.value)) {
        if (auto code = parse_term(primary_need_terms(), need.text(0)))
            p.expertise.push_back(*code);
    }
    return p;
}

std::optional<Practitioner> find_in(SqlConnection& c, PractitionerId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    return practitioner_from(c, *row);
}

void place_home(SqlConnection& c, Practitioner& p) {
    auto centroid = c.query_one(kCentroid, outcode_of(p.home_postcode));
    p.home_latitude = centroid ? std::optional(centroid->real(0)) : std::nullopt;
    p.home_longitude = centroid ? std::optional(centroid->real(1)) : std::nullopt;
}

void write_expertise(SqlConnection& c, const Practitioner& p) {
    c.execute_with(kClearExpertise, p.id.value);
    for (auto need : p.expertise)
        c.execute_with(kAddExpertise, p.id.value, term_of(primary_need_terms(), need).code);
}

Result<void> check_email_free(SqlConnection& c, const Practitioner& p) {
    if (c.query_one(kEmailTaken, p.email, p.id.value))
        return std::unexpected(Error::invalid(
            "email", "taken", "Another practitioner already has this email address"));
    return {};
}

}  // namespace

std::optional<Practitioner> PractitionerStore::find(PractitionerId id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

Page<Practitioner> PractitionerStore::list(const PractitionerFilter& f) {
    std::optional<std::string> grade;
    if (f.grade) grade = std::string(term_of(level_terms(), *f.grade).code);
    std::optional<std::string> service;
    if (f.service) service = std::string(term_of(service_terms(), *f.service).code);
    auto practitioners = db_.read([&](SqlConnection& c) {
        std::vector<Practitioner> out;
        for (const auto& r : c.query_with(kList, f.after_id.value_or(0), grade, grade, service,
                                          service, f.include_inactive, f.limit + 1))
            out.push_back(practitioner_from(c, r));
        return out;
    });
    return make_page(std::move(practitioners), f.limit,
                     [](const Practitioner& p) { return std::to_string(p.id.value); });
}

std::int64_t PractitionerStore::count_active() {
    return db_.read(
        [&](SqlConnection& c) { return c.query_with(kCountActive).front().integer(0); });
}

Result<Practitioner> PractitionerStore::create(Practitioner p, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Practitioner> {
        SENDHUB_TRY(check_email_free(c, p));
        place_home(c, p);
        auto t = c.now_seconds();
        auto row =
            c.query_one(kInsert, p.name, p.email, grade_column(p), p.home_postcode, p.home_latitude,
                        p.home_longitude, p.max_days_per_week, p.active, t, t, service_column(p));
        p.id = PractitionerId{row->integer(0)};
        write_expertise(c, p);
        append_audit(c, who, "create", "practitioner", std::to_string(p.id.value),
                     practitioner_json(p, HomeAddress::shown));
        return p;
    });
}

Result<Practitioner> PractitionerStore::update(Practitioner p, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Practitioner> {
        auto before = find_in(c, p.id);
        if (!before) return std::unexpected(Error::not_found("No such practitioner."));
        SENDHUB_TRY(check_email_free(c, p));
        place_home(c, p);
        c.execute_with(kUpdate, p.name, p.email, grade_column(p), p.home_postcode, p.home_latitude,
                       p.home_longitude, p.max_days_per_week, p.active, c.now_seconds(),
                       service_column(p), p.id.value);
        write_expertise(c, p);
        append_audit(c, who, "update", "practitioner", std::to_string(p.id.value),
                     json_changes(practitioner_json(*before, HomeAddress::shown),
                                  practitioner_json(p, HomeAddress::shown)));
        return p;
    });
}

std::size_t PractitionerStore::load_outcodes(const std::vector<Outcode>& outcodes) {
    return db_.write([&](SqlConnection& c) {
        c.execute_with(kClearOutcodes);
        for (const auto& o : outcodes)
            c.execute_with(kInsertOutcode, o.code, o.centroid.latitude, o.centroid.longitude,
                           o.town, o.region);
        return outcodes.size();
    });
}

std::optional<GeoPoint> PractitionerStore::outcode_centroid(std::string_view outcode) {
    return db_.read([&](SqlConnection& c) -> std::optional<GeoPoint> {
        auto row = c.query_one(kCentroid, outcode);
        if (!row) return std::nullopt;
        return GeoPoint{row->real(0), row->real(1)};
    });
}

}  // namespace sendhub
