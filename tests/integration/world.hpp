#pragma once
// Shared fixtures for the integration tests: two schools, one user per role, signed in.
#include "harness.hpp"

namespace sendhub::testing {

inline constexpr int kOwnSchool = 123641;
inline constexpr int kOtherSchool = 100001;

struct World {
    Client admin{server().base_url()};
    Client coordinator{server().base_url()};
    Client senco{server().base_url()};
    Client finance{server().base_url()};
    Client practitioner{server().base_url()};
    Client headteacher{server().base_url()};   // of kOwnSchool
    Client school_staff{server().base_url()};  // of kOwnSchool
    Client partnerships{server().base_url()};
    int practitioner_id = 0;
};

//! Built once: the admin (added by CLI) creates the rest through the API.
World& world();

//! Today in Europe/London plus `offset` days, as YYYY-MM-DD.
[[nodiscard]] std::string day(int offset);
//! The school day of kOwnSchool nearest to today + `offset`, looking back from a day in the
//! past and forward from today or a day ahead (as the server answers /api/v1/school-days).
[[nodiscard]] std::string school_day(int offset);
[[nodiscard]] nlohmann::json pupil(const char* ref, const char* route = "sen_support",
                                   const char* need = "ASD");
//! The answer is the JSON error with this status and code (and field, unless nullptr).
void expect_error(const HttpResponse& r, long status, const char* code, const char* field);
//! A cookie-signed-in browser for the same session as an API client.
[[nodiscard]] Client browser_for(const Client& api_client);
//! The digits right after the first `marker` at or after `from` ("" when absent).
[[nodiscard]] std::string number_after(const std::string& text, const std::string& marker,
                                       std::size_t from = 0);
//! The text of every email of `kind` ("invitation", "enquiry_received"…) sent to `email`, oldest
//! first, waiting up to 30 s (the mailer writes them shortly after) until there are `at_least`.
[[nodiscard]] std::vector<std::string> emails_to(const std::string& email, const std::string& kind,
                                                 std::size_t at_least = 1);
//! The token after `marker` ("token=") in an email: up to the end of the line.
[[nodiscard]] std::string token_after(const std::string& text, const std::string& marker);
//! A valid request for one child at kOwnSchool, at teacher level.
[[nodiscard]] nlohmann::json individual(int preferred_in_days = 10);

struct Delivered {
    int agreement_id = 0;
    std::vector<int> visit_ids;
};
//! A request submitted with `body`, accepted at teacher level and assigned to the world's
//! practitioner; returns its API path ("/api/v1/requests/12").
std::string assigned_request(World& w, const nlohmann::json& body);
//! A teacher-level agreement for kOwnSchool drawn up and waiting for the SENCO to accept,
//! with `sessions` one-day sessions from today + `first_day_offset`; returns its id.
int draft_agreement(World& w, int sessions, int first_day_offset, double report_writing_days = 0);
//! A teacher-level agreement for kOwnSchool, accepted by the SENCO, with `sessions` one-day
//! sessions from today + `first_day_offset`; returns its id.
int agree(World& w, int sessions, int first_day_offset, double report_writing_days = 0);
//! A teacher-level agreement for kOwnSchool with visits delivered on the given past days,
//! each reported with `miles`.
Delivered deliver(World& w, const std::vector<int>& day_offsets, double miles,
                  double report_writing_days = 0);
//! The text of a PDF as pdftotext reads it (the file is kept as `name` in the server's folder).
[[nodiscard]] std::string pdf_text(const std::string& pdf, const std::string& name);
//! Every invoice, as finance sees it through the API.
[[nodiscard]] nlohmann::json all_invoices(Client& c);
//! Invoice lines charging `visit_id`, across every invoice.
[[nodiscard]] std::vector<nlohmann::json> lines_for_visit(const nlohmann::json& invoices,
                                                          int visit_id);

}  // namespace sendhub::testing
