#include "store/slcn_store.hpp"

#include <algorithm>

#include "store/audit_store.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kTherapist =
    "SELECT s.urn, s.name, t.practitioner_id, coalesce(p.name, ''), coalesce(p.email, '')"
    " FROM schools s LEFT JOIN school_therapists t ON t.school_urn = s.urn"
    " LEFT JOIN practitioners p ON p.id = t.practitioner_id WHERE s.urn = ?";
constexpr std::string_view kTherapists =
    "SELECT s.urn, s.name, t.practitioner_id, p.name, p.email FROM school_therapists t"
    " JOIN schools s ON s.urn = t.school_urn JOIN practitioners p ON p.id = t.practitioner_id"
    " ORDER BY s.name, s.urn";
constexpr std::string_view kAudits =
    "SELECT a.id, a.school_urn, s.name, a.audit_date, a.findings, a.recorded_by"
    " FROM slcn_audits a JOIN schools s ON s.urn = a.school_urn"
    " WHERE (? IS NULL OR a.id = ?) ORDER BY a.audit_date DESC, a.id DESC";
constexpr std::string_view kActions =
    "SELECT id, action_text, owner, due_date, status FROM slcn_audit_actions"
    " WHERE audit_id = ? ORDER BY position";

NamedTherapist therapist_from(const SqlRow& r) {
    NamedTherapist t{.school_urn = r.integer(0), .school_name = r.text(1)};
    if (auto id = r.optional_integer(2)) {
        t.practitioner_id = PractitionerId{*id};
        t.name = r.text(3);
        t.email = r.text(4);
    }
    return t;
}

std::vector<Audit> audits_in(SqlConnection& c, std::optional<std::int64_t> id,
                             const std::vector<std::int64_t>& schools) {
    std::vector<Audit> out;
    for (const auto& r : c.query_with(kAudits, id, id)) {
        if (!schools.empty() && std::ranges::find(schools, r.integer(1)) == schools.end()) continue;
        Audit a{
            .id = r.integer(0), .school_name = r.text(2), .recorded_by = r.text(5), .values = {}};
        a.values.school_urn = r.integer(1);
        a.values.date = parse_date(r.text(3)).value_or(Date{});
        a.values.findings = r.text(4);
        for (const auto& row : c.query_with(kActions, a.id))
            a.values.actions.push_back(
                {row.integer(0), row.text(1), row.text(2), parse_date(row.text(3)).value_or(Date{}),
                 parse_term(plan_status_terms(), row.text(4)).value_or(PlanStatus::not_started)});
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace

NamedTherapist SlcnStore::set_therapist(std::int64_t urn,
                                        std::optional<PractitionerId> practitioner,
                                        const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        c.execute_with("DELETE FROM school_therapists WHERE school_urn = ?", urn);
        if (practitioner)
            c.execute_with(
                "INSERT INTO school_therapists (school_urn, practitioner_id, updated_at)"
                " VALUES (?, ?, ?)",
                urn, practitioner->value, c.now_seconds());
        append_audit(c, who, "update", "school_therapist", std::to_string(urn),
                     {{"practitioner_id",
                       practitioner ? nlohmann::json(practitioner->value) : nlohmann::json()}});
        return therapist_from(*c.query_one(kTherapist, urn));
    });
}

NamedTherapist SlcnStore::therapist_of(std::int64_t urn) {
    return db_.read([&](SqlConnection& c) {
        auto row = c.query_one(kTherapist, urn);
        return row ? therapist_from(*row) : NamedTherapist{.school_urn = urn};
    });
}

std::vector<NamedTherapist> SlcnStore::therapists() {
    return db_.read([&](SqlConnection& c) {
        std::vector<NamedTherapist> out;
        for (const auto& r : c.query_with(kTherapists)) out.push_back(therapist_from(r));
        return out;
    });
}

std::vector<std::int64_t> SlcnStore::schools_of(PractitionerId practitioner) {
    return db_.read([&](SqlConnection& c) {
        std::vector<std::int64_t> out;
        for (const auto& r :
             c.query_with("SELECT school_urn FROM school_therapists WHERE practitioner_id = ?"
                          " ORDER BY school_urn",
                          practitioner.value))
            out.push_back(r.integer(0));
        return out;
    });
}

Audit SlcnStore::create_audit(const AuditValues& v, const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        const auto now = c.now_seconds();
        const auto id = c.query_one(
                             "INSERT INTO slcn_audits (school_urn, audit_date, findings,"
                             " recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                             " RETURNING id",
                             v.school_urn, format_date(v.date), v.findings, who.name, now, now)
                            ->integer(0);
        int position = 0;
        for (const auto& a : v.actions)
            c.execute_with(
                "INSERT INTO slcn_audit_actions (audit_id, position, action_text, owner,"
                " due_date, status) VALUES (?, ?, ?, ?, ?, ?)",
                id, position++, a.text, a.owner, format_date(a.due_date),
                std::string(term_of(plan_status_terms(), a.status).code));
        append_audit(c, who, "create", "slcn_audit", std::to_string(id),
                     {{"school_urn", v.school_urn}, {"actions", v.actions.size()}});
        return audits_in(c, id, {}).at(0);
    });
}

std::optional<Audit> SlcnStore::find_audit(std::int64_t id) {
    return db_.read([&](SqlConnection& c) -> std::optional<Audit> {
        auto found = audits_in(c, id, {});
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<Audit> SlcnStore::audits(const std::vector<std::int64_t>& school_urns) {
    return db_.read([&](SqlConnection& c) { return audits_in(c, std::nullopt, school_urns); });
}

bool SlcnStore::set_action_status(std::int64_t audit, std::int64_t action, PlanStatus status,
                                  const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        const std::string code(term_of(plan_status_terms(), status).code);
        if (c.execute_with("UPDATE slcn_audit_actions SET status = ? WHERE id = ? AND audit_id = ?",
                           code, action, audit) != 1)
            return false;
        c.execute_with("UPDATE slcn_audits SET updated_at = ? WHERE id = ?", c.now_seconds(),
                       audit);
        append_audit(c, who, "update", "slcn_audit_action", std::to_string(action),
                     {{"status", code}});
        return true;
    });
}

}  // namespace sendhub
