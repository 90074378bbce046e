#include "store/postgres_connection.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "store/postgres_database.hpp"  // postgres_placeholders

namespace sendhub {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat: the result columns we turn into numbers.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kOidOid = 26;
constexpr Oid kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view what) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string_view code = state ? state : "";
    std::string message =
        fmt::format("{}: {}", what, result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    if (code == "23505") throw UniqueViolation(message);
    if (code == "40001" || code == "40P01") throw RetryableConflict(message);
    throw DatabaseError(message);
}

std::string text_of(const SqlValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
                return {};
            else if constexpr (std::is_same_v<T, std::string>)
                return v;
            else
                return fmt::format("{}", v);  // shortest text that reads back as the same number
        },
        value);
}

template <class Number>
Number parse_number(const char* text, int length) {
    Number n{};
    std::from_chars(text, text + length, n);
    return n;
}

SqlValue column_value(const PGresult* r, int row, int column) {
    if (PQgetisnull(r, row, column)) return nullptr;
    const char* text = PQgetvalue(r, row, column);
    int length = PQgetlength(r, row, column);
    switch (PQftype(r, column)) {
        case kBoolOid:
            return std::int64_t{text[0] == 't' ? 1 : 0};
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid:
            return parse_number<std::int64_t>(text, length);
        case kFloat4Oid:
        case kFloat8Oid:
            return parse_number<double>(text, length);
        case kNumericOid:  // sum() of a bigint column is numeric: keep whole numbers whole
            if (std::string_view(text, static_cast<std::size_t>(length)).find_first_of(".eE") ==
                std::string_view::npos)
                return parse_number<std::int64_t>(text, length);
            return parse_number<double>(text, length);
        default:
            return std::string(text, static_cast<std::size_t>(length));
    }
}

SqlRows rows_of(const PGresult* r) {
    int rows = PQntuples(r), columns = PQnfields(r);
    SqlRows out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        std::vector<SqlValue> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int k = 0; k < columns; ++k) values.push_back(column_value(r, i, k));
        out.emplace_back(std::move(values));
    }
    return out;
}

//! Statement parameters as libpq takes them: text, or a null pointer for NULL. The
//! server infers each parameter's type from where it is used.
class ParameterTexts {
  public:
    explicit ParameterTexts(std::span<const SqlValue> params)
        : texts_(params.size()), values_(params.size(), nullptr) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (std::holds_alternative<std::nullptr_t>(params[i])) continue;
            texts_[i] = text_of(params[i]);
            values_[i] = texts_[i].c_str();
        }
    }
    [[nodiscard]] int count() const { return static_cast<int>(values_.size()); }
    [[nodiscard]] const char* const* values() const { return values_.data(); }

  private:
    std::vector<std::string> texts_;
    std::vector<const char*> values_;
};

}  // namespace

PgConnection::PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn_);
        PQfinish(conn_);
        throw DatabaseError("cannot connect to PostgreSQL: " + message);
    }
    // Notices ("relation already exists, skipping") are not errors; keep them off stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    // A read's BEGIN is prepared once and sent without options (see begin_read), so what
    // a read needs is this connection's default: one snapshot for all its statements, and
    // no writing. Writes say READ WRITE in their BEGIN.
    PgResult r{PQexec(conn_,
                      "SET default_transaction_isolation TO 'repeatable read'; "
                      "SET default_transaction_read_only TO on")};
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
        std::string message = PQerrorMessage(conn_);
        PQfinish(conn_);
        throw DatabaseError("cannot set up a PostgreSQL connection: " + message);
    }
}

bool PgConnection::reusable() const {
    if (PQstatus(conn_) != CONNECTION_OK || reading_) return false;
    if (commit_queued_) return true;
    return queued_.empty() && PQtransactionStatus(conn_) == PQTRANS_IDLE &&
           PQpipelineStatus(conn_) == PQ_PIPELINE_OFF;
}

void PgConnection::send_queued_commit() noexcept {
    if (commit_queued_) PQflush(conn_);  // nothing to send costs no system call
}

void PgConnection::begin_with_next_statement(std::string_view begin) {
    settle();
    pending_begin_ = begin;
}

void PgConnection::end_read() {
    confirm_now();
    reading_ = false;
    if (!in_read_transaction_) return;  // no statement ran
    in_read_transaction_ = false;
    send_control("COMMIT");
    commit_queued_ = true;
}

SqlRows PgConnection::query(std::string_view sql, std::span<const SqlValue> params) {
    return rows_of(run(sql, params).get());
}

void PgConnection::query_to_confirm(std::string_view sql, std::span<const SqlValue> params,
                                    const std::function<void(SqlRows)>& confirm) {
    confirm_now();
    if (reading_) {  // its reply is asked for with the next statement's, or at the end
        send_in_read(sql, params);
        queued_.push_back({std::string(sql), confirm, Reply::confirms});
        return;
    }
    const std::string& name = prepared(sql);  // outside the pipeline: only the first time
    ParameterTexts texts(params);
    if (PQenterPipelineMode(conn_) != 1) fail(conn_, nullptr, sql);
    send_pending_begin(sql);
    if (PQsendQueryPrepared(conn_, name.c_str(), texts.count(), texts.values(), nullptr, nullptr,
                            0) != 1)
        fail(conn_, nullptr, sql);
    // No sync yet: the next statement, or the end of the transaction, sends it.
    awaiting_confirmation_ = Confirmation{std::string(sql), confirm};
}

void PgConnection::confirm_now() {
    if (reading_) {
        if (std::ranges::none_of(queued_, [](const Confirmation& queued) {
                return queued.reply == Reply::confirms;
            }))
            return;
        ask_for_replies("a confirmation");
        take_queued_replies();
        return;
    }
    if (!awaiting_confirmation_) return;
    if (PQpipelineSync(conn_) != 1) fail(conn_, nullptr, awaiting_confirmation_->sql);
    auto results = read_batch();
    std::size_t next = 0;
    take_pipelined_heads(results, next);
}

std::int64_t PgConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
    PgResult r = run(sql, params);
    const char* changed = PQcmdTuples(r.get());
    return *changed ? parse_number<std::int64_t>(changed, static_cast<int>(std::strlen(changed)))
                    : 0;
}

void PgConnection::execute_script(std::string_view sql) {
    if (reading_) throw DatabaseError("a script cannot run inside a read");
    confirm_now();
    start_pending_transaction();
    PgResult r{PQexec(conn_, std::string(sql).c_str())};
    check(r.get(), "script");
}

void PgConnection::rollback_quietly() noexcept {
    if (std::exchange(reading_, false)) {
        in_read_transaction_ = false;
        settle();  // drops what the pipeline still owes, then ends the read if it is open
        if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PgResult r{PQexec(conn_, "ROLLBACK")};
        return;
    }
    if (awaiting_confirmation_) {  // its replies are read and dropped: nothing is confirmed
        awaiting_confirmation_.reset();
        begin_in_pipeline_.clear();
        if (PQpipelineSync(conn_) == 1) read_batch();
    }
    if (!pending_begin_.empty()) {
        pending_begin_ = {};
        return;
    }
    PgResult r{PQexec(conn_, "ROLLBACK")};
}

void PgConnection::check(const PGresult* r, std::string_view what) {
    auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, r, what);
}

PgResult PgConnection::run(std::string_view sql, std::span<const SqlValue> params) {
    if (reading_) {
        send_in_read(sql, params);
        ask_for_replies(sql);
        take_queued_replies();
        PgResult r = next_reply(sql);
        check(r.get(), sql);
        return r;
    }
    // A statement is prepared outside a pipeline, so a new one waits for the confirmation
    // (once per connection and statement).
    if (awaiting_confirmation_ && !statements_.contains(sql)) confirm_now();
    const std::string& name = prepared(sql);
    ParameterTexts texts(params);
    if (!awaiting_confirmation_ && pending_begin_.empty()) {
        PgResult r{PQexecPrepared(conn_, name.c_str(), texts.count(), texts.values(), nullptr,
                                  nullptr, 0)};
        check(r.get(), sql);
        return r;
    }
    // BEGIN, a confirmation's statement and this one travel together (libpq pipeline
    // mode): one round trip.
    if (!awaiting_confirmation_) {
        if (PQenterPipelineMode(conn_) != 1) fail(conn_, nullptr, sql);
        send_pending_begin(sql);
    }
    if (PQsendQueryPrepared(conn_, name.c_str(), texts.count(), texts.values(), nullptr, nullptr,
                            0) != 1 ||
        PQpipelineSync(conn_) != 1)
        fail(conn_, nullptr, sql);
    auto results = read_batch();
    std::size_t next = 0;
    take_pipelined_heads(results, next);
    if (next + 1 != results.size())
        fail(conn_, next < results.size() ? results[next].get() : nullptr, sql);
    check(results[next].get(), sql);
    return std::move(results[next]);
}

void PgConnection::send_in_read(std::string_view sql, std::span<const SqlValue> params) {
    if (!std::exchange(in_read_transaction_, true)) {
        commit_queued_ = false;  // the previous read's COMMIT goes now, ahead of this BEGIN
        send_control("BEGIN");
    }
    send_prepared(sql, params);
}

void PgConnection::send_control(std::string_view sql) {
    send_prepared(sql, {});
    queued_.push_back({std::string(sql), nullptr, Reply::checked});
}

void PgConnection::send_prepared(std::string_view sql, std::span<const SqlValue> params) {
    if (PQpipelineStatus(conn_) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn_) != 1)
        fail(conn_, nullptr, sql);
    read_pipeline_ = true;
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        std::string name = "s" + std::to_string(++statements_named_);
        if (PQsendPrepare(conn_, name.c_str(), postgres_placeholders(sql).c_str(), 0, nullptr) != 1)
            fail(conn_, nullptr, sql);
        found = statements_.emplace(std::string(sql), std::move(name)).first;
        queued_.push_back({std::string(sql), nullptr, Reply::prepares});
    }
    ParameterTexts texts(params);
    if (PQsendQueryPrepared(conn_, found->second.c_str(), texts.count(), texts.values(), nullptr,
                            nullptr, 0) != 1)
        fail(conn_, nullptr, sql);
}

void PgConnection::ask_for_replies(std::string_view what) {
    if (PQsendFlushRequest(conn_) != 1 || PQflush(conn_) != 0) fail(conn_, nullptr, what);
}

PgResult PgConnection::next_reply(std::string_view what) {
    PgResult r{PQgetResult(conn_)};
    if (!r) fail(conn_, nullptr, what);
    while (PGresult* more = PQgetResult(conn_)) PQclear(more);
    return r;
}

void PgConnection::take_queued_replies() {
    auto queued = std::exchange(queued_, {});
    for (std::size_t i = 0; i < queued.size(); ++i) {
        PgResult r = next_reply(queued[i].sql);
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK &&
            PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
            queued_.assign(queued.begin() + static_cast<std::ptrdiff_t>(i), queued.end());
            fail(conn_, r.get(), queued[i].sql);
        }
        if (queued[i].reply != Reply::confirms) continue;
        try {
            queued[i].confirm(rows_of(r.get()));
        } catch (...) {  // the rest stay queued, so a rollback knows what went unanswered
            queued_.assign(queued.begin() + static_cast<std::ptrdiff_t>(i) + 1, queued.end());
            throw;
        }
    }
}

void PgConnection::send_pending_begin(std::string_view sql) {
    if (pending_begin_.empty()) return;
    begin_in_pipeline_ = std::exchange(pending_begin_, {});
    if (PQsendQueryParams(conn_, begin_in_pipeline_.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                          0) != 1)
        fail(conn_, nullptr, sql);
}

void PgConnection::take_pipelined_heads(std::vector<PgResult>& results, std::size_t& next) {
    auto reply = [&](std::string_view what) -> PGresult* {
        if (next >= results.size())
            fail(conn_, results.empty() ? nullptr : results.back().get(), what);
        PGresult* r = results[next++].get();
        check(r, what);
        return r;
    };
    if (!begin_in_pipeline_.empty()) reply(std::exchange(begin_in_pipeline_, {}));
    if (!awaiting_confirmation_) return;
    Confirmation confirmation = std::move(*awaiting_confirmation_);
    awaiting_confirmation_.reset();
    confirmation.confirm(rows_of(reply(confirmation.sql)));
}

std::vector<PgResult> PgConnection::read_batch() {
    std::vector<PgResult> results;
    // Each statement's results end with one null; two in a row mean the connection failed.
    for (int nulls = 0; nulls < 2;) {
        PGresult* r = PQgetResult(conn_);
        if (!r) {
            ++nulls;
            continue;
        }
        nulls = 0;
        if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            break;
        }
        results.emplace_back(r);
    }
    PQexitPipelineMode(conn_);
    return results;
}

void PgConnection::settle() noexcept {
    commit_queued_ = false;
    if (!std::exchange(read_pipeline_, false)) return;
    // Statements prepared in the pipeline but not answered may not exist on the server;
    // preparing them again next time is safe (names are never reused).
    for (const auto& queued : queued_)
        if (queued.reply == Reply::prepares) statements_.erase(queued.sql);
    queued_.clear();
    if (PQpipelineSync(conn_) == 1)
        read_batch();
    else
        PQexitPipelineMode(conn_);
}

void PgConnection::start_pending_transaction() {
    if (pending_begin_.empty()) return;
    PgResult r{PQexec(conn_, std::exchange(pending_begin_, {}).c_str())};
    check(r.get(), "BEGIN");
}

const std::string& PgConnection::prepared(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    std::string name = "s" + std::to_string(++statements_named_);
    PgResult r{PQprepare(conn_, name.c_str(), postgres_placeholders(sql).c_str(), 0, nullptr)};
    check(r.get(), sql);
    return statements_.emplace(std::string(sql), std::move(name)).first->second;
}

}  // namespace sendhub
