#pragma once
// Delivers the notification outbox: by SMTP (libcurl) when a server is configured, else as
// .eml files under the data directory. A failure is retried with backoff, never dropped.
#include <stop_token>
#include <string>
#include <thread>

#include "core/error.hpp"
#include "service/services.hpp"
#include "store/outbox_store.hpp"

namespace sendhub {

class Mailer {
  public:
    explicit Mailer(Services& services) : services_(services) {}
    ~Mailer() { stop(); }

    //! Starts a background thread that delivers due mail every `interval`.
    void start(std::chrono::milliseconds interval = std::chrono::milliseconds{1000});
    void stop();
    //! Delivers what is due now; returns how many were sent.
    int deliver_due();

  private:
    [[nodiscard]] Result<void> deliver(const Notification& n);
    [[nodiscard]] std::string message(const Notification& n) const;

    Services& services_;
    std::jthread thread_;
};

}  // namespace sendhub
