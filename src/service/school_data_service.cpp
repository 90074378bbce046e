#include "service/school_data_service.hpp"

#include <algorithm>

#include "core/census.hpp"
#include "core/csv.hpp"
#include "core/school.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

SchoolReturnStore returns_of(Services& s) {
    return SchoolReturnStore(*s.database);
}
FrameworkStore frameworks_of(Services& s) {
    return FrameworkStore(*s.database);
}

Error no_school() {
    return Error::not_found("No such school.");
}

//! May the actor read this school's data (another school's is not found for a school).
Result<void> may_read(const Actor& actor, std::int64_t urn) {
    switch (school_data_access(actor.role)) {
        case SchoolDataAccess::write_all:
        case SchoolDataAccess::read_all:
            return {};
        case SchoolDataAccess::own_school:
            if (actor.school_urn == SchoolUrn{urn}) return {};
            return std::unexpected(no_school());
        case SchoolDataAccess::none:
            break;
    }
    return std::unexpected(Error::forbidden());
}

Result<void> may_write(const Actor& actor, std::int64_t urn) {
    if (school_data_access(actor.role) == SchoolDataAccess::read_all)
        return std::unexpected(Error::forbidden());
    return may_read(actor, urn);
}

//! May the actor write some school's data at all (checked before the input, so a role that
//! may not write is told so rather than what is wrong with its input).
Result<void> writes_some_school(const Actor& actor) {
    const auto access = school_data_access(actor.role);
    if (access == SchoolDataAccess::write_all || access == SchoolDataAccess::own_school) return {};
    return std::unexpected(Error::forbidden());
}

Result<void> reads_any_school(const Actor& actor) {
    if (school_data_access(actor.role) == SchoolDataAccess::none)
        return std::unexpected(Error::forbidden());
    return {};
}

Result<void> leads_the_trust(const Actor& actor) {
    if (insight_access(actor.role) == InsightAccess::everything) return {};
    return std::unexpected(Error::forbidden());
}

Error unknown_school() {
    return Error::invalid("school_urn", "unknown_school", "No school has that URN");
}

//! A school filter as typed: "" for any; a SENCO's is always their own school.
Result<std::optional<std::int64_t>> school_filter_of(const Actor& actor, std::string_view typed) {
    std::optional<std::int64_t> urn;
    if (!trim(typed).empty()) {
        auto parsed = parse_int(trim(typed));
        if (!parsed) return std::unexpected(Error::invalid("school_urn", "invalid", "Enter a URN"));
        urn = *parsed;
    }
    if (school_data_access(actor.role) == SchoolDataAccess::own_school) {
        if (urn && actor.school_urn != SchoolUrn{*urn}) return std::unexpected(no_school());
        if (!actor.school_urn) return std::unexpected(Error::forbidden());
        urn = actor.school_urn->value;
    }
    return urn;
}

Result<std::optional<TermPeriod>> term_filter_of(std::string_view typed, const char* field) {
    if (trim(typed).empty()) return std::optional<TermPeriod>{};
    auto term = parse_term_name(typed);
    if (!term)
        return std::unexpected(
            Error::invalid(field, "invalid", "Enter the term like 2026-27 autumn"));
    return std::optional<TermPeriod>{*term};
}

//! Validates a return and checks the actor may write it and the school exists.
Result<SchoolReturnValues> checked_return(Services& s, const Actor& actor,
                                          const SchoolReturnInput& input) {
    auto values = validate_school_return(input);
    if (!values) return std::unexpected(values.error());
    SENDHUB_TRY(may_write(actor, values->school_urn));
    if (!s.schools.find(SchoolUrn{values->school_urn})) return std::unexpected(unknown_school());
    return values;
}

}  // namespace

std::vector<School> schools_for_returns(Services& s, const Actor& actor) {
    std::vector<School> out;
    switch (school_data_access(actor.role)) {
        case SchoolDataAccess::own_school:
            if (actor.school_urn)
                if (auto own = s.schools.find(*actor.school_urn)) out.push_back(*own);
            break;
        case SchoolDataAccess::write_all:
            for (auto relationship : {SchoolRelationship::trust, SchoolRelationship::partner}) {
                auto page = s.schools.list({.relationship = relationship, .limit = 500});
                out.insert(out.end(), page.items.begin(), page.items.end());
            }
            std::ranges::sort(out, {}, &School::name);
            break;
        case SchoolDataAccess::read_all:
        case SchoolDataAccess::none:
            break;
    }
    return out;
}

SchoolDataAccess school_data_access_of(const Actor& actor) {
    return school_data_access(actor.role);
}

Result<SavedReturn> save_school_return(Services& s, const Actor& actor,
                                       const SchoolReturnInput& input) {
    SENDHUB_TRY(writes_some_school(actor));
    auto values = checked_return(s, actor, input);
    if (!values) return std::unexpected(values.error());
    auto saved = returns_of(s).save({*values}, actor.email);
    return SavedReturn{saved.at(0).first, saved.at(0).second};
}

Result<std::vector<SchoolReturnRecord>> list_school_returns(Services& s, const Actor& actor,
                                                            std::string_view school_urn,
                                                            std::string_view term) {
    SENDHUB_TRY(reads_any_school(actor));
    auto urn = school_filter_of(actor, school_urn);
    if (!urn) return std::unexpected(urn.error());
    auto period = term_filter_of(term, "term");
    if (!period) return std::unexpected(period.error());
    return returns_of(s).list({*urn, *period});
}

std::expected<int, ImportProblem> import_school_returns(Services& s, const Actor& actor,
                                                        std::string_view csv) {
    if (school_data_access(actor.role) != SchoolDataAccess::write_all)
        return std::unexpected(ImportProblem{Error::forbidden(), 0});
    const auto table = CsvTable::parse(csv);
    const auto urn_column = table.column("school_urn");
    const auto term_column = table.column("term");
    if (!urn_column || !term_column)
        return std::unexpected(ImportProblem{
            Error::invalid(urn_column ? "term" : "school_urn", "required",
                           "The first line must name the columns, with school_urn and term"),
            1});
    for (const auto& name : table.header())
        if (name != "school_urn" && name != "term" && !is_return_measure(name))
            return std::unexpected(ImportProblem{
                Error::invalid(name, "invalid", "The column " + name + " is not a measure"), 1});
    if (table.rows().empty())
        return std::unexpected(
            ImportProblem{Error::invalid("school_urn", "required", "The file has no returns"), 1});
    std::vector<SchoolReturnValues> rows;
    for (std::size_t i = 0; i < table.rows().size(); ++i) {
        const auto& cells = table.rows()[i];
        const int line = static_cast<int>(i) + 2;
        SchoolReturnInput input;
        for (std::size_t c = 0; c < table.header().size(); ++c) {
            const std::string cell = c < cells.size() ? cells[c] : std::string();
            if (c == *urn_column)
                input.school_urn = cell;
            else if (c == *term_column)
                input.term = cell;
            else
                input.measures[table.header()[c]] = cell;
        }
        auto values = checked_return(s, actor, input);
        if (!values) {
            Error first = values.error();
            if (!first.fields.empty()) {
                first.code = first.fields.front().code;
                first.field = first.fields.front().field;
                first.message = first.fields.front().message;
                first.fields.resize(1);
            }
            first.message = "Line " + std::to_string(line) + ": " + first.message;
            return std::unexpected(ImportProblem{std::move(first), line});
        }
        rows.push_back(std::move(*values));
    }
    returns_of(s).save(rows, actor.email);
    return static_cast<int>(rows.size());
}

Result<Framework> create_framework(Services& s, const Actor& actor, const FrameworkInput& input) {
    SENDHUB_TRY(leads_the_trust(actor));
    auto values = validate_framework(input);
    if (!values) return std::unexpected(values.error());
    return frameworks_of(s).create(*values);
}

std::vector<Framework> list_frameworks(Services& s) {
    return frameworks_of(s).list();
}

Result<Framework> get_framework(Services& s, std::int64_t id) {
    auto found = frameworks_of(s).find(id);
    if (!found) return std::unexpected(Error::not_found("No such framework."));
    return *found;
}

Result<SavedSelfEvaluation> save_self_evaluation(Services& s, const Actor& actor,
                                                 const SelfEvaluationInput& input) {
    SENDHUB_TRY(writes_some_school(actor));
    Validator v;
    auto urn = parse_int(trim(input.school_urn));
    if (!urn)
        v.fail("school_urn", trim(input.school_urn).empty() ? "required" : "unknown_school",
               "Choose the school");
    std::optional<Framework> framework;
    if (auto id = parse_int(trim(input.framework_id))) framework = frameworks_of(s).find(*id);
    if (!framework) v.fail("framework_id", "invalid", "Choose a framework");
    auto period = parse_term_name(input.period);
    if (!period) v.fail("period", "invalid", "Enter the term like 2026-27 autumn");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    SENDHUB_TRY(may_write(actor, *urn));
    if (!s.schools.find(SchoolUrn{*urn})) return std::unexpected(unknown_school());
    auto ratings = validate_ratings(input.ratings, framework->statements(), framework->scale_max);
    if (!ratings) return std::unexpected(ratings.error());
    auto [record, created] =
        frameworks_of(s).save_evaluation(*urn, framework->id, *period, *ratings, actor.email);
    return SavedSelfEvaluation{std::move(record), created};
}

Result<std::vector<SelfEvaluationRecord>> list_self_evaluations(Services& s, const Actor& actor,
                                                                std::string_view school_urn,
                                                                std::string_view framework_id,
                                                                std::string_view period) {
    SENDHUB_TRY(reads_any_school(actor));
    auto urn = school_filter_of(actor, school_urn);
    if (!urn) return std::unexpected(urn.error());
    std::optional<std::int64_t> framework;
    if (!trim(framework_id).empty()) {
        auto id = parse_int(trim(framework_id));
        if (!id)
            return std::unexpected(Error::invalid("framework_id", "invalid", "Choose a framework"));
        framework = *id;
    }
    auto term = term_filter_of(period, "period");
    if (!term) return std::unexpected(term.error());
    return frameworks_of(s).evaluations({*urn, framework, *term});
}

Result<SelfEvaluationRecord> get_self_evaluation(Services& s, const Actor& actor, std::int64_t id) {
    SENDHUB_TRY(reads_any_school(actor));
    auto found = frameworks_of(s).find_evaluation(id);
    if (!found || !may_read(actor, found->school_urn))
        return std::unexpected(Error::not_found("No such self-evaluation."));
    return *found;
}

Result<FrameworkHeatMap> framework_heat_map(Services& s, const Actor& actor,
                                            std::int64_t framework_id, std::string_view period,
                                            std::string_view relationship) {
    SENDHUB_TRY(leads_the_trust(actor));
    auto framework = get_framework(s, framework_id);
    if (!framework) return std::unexpected(framework.error());
    if (trim(period).empty())
        return std::unexpected(Error::invalid("period", "required", "Choose a term"));
    auto term = parse_term_name(period);
    if (!term)
        return std::unexpected(
            Error::invalid("period", "invalid", "Enter the term like 2026-27 autumn"));
    std::optional<SchoolRelationship> only;
    if (!trim(relationship).empty()) {
        only = parse_term(school_relationship_terms(), trim(relationship));
        if (!only)
            return std::unexpected(Error::invalid("relationship", "invalid",
                                                  "Choose trust, partner or other schools"));
    }
    std::vector<std::vector<Rating>> ratings;
    for (auto& e : frameworks_of(s).evaluations({std::nullopt, framework_id, *term})) {
        if (only) {
            auto school = s.schools.find(SchoolUrn{e.school_urn});
            if (!school || school->relationship != *only) continue;
        }
        ratings.push_back(std::move(e.ratings));
    }
    FrameworkHeatMap out{*framework, *term, static_cast<int>(ratings.size()), {}};
    out.summary = summarise_framework(framework->statements(), ratings, framework->scale_max);
    return out;
}

}  // namespace sendhub
