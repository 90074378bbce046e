#include "app/mailer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/dates.hpp"

namespace sendhub {
namespace {

struct Upload {
    std::string data;
    std::size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* target) {
    auto* upload = static_cast<Upload*>(target);
    size_t n = std::min(size * count, upload->data.size() - upload->offset);
    std::copy_n(upload->data.data() + upload->offset, n, buffer);  // bytes, not a C string
    upload->offset += n;
    return n;
}

// Header values must not carry line breaks (header injection, RFC 5322 §2.2).
std::string header_safe(std::string value) {
    for (char& c : value) {
        if (c == '\r' || c == '\n') c = ' ';
    }
    return value;
}

}  // namespace

void Mailer::start(std::chrono::milliseconds interval) {
    thread_ = std::jthread([this, interval](const std::stop_token& stop) {
        // Asleep between rounds, and woken at once when the server stops: no polling.
        std::mutex mutex;
        std::condition_variable_any stopping;
        std::unique_lock lock(mutex);
        do {
            try {
                deliver_due();
            } catch (const std::exception& e) {
                std::fprintf(stderr, "sendhub: mailer: %s\n", e.what());
            }
        } while (!stopping.wait_for(lock, stop, interval, [&] { return stop.stop_requested(); }));
    });
}

void Mailer::stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
}

int Mailer::deliver_due() {
    // Batches until nothing is due, so a password-reset link never waits behind a backlog
    // for more than one pass; a batch that fails entirely ends the pass (retried later).
    constexpr int kBatch = 20;
    int sent = 0;
    for (;;) {
        auto due = services_.outbox.claim_due(kBatch, 120);
        int sent_now = 0;
        for (const auto& n : due) {
            auto delivered = deliver(n);
            if (delivered) {
                services_.outbox.mark_sent(n.id);
                ++sent_now;
            } else {
                services_.outbox.mark_failed(n.id, n.attempts + 1, delivered.error().message);
            }
        }
        sent += sent_now;
        if (static_cast<int>(due.size()) < kBatch || sent_now == 0) return sent;
    }
}

std::string Mailer::message(const Notification& n) const {
    const auto& config = services_.config;
    return "From: " + header_safe(config.trust_name) + " <" + header_safe(config.mail_from) +
           ">\r\n" + "To: " + header_safe(n.recipient) + "\r\n" +
           "Subject: " + header_safe(n.subject) + "\r\n" +
           "Date: " + format_rfc5322(services_.clock().now()) + "\r\n" +
           "Message-ID: <notification-" + std::to_string(n.id.value) + "@sendhub>\r\n" +
           "MIME-Version: 1.0\r\nContent-Type: text/plain; "
           "charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           n.body + "\r\n\r\n-- \r\n" + config.trust_name + " · sendhub\r\n";
}

Result<void> Mailer::deliver(const Notification& n) {
    const auto& config = services_.config;
    if (config.smtp_url.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config.mail_dir, ec);
        auto path = std::filesystem::path(config.mail_dir) /
                    (std::to_string(n.id.value) + "-" + n.kind + ".eml");
        auto temporary = path;
        temporary += ".tmp";
        {
            std::ofstream out(temporary, std::ios::binary);
            out << message(n);
            if (!out)
                return std::unexpected(
                    Error::conflict("mail_dir", "cannot write " + temporary.string()));
        }
        std::filesystem::rename(temporary, path, ec);  // appears whole or not at all
        if (ec) return std::unexpected(Error::conflict("mail_dir", ec.message()));
        return {};
    }
    CURL* curl = curl_easy_init();
    Upload upload{message(n), 0};
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + n.recipient + ">").c_str());
    std::string from = "<" + config.mail_from + ">";
    curl_easy_setopt(curl, CURLOPT_URL, config.smtp_url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) return std::unexpected(Error::conflict("smtp", curl_easy_strerror(rc)));
    return {};
}

}  // namespace sendhub
