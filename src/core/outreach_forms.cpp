#include "core/outreach_forms.hpp"

#include "core/text.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

Result<TriageChoice> validate_triage(std::string_view decision_text,
                                     std::string_view expertise_level, std::string_view notes,
                                     std::optional<Grade> service_level) {
    TriageChoice choice{.notes = trim(notes)};
    const std::string decision = trim(decision_text);
    if (decision == "accept") {
        choice.action = RequestAction::accept;
        choice.level =
            service_level ? service_level : parse_term(grade_terms(), trim(expertise_level));
        if (!choice.level)
            return std::unexpected(
                Error::invalid("expertise_level", "invalid", "Confirm the expertise level"));
    } else if (decision == "decline") {
        choice.action = RequestAction::decline;
        if (choice.notes.empty())
            return std::unexpected(
                Error::invalid("notes", "required", "Give the reason for declining"));
    } else if (decision == "more_info") {
        choice.action = RequestAction::ask_more_info;
        if (choice.notes.empty())
            return std::unexpected(
                Error::invalid("notes", "required", "Say what more information you need"));
    } else {
        return std::unexpected(Error::invalid(
            "decision", "invalid", "Choose accept, decline or ask for more information"));
    }
    if (utf8_length(choice.notes) > kMaxNoteLength)
        return std::unexpected(
            Error::invalid("notes", "too_long", "Keep notes to 2000 characters"));
    return choice;
}

Result<std::string> validate_change_note(std::string_view note_text) {
    std::string note = trim(note_text);
    if (note.empty())
        return std::unexpected(Error::invalid(
            "note", "required", "Say what you would like changed, for example fewer sessions"));
    if (utf8_length(note) > kMaxNoteLength)
        return std::unexpected(
            Error::invalid("note", "too_long", "Keep the note to 2000 characters"));
    return note;
}

Result<std::string> validate_cancellation(std::string_view reason_text) {
    std::string reason = trim(reason_text);
    if (reason.empty())
        return std::unexpected(
            Error::invalid("reason", "required", "Give the reason for cancelling"));
    if (utf8_length(reason) > kMaxNoteLength)
        return std::unexpected(
            Error::invalid("reason", "too_long", "Keep the reason to 2000 characters"));
    return reason;
}

Result<VisitPlan> validate_visit_plan(std::string_view date_text, std::string_view days_text) {
    Validator v;
    auto date = parse_date(trim(date_text));
    if (!date) v.fail("date", "invalid", date_problem(date_text, "the date of the visit"));
    auto half_days = parse_half_days(days_text);
    if (!half_days || (*half_days != 1 && *half_days != 2))
        v.fail("days", "invalid", "A visit is half a day (0.5) or a day (1)");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return VisitPlan{*date, *half_days};
}

Result<ProgressEntry> validate_progress(std::string_view date_text, std::string_view status_text,
                                        std::string_view note_text, Date today) {
    Validator v;
    auto date = parse_date(trim(date_text));
    if (!date)
        v.fail("date", "invalid", date_problem(date_text, "the date"));
    else if (days_between(today, *date) > 0)
        v.fail("date", "invalid", "Progress cannot be recorded for a future date");
    auto status = parse_term(progress_status_terms(), trim(status_text));
    if (!status) v.fail("status", "invalid", "Select the progress made");
    std::string note = trim(note_text);
    if (utf8_length(note) > kMaxNoteLength)
        v.fail("note", "too_long", "Keep the note to 2000 characters");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return ProgressEntry{*date, *status, std::move(note)};
}

Result<FeedbackEntry> validate_feedback(std::string_view rating_text,
                                        std::string_view comments_text) {
    Validator v;
    auto rating = parse_int(trim(rating_text));
    if (!rating || *rating < kLowestRating || *rating > kHighestRating)
        v.fail("rating", "invalid", "Choose a rating from 1 to 5");
    std::string comments = trim(comments_text);
    if (utf8_length(comments) > kMaxFeedbackLength)
        v.fail("comments", "too_long", "Keep comments to 5000 characters");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return FeedbackEntry{static_cast<int>(*rating), std::move(comments)};
}

}  // namespace sendhub
