#include "core/outreach.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::array<Term<RequestKind>, 2> kKinds{{
    {RequestKind::individual, "individual", "One child"},
    {RequestKind::group, "group", "A group of children with like needs"},
}};
constexpr std::array<Term<NeedRoute>, 5> kRoutes{{
    {NeedRoute::early_years, "early_years", "Early years identification, assessment and support"},
    {NeedRoute::sen_support, "sen_support", "SEN support (Record of Need at School Support)"},
    {NeedRoute::ehcp, "ehcp", "Education, Health and Care Plan"},
    {NeedRoute::annual_review, "annual_review", "Annual review"},
    {NeedRoute::transition, "transition", "Transition into a new setting"},
}};
constexpr std::array<Term<NeedSource>, 2> kNeedSources{{
    {NeedSource::school, "school", "The school"},
    {NeedSource::local_authority, "local_authority", "The local authority"},
}};
constexpr std::array<Term<ConsentType>, 2> kConsents{{
    {ConsentType::signature, "signed", "Signed by a parent or carer"},
    {ConsentType::verbal, "verbal", "Given verbally by parents or carers"},
}};
constexpr std::array<Term<RequestStatus>, 9> kStatuses{{
    {RequestStatus::draft, "draft", "Draft, not yet sent"},
    {RequestStatus::submitted, "submitted", "Waiting for the trust to triage"},
    {RequestStatus::accepted, "accepted", "Waiting for the trust to choose a practitioner"},
    {RequestStatus::declined, "declined", "Declined"},
    {RequestStatus::more_info, "more_info", "Waiting for the school to answer"},
    {RequestStatus::assigned, "assigned", "Waiting for the agreement"},
    {RequestStatus::agreed, "agreed", "Agreed: visits under way"},
    {RequestStatus::completed, "completed", "Completed"},
    {RequestStatus::cancelled, "cancelled", "Cancelled"},
}};

// A pupil is named by initials or a school reference, never a full name (data minimisation,
// UK GDPR Art. 5(1)(c)): up to 8 letters, digits, dots or hyphens, no spaces.
bool is_pupil_reference(std::string_view ref) {
    if (ref.empty() || ref.size() > 8) return false;
    for (char c : ref) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
    }
    return true;
}

void check_need_record(Validator& v, const PupilInput& in, Pupil& pupil, const std::string& prefix,
                       std::size_t number, Date today) {
    const std::string who = "Pupil " + std::to_string(number) + ": ";
    if (auto source = trim(in.primary_need_source); source.empty()) {
        pupil.primary_need_source = need_source_default(pupil.need_route);
    } else if (auto parsed = parse_term(need_source_terms(), source)) {
        pupil.primary_need_source = *parsed;
    } else {
        v.fail(prefix + "primary_need_source", "invalid",
               who + "select whether the school or the local authority recorded the need");
    }
    auto recorded = trim(in.primary_need_recorded_on);
    if (recorded.empty()) return;
    auto date = parse_date(recorded);
    if (!date)
        v.fail(prefix + "primary_need_recorded_on", "invalid",
               who + date_problem(recorded, "the date the need was recorded"));
    else if (*date > today)
        v.fail(prefix + "primary_need_recorded_on", "invalid",
               who + "the date the need was recorded must be today or in the past");
    else
        pupil.primary_need_recorded_on = *date;
}

void check_pupils(Validator& v, const RequestInput& input, RequestDetails& out, Date today) {
    for (std::size_t i = 0; i < input.pupils.size(); ++i) {
        const auto& in = input.pupils[i];
        std::string prefix = "pupils." + std::to_string(i) + ".";
        Pupil pupil;
        pupil.ref = trim(in.ref);
        if (!is_pupil_reference(pupil.ref))
            v.fail(prefix + "ref", "invalid",
                   "Pupil " + std::to_string(i + 1) +
                       ": use initials or a school reference of up to 8 characters, not a name");
        pupil.year_group = to_upper(trim(in.year_group));
        if (std::ranges::find(year_groups(), pupil.year_group) == year_groups().end())
            v.fail(prefix + "year_group", "invalid",
                   "Pupil " + std::to_string(i + 1) + ": select a year group");
        auto route = parse_term(need_route_terms(), trim(in.need_route));
        if (!route)
            v.fail(prefix + "need_route", "invalid",
                   "Pupil " + std::to_string(i + 1) + ": select how their needs were identified");
        else
            pupil.need_route = *route;
        auto need = parse_term(primary_need_terms(), to_upper(trim(in.primary_need)));
        if (!need)
            v.fail(prefix + "primary_need", "invalid",
                   "Pupil " + std::to_string(i + 1) + ": select their primary need");
        else
            pupil.primary_need = *need;
        // NSA means "no specialist assessment", which an EHC plan or its review always has.
        if (route && need && *need == PrimaryNeed::NSA &&
            (*route == NeedRoute::ehcp || *route == NeedRoute::annual_review)) {
            v.fail("pupils", "invalid",
                   "Pupil " + std::to_string(i + 1) +
                       ": a pupil with an EHC plan has had a specialist assessment, so choose a "
                       "need other than NSA");
        }
        check_need_record(v, in, pupil, prefix, i + 1, today);
        out.pupils.push_back(std::move(pupil));
    }
}

}  // namespace

std::span<const Term<RequestKind>> request_kind_terms() {
    return kKinds;
}
std::span<const Term<NeedRoute>> need_route_terms() {
    return kRoutes;
}
std::span<const Term<NeedSource>> need_source_terms() {
    return kNeedSources;
}
NeedSource need_source_default(NeedRoute route) {
    return route == NeedRoute::ehcp || route == NeedRoute::annual_review
               ? NeedSource::local_authority
               : NeedSource::school;
}
std::span<const Term<ConsentType>> consent_type_terms() {
    return kConsents;
}
std::span<const Term<RequestStatus>> request_status_terms() {
    return kStatuses;
}

const std::vector<std::string>& year_groups() {
    static const std::vector<std::string> groups = [] {
        std::vector<std::string> g{"N1", "N2", "R"};
        for (int y = 1; y <= 14; ++y) g.push_back("Y" + std::to_string(y));
        return g;
    }();
    return groups;
}

RequestKind kind_for(WorkType work_type) {
    return work_type == WorkType::individual_child ? RequestKind::individual : RequestKind::group;
}

Service request_service(const RequestInput& answers) {
    return parse_service(answers.service).value_or(Service::outreach);
}

namespace {

void check_consent(Validator& v, const RequestInput& input, RequestDetails& out,
                   std::optional<RequestKind> kind, Date today) {
    auto consent = parse_term(consent_type_terms(), trim(input.consent_type));
    if (kind == RequestKind::individual && consent != ConsentType::signature) {
        v.fail("consent.type", "consent_required",
               "A request for one child needs a parent's or carer's signature");
    } else if (!consent) {
        v.fail("consent.type", "consent_required",
               "Say how parents gave consent: signed or verbally");
    } else {
        out.consent_type = *consent;
    }
    auto obtained_on = parse_date(trim(input.consent_obtained_on));
    if (!obtained_on)
        v.fail("consent.obtained_on", "invalid",
               date_problem(input.consent_obtained_on, "the date consent was given"));
    else if (days_between(today, *obtained_on) > 0)
        v.fail("consent.obtained_on", "invalid",
               "The date consent was given cannot be in the future");
    else
        out.consent_obtained_on = *obtained_on;
    out.consent_obtained_by =
        v.required_text("consent.obtained_by", input.consent_obtained_by,
                        "Enter who obtained the consent", "Who obtained consent", 120);
}

// Outreach: one child (a parent's signature) or a group (verbal consent will do), at a level.
void check_outreach_work(Validator& v, const RequestInput& input, RequestDetails& out, Date today) {
    auto kind = parse_term(request_kind_terms(), trim(input.kind));
    if (!kind)
        v.fail("kind", "invalid", "Select whether the request is for one child or a group");
    else
        out.kind = *kind;

    // Seed 002: a signature for one child; verbal consent (or a signature) for a group.
    if (kind == RequestKind::individual && input.pupils.size() != 1)
        v.fail("pupils", "pupils_count", "A request for one child names exactly one pupil");
    if (kind == RequestKind::group &&
        (input.pupils.size() < 2 || input.pupils.size() > kMaxPupilsInGroup))
        v.fail("pupils", "pupils_count", "A group request names between 2 and 30 pupils");
    check_pupils(v, input, out, today);
    check_consent(v, input, out, kind, today);

    auto level = parse_term(grade_terms(), trim(input.expertise_level));
    if (!level)
        v.fail("expertise_level", "invalid", "Select the expertise level you need");
    else
        out.expertise_level = *level;
}

// Educational psychology and therapy days: one child with a signature, or work with a
// cohort or the staff that names no pupils and needs no consent.
void check_service_work(Validator& v, const RequestInput& input, RequestDetails& out, Grade level,
                        Date today) {
    out.expertise_level = level;
    const std::string work_code = trim(input.work_type);
    auto work = parse_term(work_type_terms(), work_code);
    if (!work) {
        v.fail("work_type", work_code.empty() ? "required" : "invalid",
               "Select what the work is for");
        return;
    }
    out.work_type = *work;
    out.kind = kind_for(*work);
    if (*work == WorkType::individual_child) {
        if (input.pupils.size() != 1)
            v.fail("pupils", "pupils_count", "Work with one child names exactly one pupil");
        check_pupils(v, input, out, today);
        check_consent(v, input, out, RequestKind::individual, today);
    } else if (!input.pupils.empty()) {
        v.fail("pupils", "invalid",
               "Work with a cohort or the staff names no pupils: describe it in the concern");
    }
}

}  // namespace

Result<RequestDetails> validate_request(const RequestInput& input, Date today) {
    Validator v;
    RequestDetails out;
    auto urn = parse_int(trim(input.school_urn));
    if (!urn || *urn < 100000 || *urn > 999999)
        v.fail("school_urn", "invalid", "Select the school");
    else
        out.school_urn = SchoolUrn{*urn};

    auto service = parse_service(input.service);
    if (!service) {
        v.fail("service", "invalid", "Select the service");
    } else if (auto level = service_level(*service)) {
        out.service = *service;
        check_service_work(v, input, out, *level, today);
    } else {
        check_outreach_work(v, input, out, today);
    }

    auto preferred = parse_date(trim(input.preferred_date));
    if (!preferred) {
        v.fail("preferred_date", "invalid",
               date_problem(input.preferred_date, "the preferred date of the first visit"));
    } else if (days_between(today, *preferred) < kMinimumNoticeDays) {
        v.fail("preferred_date", "too_soon",
               "The preferred date must be at least 7 days from today: " +
                   format_long_date(std::chrono::sys_days{today} +
                                    std::chrono::days{kMinimumNoticeDays}) +
                   " or later");
    } else {
        out.preferred_date = *preferred;
    }

    out.concern = v.required_text("concern", input.concern, "Describe the concern", "The concern",
                                  kMaxConcernLength);
    out.tried = trim(input.tried);
    if (utf8_length(out.tried) > kMaxConcernLength)
        v.fail("tried", "too_long", "What you have tried must be 5000 characters or fewer");

    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

Result<RequestDraft> validate_draft(const RequestInput& input) {
    Validator v;
    auto urn = parse_int(trim(input.school_urn));
    if (!urn || *urn < 100000 || *urn > 999999)
        v.fail("school_urn", "invalid", "Select the school");
    auto service = parse_service(input.service);
    auto work = parse_term(work_type_terms(), trim(input.work_type));
    auto kind = parse_term(request_kind_terms(), trim(input.kind));
    if (!service) {
        v.fail("service", "invalid", "Select the service");
    } else if (*service != Service::outreach) {
        kind = work ? std::optional(kind_for(*work)) : std::nullopt;
        if (!work) v.fail("work_type", "required", "Select what the work is for");
    } else if (!kind) {
        v.fail("kind", "invalid", "Select whether the request is for one child or a group");
    }
    if (input.pupils.size() > kMaxPupilsInGroup)
        v.fail("pupils", "pupils_count", "A request names at most 30 pupils");
    if (utf8_length(input.concern) > kMaxConcernLength)
        v.fail("concern", "too_long", "The concern must be 5000 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    RequestDraft draft{.school_urn = SchoolUrn{*urn}, .kind = *kind};
    RequestInput& a = draft.answers;
    a.school_urn = std::to_string(*urn);
    a.kind = std::string(term_of(request_kind_terms(), *kind).code);
    for (const auto& p : input.pupils)
        a.pupils.push_back({trim(p.ref), to_upper(trim(p.year_group)), trim(p.need_route),
                            to_upper(trim(p.primary_need)), trim(p.primary_need_source),
                            trim(p.primary_need_recorded_on)});
    a.consent_type = trim(input.consent_type);
    a.consent_obtained_on = trim(input.consent_obtained_on);
    a.consent_obtained_by = trim(input.consent_obtained_by);
    a.expertise_level = trim(input.expertise_level);
    a.preferred_date = trim(input.preferred_date);
    a.concern = trim(input.concern);
    a.tried = trim(input.tried);
    a.service = std::string(term_of(service_terms(), *service).code);
    if (*service != Service::outreach) {
        a.work_type = std::string(term_of(work_type_terms(), *work).code);
        a.expertise_level.clear();
    }
    return draft;
}

RequestDraft stored_form(const RequestDetails& d) {
    RequestDraft draft{.school_urn = d.school_urn, .kind = d.kind};
    RequestInput& a = draft.answers;
    a.school_urn = std::to_string(d.school_urn.value);
    a.kind = std::string(term_of(request_kind_terms(), d.kind).code);
    for (const auto& p : d.pupils)
        a.pupils.push_back({p.ref, p.year_group,
                            std::string(term_of(need_route_terms(), p.need_route).code),
                            std::string(term_of(primary_need_terms(), p.primary_need).code),
                            std::string(term_of(need_source_terms(), p.primary_need_source).code),
                            p.primary_need_recorded_on ? format_date(*p.primary_need_recorded_on)
                                                       : std::string()});
    // Work with a cohort or the staff needs no consent, so none is recorded.
    const bool consented = d.service == Service::outreach || d.kind == RequestKind::individual;
    if (consented) {
        a.consent_type = std::string(term_of(consent_type_terms(), d.consent_type).code);
        a.consent_obtained_on = format_date(d.consent_obtained_on);
        a.consent_obtained_by = d.consent_obtained_by;
    }
    // The other services' level is the service itself, so their requests name none.
    if (d.service == Service::outreach)
        a.expertise_level = std::string(term_of(grade_terms(), d.expertise_level).code);
    a.preferred_date = format_date(d.preferred_date);
    a.concern = d.concern;
    a.tried = d.tried;
    a.service = std::string(term_of(service_terms(), d.service).code);
    if (d.work_type) a.work_type = std::string(term_of(work_type_terms(), *d.work_type).code);
    return draft;
}

std::string_view request_status_text(RequestStatus status, bool agreement_drawn_up) {
    if (status == RequestStatus::assigned)
        return agreement_drawn_up ? "Waiting for the school to accept the agreement"
                                  : "Waiting for the trust to draw up the agreement";
    return term_of(request_status_terms(), status).label;
}

bool is_open(RequestStatus s) {
    return s != RequestStatus::declined && s != RequestStatus::completed &&
           s != RequestStatus::cancelled;
}

Result<RequestStatus> next_status(RequestStatus from, RequestAction action) {
    using S = RequestStatus;
    using A = RequestAction;
    auto allowed = [&](std::initializer_list<S> sources, S to) -> std::optional<S> {
        for (S s : sources) {
            if (s == from) return to;
        }
        return std::nullopt;
    };
    std::optional<S> to;
    switch (action) {
        case A::submit:
            to = allowed({S::draft}, S::submitted);
            break;
        case A::accept:
            to = allowed({S::submitted}, S::accepted);
            break;
        case A::decline:
            to = allowed({S::submitted}, S::declined);
            break;
        case A::ask_more_info:
            to = allowed({S::submitted}, S::more_info);
            break;
        case A::resubmit:
            to = allowed({S::more_info}, S::submitted);
            break;
        case A::assign:
            to = allowed({S::accepted, S::assigned}, S::assigned);
            break;
        case A::agree:
            to = allowed({S::assigned}, S::agreed);
            break;
        case A::complete:
            to = allowed({S::agreed}, S::completed);
            break;
        case A::cancel:
            to = is_open(from) ? std::optional(S::cancelled) : std::nullopt;
            break;
    }
    if (!to) {
        return std::unexpected(Error::conflict(
            "invalid_transition", "This request is " +
                                      std::string(term_of(request_status_terms(), from).label) +
                                      ", so that cannot be done now."));
    }
    return *to;
}

std::string request_reference(RequestId id) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "OR-%05lld", static_cast<long long>(id.value));
    return buffer;
}

}  // namespace sendhub
