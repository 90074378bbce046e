#pragma once
// One pooled connection to PostgreSQL (libpq), as the engine in postgres_database.cpp uses it.
// Round trips, not the server's work, bound a request, so a connection pipelines: a write's
// BEGIN goes with its first statement, and a read's statements go in one pipeline with a
// prepared BEGIN and a COMMIT that travels with the connection's next use.
#include <libpq-fe.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"
#include "store/transparent_hash.hpp"

namespace sendhub {

//! A serialization failure (40001) or deadlock (40P01): the transaction may simply be run again.
struct RetryableConflict : DatabaseError {
    using DatabaseError::DatabaseError;
};

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class PgConnection final : public SqlConnection {
  public:
    explicit PgConnection(const std::string& url);
    ~PgConnection() override { PQfinish(conn_); }
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    //! Fit to go back in the pool: connected, and outside any transaction, or with only a
    //! read's COMMIT waiting to go.
    [[nodiscard]] bool reusable() const;

    //! Sends a read's queued COMMIT on its own, so an idle connection holds no transaction open
    //! for long; its reply is read, as before, at the connection's next use.
    void send_queued_commit() noexcept;
    //! The last read's COMMIT is still queued: unsent when the read has just ended.
    [[nodiscard]] bool commit_queued() const { return commit_queued_; }

    //! Starts a transaction with `begin` in the same round trip as the next statement (none
    //! is sent if no statement follows). Round trips, not the server's work, bound a read.
    void begin_with_next_statement(std::string_view begin);

    //! Starts a read. Its statements go in one pipeline that is never synced: a prepared
    //! BEGIN travels with the first of them, each reply is asked for with a flush, and the
    //! prepared COMMIT at the end waits in libpq's buffer to travel with the connection's next
    //! statements (or the pool's next tick, when the connection sits idle). So a read costs
    //! the server one wake-up, not three.
    void begin_read() { reading_ = true; }

    //! Ends a read by queueing its COMMIT, unsent (see begin_read). A read-only transaction
    //! has nothing to make durable, so nothing waits for the COMMIT's reply.
    void end_read();

    SqlRows query(std::string_view sql, std::span<const SqlValue> params) override;

    void query_to_confirm(std::string_view sql, std::span<const SqlValue> params,
                          const std::function<void(SqlRows)>& confirm) override;

    void confirm_now() override;

    std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override;

    void execute_script(std::string_view sql) override;

    //! Ends a failed transaction; the connection is dropped if even that fails.
    void rollback_quietly() noexcept;

  private:
    void check(const PGresult* r, std::string_view what);

    PgResult run(std::string_view sql, std::span<const SqlValue> params);

    //! Sends a read's statement into its pipeline, after the read's BEGIN if this is its
    //! first statement.
    void send_in_read(std::string_view sql, std::span<const SqlValue> params);

    //! Sends BEGIN or COMMIT into the pipeline; its reply is read, in order, with the next.
    void send_control(std::string_view sql);

    //! Sends a statement into the pipeline, preparing it there first when it is new to this
    //! connection; that reply is read, in order, before the statement's own.
    void send_prepared(std::string_view sql, std::span<const SqlValue> params);

    //! Asks the server for the replies so far without a sync, which would end the pipeline.
    void ask_for_replies(std::string_view what);

    //! The next statement's reply in a pipeline, and the null that ends it.
    PgResult next_reply(std::string_view what);

    //! Reads the replies to the queued preparations, BEGIN and COMMIT, and confirmation, in
    //! the order they were sent, and runs the confirmation, which may throw.
    void take_queued_replies();

    //! Sends the pending BEGIN into the open pipeline; its reply is read with the batch.
    void send_pending_begin(std::string_view sql);

    //! Takes a batch's replies to a pipelined BEGIN and a confirmation's statement, from
    //! `next` on, and runs the confirmation, which may throw.
    void take_pipelined_heads(std::vector<PgResult>& results, std::size_t& next);

    //! Reads one pipelined batch's results up to its sync point and leaves pipeline mode.
    std::vector<PgResult> read_batch();

    //! Ends the pipeline a read left (its COMMIT queued, or a failure), before the connection
    //! runs a write. What the pipeline still owes is read and dropped: a read-only COMMIT
    //! cannot fail, and a broken connection fails reusable().
    void settle() noexcept;

    void start_pending_transaction();

    // Statements are prepared once per connection and reused (SQL text is the key), as on SQLite.
    const std::string& prepared(std::string_view sql);

    //! What a reply read later is for: a statement prepared in the pipeline, a BEGIN or
    //! COMMIT that need only succeed, or a confirmation's rows.
    enum class Reply { prepares, checked, confirms };
    struct Confirmation {
        std::string sql;
        std::function<void(SqlRows)> confirm;
        Reply reply = Reply::confirms;
    };
    PGconn* conn_;
    std::string pending_begin_;
    std::string begin_in_pipeline_;  // sent in the open pipeline, its reply not yet read
    std::optional<Confirmation> awaiting_confirmation_;
    bool reading_ = false;
    bool read_pipeline_ = false;        // reads have this pipeline open (writes use their own)
    bool in_read_transaction_ = false;  // the read's BEGIN has gone into the pipeline
    bool commit_queued_ = false;        // idle, with the last read's COMMIT still to answer
    //! Sent but not yet answered: preparations, a read's BEGIN and COMMIT, and the session
    //! confirmation.
    std::vector<Confirmation> queued_;
    std::size_t statements_named_ = 0;
    std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> statements_;
};

}  // namespace sendhub
