#pragma once
// The input rules of the smaller outreach forms and their JSON bodies: a triage decision, a
// cancellation, a planned visit, progress towards an outcome, and a school's feedback. Each
// turns raw text into typed values or the field errors to show beside the fields. The
// request itself is checked by validate_request (core/outreach.hpp), an agreement by
// validate_agreement and a visit report by validate_report (core/agreement.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/agreement.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/needs.hpp"
#include "core/outreach.hpp"

namespace sendhub {

//! Triage notes, a cancellation reason and a progress note: a paragraph or two.
inline constexpr std::size_t kMaxNoteLength = 2000;
inline constexpr std::size_t kMaxFeedbackLength = 5000;
inline constexpr int kLowestRating = 1;
inline constexpr int kHighestRating = 5;

struct TriageChoice {
    RequestAction action = RequestAction::accept;
    std::optional<Grade> level;  // the expertise confirmed on accepting
    std::string notes;
};
//! Accepting needs the expertise level confirmed; declining and asking for more need a note.
//! `service_level`: for educational psychology and therapy work the service is the level, so
//! accepting it needs no expertise level.
[[nodiscard]] Result<TriageChoice> validate_triage(std::string_view decision,
                                                   std::string_view expertise_level,
                                                   std::string_view notes,
                                                   std::optional<Grade> service_level = {});

//! The reason a request is cancelled, which the other side is told.
[[nodiscard]] Result<std::string> validate_cancellation(std::string_view reason);
//! What the school would like changed in a draft agreement: required, at most 2000 characters.
[[nodiscard]] Result<std::string> validate_change_note(std::string_view note);

struct VisitPlan {
    Date date;
    int half_days = 2;
};
//! A visit is half a day or a day, on a real date.
[[nodiscard]] Result<VisitPlan> validate_visit_plan(std::string_view date, std::string_view days);

struct ProgressEntry {
    Date date;
    ProgressStatus status = ProgressStatus::not_started;
    std::string note;
};
//! Progress is recorded for today or a day gone by, never ahead.
[[nodiscard]] Result<ProgressEntry> validate_progress(std::string_view date,
                                                      std::string_view status,
                                                      std::string_view note, Date today);

struct FeedbackEntry {
    int rating = kHighestRating;
    std::string comments;
};
[[nodiscard]] Result<FeedbackEntry> validate_feedback(std::string_view rating,
                                                      std::string_view comments);

}  // namespace sendhub
