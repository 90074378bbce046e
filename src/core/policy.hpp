#pragma once
// Authorisation, decided in this one place. Routes name a Permission; records that
// belong to one school are further scoped by can_see_school().
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/role.hpp"

namespace sendhub {

//! The signed-in person making a request.
struct Actor {
    UserId user_id;
    std::string name;
    std::string email;
    Role role = Role::senco;
    std::optional<SchoolUrn> school_urn;            // a school's staff: their one school
    std::optional<PractitionerId> practitioner_id;  // practitioners: their own record
};

enum class Permission {
    signed_in,     // any signed-in user
    manage_users,  // invite, change role, deactivate
    read_audit_log,
    read_schools,    // list/read schools (SENCOs: scoped to their own)
    manage_schools,  // create and edit schools
    read_practitioners,
    manage_practitioners,
    see_practitioner_home,  // home postcode is personal data of staff
    use_outreach,           // see outreach requests (each further scoped by can_see_request)
    submit_requests,        // ask for outreach support (SENCOs for their school, coordinators)
    triage_requests,        // accept, decline, ask for more, assign, complete (coordinators)
    read_feedback,          // all schools' feedback and ratings
    read_tariffs,           // the price list (practitioners see no prices beyond mileage)
    manage_tariffs,         // add prices with effective dates (admin, finance)
    see_prices,             // day rates and charges (practitioners see only their mileage)
    read_invoices,          // invoices, statements, packages (SENCOs: their own school's)
    manage_invoices,        // invoice runs, credit notes, packages (finance)
    record_payments,        // payments received against invoices (finance, administrators)
    read_finance_summary,   // the trust-wide finance dashboard
    manage_term_dates,      // local authorities' term dates and closure days (admin, coordinator)
    read_calendars,  // visit calendars: practitioners their own, coordinators and admins everyone's
    read_partnerships,    // partnerships (a school's staff: those naming their school, no notes)
    manage_partnerships,  // record, edit and end partnerships (partnerships lead, admin)
    work_enquiries,       // the public's enquiries: assign, notes, close (partnerships lead, admin)
    manage_school_accounts,  // approve registrations, invite a school's staff
    read_school_history,     // a school's whole history with the trust (its SENCO, headteacher)
    read_concerns,           // safeguarding concerns (each further decided by concern_access)
    raise_concerns,          // a practitioner records a concern seen on their visit
    manage_dsl,              // the school's designated safeguarding lead (its head, SENCO; admin)
    answer_subject_access,   // find and export one child's records (administrators)
    read_retention,          // how long each kind of record is kept (administrators)
    organise_events,         // create events, take registers, read feedback (admin, coordinator,
                             // partnerships)
};

[[nodiscard]] bool allows(Role role, Permission permission);
[[nodiscard]] inline bool allows(const Actor& actor, Permission permission) {
    return allows(actor.role, permission);
}

//! Whether the actor may see records of the school: a school's staff only their own.
[[nodiscard]] bool can_see_school(const Actor& actor, SchoolUrn urn);

//! Children's data goes only to those who need it: trust staff who run outreach, the
//! school's own SENCO and headteacher, and the practitioner assigned to the work.
[[nodiscard]] bool can_see_request(const Actor& actor, SchoolUrn school,
                                   std::optional<PractitionerId> assigned);
//! A request as a whole: a draft is the school's own until it is submitted, so only the
//! school's SENCO and headteacher see it; once submitted, can_see_request decides.
[[nodiscard]] bool can_see_request(const Actor& actor, SchoolUrn school,
                                   std::optional<PractitionerId> assigned, bool is_draft);
//! Whether the actor's request lists include drafts (only a school sees its own).
[[nodiscard]] bool lists_drafts(const Actor& actor);
//! The practitioner assigned to this work (not any practitioner).
[[nodiscard]] bool is_assigned(const Actor& actor, std::optional<PractitionerId> assigned);
//! The SENCO of this school.
[[nodiscard]] bool is_school_senco(const Actor& actor, SchoolUrn school);
//! The trust's own notes on a partnership are not for a school's staff.
[[nodiscard]] bool sees_partnership_notes(const Actor& actor);
//! The SENCO or headteacher of this school: they read its outreach work.
[[nodiscard]] bool is_school_leader(const Actor& actor, SchoolUrn school);
//! The school a school's staff member is scoped to; nullopt for the trust's staff. A school
//! role without a school is scoped to no school at all (URN -1), never to every school.
[[nodiscard]] std::optional<SchoolUrn> school_scope(const Actor& actor);

}  // namespace sendhub
