#include "store/enquiry_store.hpp"

#include <limits>

#include "core/partner_json.hpp"
#include "core/text.hpp"
#include "store/outbox_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::int64_t kHourSeconds = 3600;

constexpr std::string_view kColumns =
    "SELECT e.id, e.name, e.email, e.organisation, e.school_urn, e.topic, e.message, e.status,"
    " e.assigned_to, e.outcome, coalesce(u.name, ''), e.created_at FROM enquiries e"
    " LEFT JOIN users u ON u.id = e.assigned_to";
const std::string kFind = std::string(kColumns) + " WHERE e.id = ?";
const std::string kList = std::string(kColumns) +
                          " WHERE e.id < ? AND (? IS NULL OR e.status = ?)"
                          " AND (? IS NULL OR e.topic = ?) ORDER BY e.id DESC LIMIT ?";
constexpr std::string_view kNotes =
    "SELECT n.id, coalesce(u.name, ''), n.text, n.created_at FROM enquiry_notes n"
    " LEFT JOIN users u ON u.id = n.author_id WHERE n.enquiry_id = ? ORDER BY n.id";
constexpr std::string_view kAcceptedLastHour =
    "SELECT count(*) FROM enquiries WHERE client_key = ? AND created_at > ?";
constexpr std::string_view kSchoolKnown = "SELECT 1 FROM schools WHERE urn = ?";
constexpr std::string_view kInsert =
    "INSERT INTO enquiries (name, email, organisation, school_urn, topic, message, status,"
    " client_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'new', ?, ?, ?) RETURNING id";
// The trust's own staff: not a school's, and still able to sign in.
constexpr std::string_view kTrustStaff =
    "SELECT 1 FROM users WHERE id = ? AND active = 1 AND role NOT IN ('senco', 'headteacher',"
    " 'school_staff')";
constexpr std::string_view kAssign =
    "UPDATE enquiries SET assigned_to = ?, status = 'in_progress', updated_at = ? WHERE id = ?";
constexpr std::string_view kInsertNote =
    "INSERT INTO enquiry_notes (enquiry_id, author_id, text, created_at) VALUES (?, ?, ?, ?)"
    " RETURNING id";
constexpr std::string_view kTouch = "UPDATE enquiries SET updated_at = ? WHERE id = ?";
constexpr std::string_view kClose =
    "UPDATE enquiries SET status = 'closed', outcome = ?, updated_at = ? WHERE id = ?";

Enquiry enquiry_from(const SqlRow& r) {
    Enquiry e;
    e.id = EnquiryId{r.integer(0)};
    e.name = r.text(1);
    e.email = r.text(2);
    e.organisation = r.text(3);
    if (auto urn = r.optional_integer(4)) e.school_urn = SchoolUrn{*urn};
    e.topic = stored_term(enquiry_topic_terms(), r.text(5), "enquiries.topic");
    e.message = r.text(6);
    e.status = stored_term(enquiry_status_terms(), r.text(7), "enquiries.status");
    if (auto user = r.optional_integer(8)) e.assigned_to = UserId{*user};
    e.outcome = r.text(9);
    e.assigned_name = r.text(10);
    e.created_at = r.integer(11);
    return e;
}

std::optional<Enquiry> find_in(SqlConnection& c, EnquiryId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    Enquiry e = enquiry_from(*row);
    for (const auto& n : c.query_with(kNotes, id.value))
        e.notes.push_back({n.integer(0), n.text(1), n.text(2), n.integer(3)});
    return e;
}

//! The enquiry if it exists and is still open.
Result<Enquiry> open_enquiry(SqlConnection& c, EnquiryId id) {
    auto e = find_in(c, id);
    if (!e) return std::unexpected(Error::not_found("No such enquiry."));
    SENDHUB_TRY(check_enquiry_open(*e));
    return *e;
}

std::string id_text(EnquiryId id) {
    return std::to_string(id.value);
}

}  // namespace

Result<Enquiry> EnquiryStore::create(Enquiry e, const std::string& client_key,
                                     const EnquiryEmails& emails, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Enquiry> {
        auto t = c.now_seconds();
        if (e.school_urn && !c.query_one(kSchoolKnown, e.school_urn->value))
            return std::unexpected(
                Error::invalid("school_urn", "unknown_school",
                               "No school with this URN is held. Check it, or leave it blank"));
        SENDHUB_TRY(check_enquiry_allowance(
            c.query_one(kAcceptedLastHour, client_key, t - kHourSeconds)->integer(0)));
        std::optional<std::int64_t> urn;
        if (e.school_urn) urn = e.school_urn->value;
        auto row =
            c.query_one(kInsert, e.name, e.email, e.organisation, urn,
                        term_of(enquiry_topic_terms(), e.topic).code, e.message, client_key, t, t);
        e.id = EnquiryId{row->integer(0)};
        e.created_at = t;
        std::string link = "/enquiries/" + id_text(e.id);
        notify_role(c, Role::partnerships, std::nullopt,
                    {"enquiry_received", emails.to_partnerships_subject,
                     emails.to_partnerships_body(e.id), link});
        notify_address(
            c, e.email,
            {"enquiry_confirmation", emails.confirmation_subject, emails.confirmation_body, ""});
        append_audit(c, who, "create", "enquiry", id_text(e.id),
                     {{"topic", term_of(enquiry_topic_terms(), e.topic).code},
                      {"organisation", e.organisation}});
        return e;
    });
}

std::optional<Enquiry> EnquiryStore::find(EnquiryId id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

Page<Enquiry> EnquiryStore::list(const EnquiryFilter& f) {
    std::optional<std::string> status, topic;
    if (f.status) status = std::string(term_of(enquiry_status_terms(), *f.status).code);
    if (f.topic) topic = std::string(term_of(enquiry_topic_terms(), *f.topic).code);
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query_with(kList, f.before_id.value_or(std::numeric_limits<std::int64_t>::max()),
                            status, status, topic, topic, f.limit + 1);
    });
    std::vector<Enquiry> items;
    items.reserve(rows.size());
    for (const auto& r : rows) items.push_back(enquiry_from(r));
    return make_page(std::move(items), f.limit,
                     [](const Enquiry& e) { return std::to_string(e.id.value); });
}

Result<Enquiry> EnquiryStore::assign(EnquiryId id, UserId user, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Enquiry> {
        SENDHUB_TRY(open_enquiry(c, id));
        if (!c.query_one(kTrustStaff, user.value))
            return std::unexpected(Error::invalid(
                "user_id", "invalid", "Choose someone from the trust's staff to take it on"));
        c.execute_with(kAssign, user.value, c.now_seconds(), id.value);
        append_audit(c, who, "assign", "enquiry", id_text(id), {{"user_id", user.value}});
        return *find_in(c, id);
    });
}

Result<EnquiryNote> EnquiryStore::add_note(EnquiryId id, std::string_view text, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<EnquiryNote> {
        SENDHUB_TRY(open_enquiry(c, id));
        Validator v;
        std::string note = v.required_text("text", text, "Enter the note", "The note", 5000);
        if (!v.ok()) return std::unexpected(std::move(v).error());
        auto t = c.now_seconds();
        auto row = c.query_one(kInsertNote, id.value, who.user_value(), note, t);
        c.execute_with(kTouch, t, id.value);
        append_audit(c, who, "note", "enquiry", id_text(id));
        return EnquiryNote{row->integer(0), who.name, note, t};
    });
}

Result<Enquiry> EnquiryStore::close(EnquiryId id, std::string_view outcome, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Enquiry> {
        SENDHUB_TRY(open_enquiry(c, id));
        std::string text = trim(outcome);
        if (utf8_length(text) > 2000)
            return std::unexpected(Error::invalid("outcome", "too_long",
                                                  "The outcome must be 2000 characters or fewer"));
        c.execute_with(kClose, text, c.now_seconds(), id.value);
        append_audit(c, who, "close", "enquiry", id_text(id), {{"outcome", text}});
        return *find_in(c, id);
    });
}

}  // namespace sendhub
