#pragma once
// Settings of one sendhub process, from flags and SENDHUB_* environment variables.
#include <cstdint>
#include <string>

#include "core/matching.hpp"
#include "core/rate_limit.hpp"

namespace sendhub {

struct Config {
    std::string database_url = "sqlite:data/sendhub.db";
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string static_dir = "build/static";
    std::string trust_name = "Special Partnership Trust";
    //! Set when a TLS proxy fronts sendhub: cookies become Secure and the session cookie __Host-.
    bool behind_tls = false;
    //! Request-handling and network threads; 0 takes the default for the cores and the
    //! engine (core/thread_plan.hpp).
    std::size_t worker_threads = 0;
    std::size_t io_threads = 0;
    //! Request bodies over this get 413 (api-contract.md: 1 MiB).
    std::size_t max_body_bytes = 1 << 20;
    //! Sessions end after this long without a request (OWASP: 15 to 30 minutes for sensitive data).
    int session_idle_seconds = 30 * 60;
    //! Road miles per straight-line mile (Ballou et al. 2002 detour index: about 1.4 in England).
    double circuity_factor = 1.4;
    //! May a practitioner of a higher grade than the level asked for be assigned?
    bool higher_grade_may_cover = false;
    //! How candidates are scored (docs/matching.md).
    MatchWeights match_weights;
    //! The term planner's price of unfairness: pence per half day above a fair share
    //! (docs/matching.md).
    std::int64_t plan_overload_penalty_pence = 1000;
    //! Where email goes: an SMTP URL (smtp://host:25) or, when empty, .eml files in mail_dir.
    std::string smtp_url;
    std::string mail_from = "sendhub@localhost";
    std::string mail_dir = "data/mail";
    //! The address people open sendhub at, for links in email (a password reset).
    std::string public_url = "http://127.0.0.1:8080";
    //! Sign-ins one client address may make: a burst of this many, then this many a minute.
    //! A school's staff share one address, so it is far above what people do and far below a flood.
    RateLimit sign_ins_per_address{.capacity = 30, .per_minute = 30};
    //! Threads that check passwords (argon2id), apart from the workers that serve everything else.
    std::size_t sign_in_threads = 1;
    //! Log each request (method, route, status, time; never queries or bodies).
    bool access_log = true;
};

}  // namespace sendhub
