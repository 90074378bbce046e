#pragma once
// Everything a request handler may use, wired once at start-up by src/app.
#include <memory>

#include "service/address_limiter.hpp"
#include "service/config.hpp"
#include "store/agreement_store.hpp"
#include "store/concern_store.hpp"
#include "store/database.hpp"
#include "store/document_store.hpp"
#include "store/enquiry_store.hpp"
#include "store/event_store.hpp"
#include "store/feedback_store.hpp"
#include "store/idempotency_store.hpp"
#include "store/inbox_store.hpp"
#include "store/invoice_store.hpp"
#include "store/login_throttle.hpp"
#include "store/mfa_store.hpp"
#include "store/outbox_store.hpp"
#include "store/partnership_store.hpp"
#include "store/password_reset_store.hpp"
#include "store/planning_store.hpp"
#include "store/practitioner_store.hpp"
#include "store/request_store.hpp"
#include "store/retention_store.hpp"
#include "store/school_account_store.hpp"
#include "store/school_days_store.hpp"
#include "store/school_store.hpp"
#include "store/session_store.hpp"
#include "store/subject_access_store.hpp"
#include "store/tariff_store.hpp"
#include "store/trust_settings_store.hpp"
#include "store/user_store.hpp"

namespace sendhub {

class Templates;
namespace http {
class StaticFiles;
}

struct Services {
    Config config;
    std::unique_ptr<Database> database;
    UserStore users;
    SessionStore sessions;
    SchoolStore schools;
    PractitionerStore practitioners;
    LoginThrottle throttle;
    PasswordResetStore password_resets;
    IdempotencyStore idempotency;
    RequestStore requests;
    AgreementStore agreements;
    FeedbackStore feedback;
    OutboxStore outbox;
    InboxStore inbox;
    TariffStore tariffs;
    InvoiceStore invoices;
    DocumentStore documents;
    TrustSettingsStore trust_settings;
    PlanningStore planning;
    SchoolDaysStore school_days;
    PartnershipStore partnerships;
    EnquiryStore enquiries;
    SchoolAccountStore school_accounts;
    ConcernStore concerns;
    MfaStore mfa;
    SubjectAccessStore subject_access;
    RetentionStore retention;
    EventStore events;
    AddressLimiter sign_in_addresses;

    //! The one clock of this process: the database's, which stamps its writes.
    [[nodiscard]] const Clock& clock() const { return database->clock(); }

    Services(Config c, std::unique_ptr<Database> db)
        : config(std::move(c)),
          database(std::move(db)),
          users(*database),
          sessions(*database,
                   SessionTimeouts{.idle = std::chrono::seconds{config.session_idle_seconds}}),
          schools(*database),
          practitioners(*database),
          throttle(*database),
          password_resets(*database),
          idempotency(*database),
          requests(*database),
          agreements(*database),
          feedback(*database),
          outbox(*database),
          inbox(*database),
          tariffs(*database),
          invoices(*database),
          documents(*database),
          trust_settings(*database),
          planning(*database),
          school_days(*database),
          partnerships(*database),
          enquiries(*database),
          school_accounts(*database),
          concerns(*database),
          mfa(*database),
          subject_access(*database),
          retention(*database),
          events(*database),
          sign_in_addresses(config.sign_ins_per_address) {}
};

}  // namespace sendhub
