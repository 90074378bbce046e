#include "store/partnership_store.hpp"

#include "core/partner_json.hpp"
#include "core/text.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, kind, model, organisation, starts_on, ends_on, review_due_on, services,"
    " lead_name, lead_email, lead_phone, notes, status, end_reason FROM partnerships";
const std::string kFind = std::string(kColumns) + " WHERE id = ?";
const std::string kList = std::string(kColumns) +
                          " WHERE id > ? AND (? IS NULL OR status = ?) AND (? IS NULL OR kind = ?)"
                          " AND (? IS NULL OR id IN (SELECT partnership_id FROM partnership_schools"
                          "  WHERE school_urn = ?))"
                          " AND (? IS NULL OR (status = 'active' AND review_due_on <= ?))"
                          " ORDER BY id LIMIT ?";
constexpr std::string_view kSchools =
    "SELECT school_urn FROM partnership_schools WHERE partnership_id = ? ORDER BY school_urn";
constexpr std::string_view kInsert =
    "INSERT INTO partnerships (kind, model, organisation, starts_on, ends_on, review_due_on,"
    " services, lead_name, lead_email, lead_phone, notes, status, created_by, created_at,"
    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE partnerships SET kind = ?, model = ?, organisation = ?, starts_on = ?, ends_on = ?,"
    " review_due_on = ?, services = ?, lead_name = ?, lead_email = ?, lead_phone = ?, notes = ?,"
    " updated_at = ? WHERE id = ?";
constexpr std::string_view kEnd =
    "UPDATE partnerships SET status = 'ended', ends_on = ?, end_reason = ?, updated_at = ?"
    " WHERE id = ?";
constexpr std::string_view kClearSchools =
    "DELETE FROM partnership_schools WHERE partnership_id = ?";
constexpr std::string_view kAddSchool =
    "INSERT INTO partnership_schools (partnership_id, school_urn) VALUES (?, ?)";
constexpr std::string_view kSchoolKnown = "SELECT 1 FROM schools WHERE urn = ?";
// Naming a school in a partnership makes it a partner, unless it is already the trust's own.
constexpr std::string_view kMakePartner =
    "UPDATE schools SET relationship = 'partner', updated_at = ? WHERE urn = ? AND relationship "
    "= 'other'";

// Drafts are the school's own until submitted, so they are not part of its history with us.
constexpr std::string_view kRequestsByStatus =
    "SELECT status, count(*) FROM outreach_requests WHERE school_urn = ? AND status <> 'draft'"
    " GROUP BY status ORDER BY status";
constexpr std::string_view kPackages =
    "SELECT count(*), coalesce(sum(p.half_days), 0), coalesce(sum(p.half_days - coalesce("
    " (SELECT sum(l.drawn_half_days) FROM invoice_lines l WHERE l.package_id = p.id), 0)), 0)"
    " FROM packages p WHERE p.school_urn = ?";
constexpr std::string_view kInvoices =
    "SELECT count(*), coalesce(sum(total_pence - credited_pence), 0) FROM invoices"
    " WHERE school_urn = ?";
constexpr std::string_view kPartnershipsOfSchool =
    "SELECT partnership_id FROM partnership_schools WHERE school_urn = ? ORDER BY partnership_id";

// Services are free text: stored one per line, as none may hold a line break.
std::string join_lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "\n") + item;
    return out;
}

Partnership partnership_from(SqlConnection& c, const SqlRow& r) {
    Partnership p;
    p.id = PartnershipId{r.integer(0)};
    p.kind = stored_term(partnership_kind_terms(), r.text(1), "partnerships.kind");
    p.model = r.text(2);
    p.organisation = r.text(3);
    p.starts_on = stored_date(r.text(4), "partnerships.starts_on");
    if (!r.is_null(5)) p.ends_on = stored_date(r.text(5), "partnerships.ends_on");
    p.review_due_on = stored_date(r.text(6), "partnerships.review_due_on");
    for (auto& line : split(r.text(7), '\n'))
        if (!line.empty()) p.services.push_back(std::string(line));
    p.lead = {r.text(8), r.text(9), r.text(10)};
    p.notes = r.text(11);
    p.status = stored_term(partnership_status_terms(), r.text(12), "partnerships.status");
    p.end_reason = r.text(13);
    for (const auto& s : c.query_with(kSchools, p.id.value))
        p.school_urns.push_back(SchoolUrn{s.integer(0)});
    return p;
}

std::optional<Partnership> find_in(SqlConnection& c, PartnershipId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    return partnership_from(c, *row);
}

std::optional<std::string> optional_date(const std::optional<Date>& d) {
    return d ? std::optional(format_date(*d)) : std::nullopt;
}

//! Every named school must be held; each becomes a partner unless it is the trust's own.
Result<void> name_schools(SqlConnection& c, PartnershipId id, const Partnership& p) {
    for (auto urn : p.school_urns)
        if (!c.query_one(kSchoolKnown, urn.value))
            return std::unexpected(Error::invalid(
                "school_urns", "unknown_school",
                "No school with URN " + std::to_string(urn.value) + " is held. Check the URN."));
    c.execute_with(kClearSchools, id.value);
    for (auto urn : p.school_urns) {
        c.execute_with(kAddSchool, id.value, urn.value);
        c.execute_with(kMakePartner, c.now_seconds(), urn.value);
    }
    return {};
}

Error hidden() {
    return Error::not_found("No such partnership.");
}

}  // namespace

Result<Partnership> PartnershipStore::create(Partnership p, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Partnership> {
        auto t = c.now_seconds();
        auto row = c.query_one(kInsert, term_of(partnership_kind_terms(), p.kind).code, p.model,
                               p.organisation, format_date(p.starts_on), optional_date(p.ends_on),
                               format_date(p.review_due_on), join_lines(p.services), p.lead.name,
                               p.lead.email, p.lead.phone, p.notes, who.user_value(), t, t);
        p.id = PartnershipId{row->integer(0)};
        SENDHUB_TRY(name_schools(c, p.id, p));
        p.status = PartnershipStatus::active;
        append_audit(c, who, "create", "partnership", std::to_string(p.id.value),
                     partnership_json(p));
        return p;
    });
}

Result<Partnership> PartnershipStore::update(PartnershipId id, Partnership p, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Partnership> {
        auto before = find_in(c, id);
        if (!before) return std::unexpected(hidden());
        if (before->status == PartnershipStatus::ended)
            return std::unexpected(
                Error::conflict("ended", "This partnership has ended and cannot be changed."));
        c.execute_with(kUpdate, term_of(partnership_kind_terms(), p.kind).code, p.model,
                       p.organisation, format_date(p.starts_on), optional_date(p.ends_on),
                       format_date(p.review_due_on), join_lines(p.services), p.lead.name,
                       p.lead.email, p.lead.phone, p.notes, c.now_seconds(), id.value);
        SENDHUB_TRY(name_schools(c, id, p));
        auto after = find_in(c, id);
        append_audit(c, who, "update", "partnership", std::to_string(id.value),
                     json_changes(partnership_json(*before), partnership_json(*after)));
        return *after;
    });
}

Result<Partnership> PartnershipStore::end(PartnershipId id, std::string_view ends_on,
                                          std::string_view reason, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Partnership> {
        auto before = find_in(c, id);
        if (!before) return std::unexpected(hidden());
        SENDHUB_ASSIGN_OR_RETURN(Date end,
                                 check_partnership_end(*before, ends_on, db_.clock().today()));
        std::string why = trim(reason);
        c.execute_with(kEnd, format_date(end), why, c.now_seconds(), id.value);
        append_audit(c, who, "end", "partnership", std::to_string(id.value),
                     {{"ends_on", format_date(end)}, {"reason", why}});
        return *find_in(c, id);
    });
}

std::optional<Partnership> PartnershipStore::find(PartnershipId id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

Page<Partnership> PartnershipStore::list(const PartnershipFilter& f) {
    std::optional<std::string> status, kind, due;
    if (f.status) status = std::string(term_of(partnership_status_terms(), *f.status).code);
    if (f.kind) kind = std::string(term_of(partnership_kind_terms(), *f.kind).code);
    if (f.review_due_by) due = format_date(*f.review_due_by);
    std::optional<std::int64_t> urn;
    if (f.school_urn) urn = f.school_urn->value;
    auto items = db_.read([&](SqlConnection& c) {
        std::vector<Partnership> out;
        for (const auto& r : c.query_with(kList, f.after_id.value_or(0), status, status, kind, kind,
                                          urn, urn, due, due, f.limit + 1))
            out.push_back(partnership_from(c, r));
        return out;
    });
    return make_page(std::move(items), f.limit,
                     [](const Partnership& p) { return std::to_string(p.id.value); });
}

SchoolHistory PartnershipStore::history(SchoolUrn urn) {
    return db_.read([&](SqlConnection& c) {
        SchoolHistory h;
        for (const auto& r : c.query_with(kPartnershipsOfSchool, urn.value))
            if (auto p = find_in(c, PartnershipId{r.integer(0)})) h.partnerships.push_back(*p);
        for (const auto& r : c.query_with(kRequestsByStatus, urn.value)) {
            auto status = r.text(0);
            h.requests_by_status[status] = r.integer(1);
            h.requests += r.integer(1);
            if (status != "declined" && status != "cancelled" && status != "completed")
                h.open_requests += r.integer(1);
        }
        auto packages = c.query_one(kPackages, urn.value);
        h.packages = packages->integer(0);
        h.package_days = static_cast<double>(packages->integer(1)) / 2.0;
        h.package_days_left = static_cast<double>(packages->integer(2)) / 2.0;
        auto invoices = c.query_one(kInvoices, urn.value);
        h.invoices = invoices->integer(0);
        h.invoiced_pence = invoices->integer(1);
        return h;
    });
}

}  // namespace sendhub
