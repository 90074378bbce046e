#include "store/document_store.hpp"

#include <stdexcept>

namespace sendhub {
namespace {

constexpr std::string_view kFind =
    "SELECT content FROM issued_documents WHERE kind = ? AND record_id = ?";
constexpr std::string_view kKeep =
    "INSERT INTO issued_documents (kind, record_id, content, created_at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (kind, record_id) DO NOTHING";

// Hex keeps any bytes in a TEXT column on both engines (PostgreSQL text refuses NUL).
std::string to_hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

std::string from_hex(std::string_view hex) {
    auto nibble = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        throw std::runtime_error("issued_documents.content is not hex");
    };
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>((nibble(hex[i]) << 4) | nibble(hex[i + 1]));
    return out;
}

}  // namespace

std::string DocumentStore::issued(std::string_view kind, std::int64_t record_id,
                                  const std::function<std::string()>& render) {
    auto kept = db_.read([&](SqlConnection& c) { return c.query_one(kFind, kind, record_id); });
    if (kept) return from_hex(kept->text(0));
    const std::string made = render();
    return db_.write([&](SqlConnection& c) {
        c.execute_with(kKeep, kind, record_id, to_hex(made), c.now_seconds());
        return from_hex(c.query_one(kFind, kind, record_id)->text(0));
    });
}

}  // namespace sendhub
