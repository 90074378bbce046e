#include "app/cli.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "adapter/templates.hpp"
#include "app/arguments.hpp"
#include "app/backup.hpp"
#include "app/demo.hpp"
#include "app/importer.hpp"
#include "app/mailer.hpp"
#include "app/pipeline.hpp"
#include "core/text.hpp"
#include "core/thread_plan.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/account_service.hpp"
#include "service/retention_service.hpp"
#include "service/school_days_service.hpp"
#include "store/database_copy.hpp"
#include "store/migrations.hpp"

namespace sendhub {
namespace {

constexpr const char* kUsage =
    R"(sendhub: SEND outreach, partnerships and insight for a multi-academy trust.

Usage: sendhub COMMAND [options]   (sendhub COMMAND --help for its options)

Commands:
  serve            run the web server and JSON API
  migrate          apply database migrations
  demo             load demo data into an empty database and print the sign-ins
  user add         add a user; the password is read from standard input
  import schools   load the schools register joined to the census
  import postcodes load postcode-district centroids
  import census    load the school census and EHC plans by need for the insight pages
  import bank-holidays  replace bank holidays from GOV.UK's bank-holidays.json
  import term-dates     record local authorities' term dates from a CSV file
  copy             move a whole installation to another database (SQLite to PostgreSQL)
  backup           save the database to a file
  restore          replace the database's contents with a backup
  retention run    anonymise and delete records whose retention period has ended
)";

constexpr const char* kDbHelp =
    "  --db URL          sqlite:PATH or postgresql://… (env SENDHUB_DB; default "
    "sqlite:data/sendhub.db)\n";
constexpr const char* kSharedHelp =
    "  --shared-data DIR the shared/data folder (env SENDHUB_SHARED_DATA; default "
    "../shared/data)\n";

const std::map<std::string, std::string>& help_texts() {
    static const std::map<std::string, std::string> texts{
        {"serve",
         std::string("Usage: sendhub serve [options]\n") + kDbHelp +
             "  --listen HOST:PORT   address to listen on (env SENDHUB_LISTEN; default "
             "127.0.0.1:8080)\n"
             "  --static DIR         compiled front-end assets (env SENDHUB_STATIC; default "
             "build/static)\n"
             "  --trust-name NAME    the trust's name on every page (env SENDHUB_TRUST_NAME)\n"
             "  --behind-tls         a TLS proxy fronts sendhub: Secure, __Host- cookies and HSTS\n"
             "  --workers N          threads for request handling (default: one a core on "
             "SQLite, two a core on PostgreSQL, at least 2 and 4)\n"
             "  --io-threads N       threads for network I/O (default: one for every four "
             "cores)\n"
             "  --sign-in-workers N  threads that check passwords, apart from the workers (default "
             "1)\n"
             "  --sign-ins-per-minute N  sign-ins one client address may make a minute (default "
             "30)\n"
             "  --max-connections N  open connections at once (default: below the open-file "
             "limit)\n"
             "  --session-idle-seconds N  end sessions idle this long (default 1800)\n"
             "  --no-access-log      do not log each request\n"
             "  --strict-templates   fail a page whose view lacks a key its template uses (tests; "
             "env SENDHUB_STRICT_TEMPLATES)\n"
             "  --smtp-url URL       send email by SMTP, like smtp://mail.example.org:25 (env "
             "SENDHUB_SMTP_URL)\n"
             "  --mail-from ADDRESS  sender address (env SENDHUB_MAIL_FROM)\n"
             "  --mail-dir DIR       without SMTP, write .eml files here (default: mail/ beside an "
             "SQLite database, else data/mail)\n"
             "  --public-url URL     where people open sendhub, for links in email (env "
             "SENDHUB_PUBLIC_URL; default: the listening address)\n"},
        {"migrate", std::string("Usage: sendhub migrate [options]\n") + kDbHelp},
        {"demo", std::string("Usage: sendhub demo [options]\n") + kDbHelp + kSharedHelp +
                     "  --check           exit 0 if demo data (any user) is present, 1 if not; "
                     "change nothing\n"},
        {"user add",
         std::string("Usage: sendhub user add --email E --name N --role ROLE [--school URN] "
                     "[--practitioner ID] [options] < password\n") +
             kDbHelp +
             "  Roles: admin, coordinator, practitioner, senco, finance. Passwords: 12+ "
             "characters.\n"},
        {"import schools",
         std::string("Usage: sendhub import schools [options]\n") + kDbHelp + kSharedHelp +
             "  --la CODES        comma-separated LA codes to keep (default: all of England)\n"
             "  --south-west      keep the eleven South West local authorities\n"},
        {"import census",
         std::string("Usage: sendhub import census [options]\n") + kDbHelp + kSharedHelp},
        {"import postcodes",
         std::string("Usage: sendhub import postcodes [options]\n") + kDbHelp + kSharedHelp},
        {"import bank-holidays",
         std::string("Usage: sendhub import bank-holidays --file F [options]\n") + kDbHelp +
             "  --file F          GOV.UK's bank-holidays.json "
             "(https://www.gov.uk/bank-holidays.json);\n"
             "                    its england-and-wales dates replace those sendhub has\n"},
        {"import term-dates",
         std::string("Usage: sendhub import term-dates --file F [options]\n") + kDbHelp +
             "  --file F          CSV, one row per term: la_code, academic_year, starts_on,\n"
             "                    ends_on, half_term_starts_on, half_term_ends_on and closures\n"
             "                    (INSET days, separated by spaces or semicolons); each\n"
             "                    authority's year replaces what was recorded, all or none\n"},
        {"copy",
         "Usage: sendhub copy --from URL --to URL\n"
         "  Copies every table into a new, empty database (migrated first), then checks row\n"
         "  counts and checksums table by table. Stop the servers on --from first.\n"
         "  --from URL        the installation now, like sqlite:data/sendhub.db\n"
         "  --to URL          the new database, like postgresql://sendhub@db/sendhub\n"},
        {"backup",
         std::string("Usage: sendhub backup --to FILE [options]\n") + kDbHelp +
             "  --to FILE         where to write: an SQLite file, or pg_dump's custom format\n"
             "  Safe while the server runs. Prints each table's rows and checksum.\n"},
        {"retention run",
         std::string("Usage: sendhub retention run [--as-of DATE] [--dry-run] [options]\n") +
             kDbHelp +
             "  --as-of DATE      the day to apply the schedule on, YYYY-MM-DD (default today)\n"
             "  --dry-run         print what is due and change nothing\n"
             "  Safe while the server runs; running it again changes nothing more. Each change\n"
             "  is audited.\n"},
        {"restore",
         std::string("Usage: sendhub restore --from FILE [options]\n") + kDbHelp +
             "  --from FILE       a file written by sendhub backup for the same engine\n"
             "  Replaces everything in the database: stop the servers first. Prints each\n"
             "  table's rows and checksum, to compare with the backup's.\n"},
    };
    return texts;
}

int usage_error(const std::string& command, const std::string& message) {
    std::fprintf(stderr, "sendhub %s: %s\n\n%s", command.c_str(), message.c_str(),
                 help_texts().at(command).c_str());
    return 2;
}

std::unique_ptr<Services> open_services(const Arguments& args, Config config = {}) {
    config.database_url = args.get("db", "SENDHUB_DB", config.database_url);
    return std::make_unique<Services>(config, open_database(config.database_url));
}

std::filesystem::path shared_data(const Arguments& args) {
    return args.get("shared-data", "SENDHUB_SHARED_DATA", "../shared/data");
}

int report_error(const Error& e) {
    std::fprintf(stderr, "sendhub: %s%s%s\n", e.field.empty() ? "" : (e.field + ": ").c_str(),
                 e.message.c_str(), "");
    return 1;
}

void print_fingerprints(const std::vector<TableFingerprint>& tables) {
    std::printf("%-24s %10s  %s\n", "table", "rows", "checksum (SHA-256)");
    for (const auto& t : tables)
        std::printf("%-24s %10lld  %s\n", t.table.c_str(), static_cast<long long>(t.rows),
                    t.checksum.c_str());
}

int cmd_copy(const Arguments& args) {
    auto from_url = args.get("from"), to_url = args.get("to");
    if (!from_url || !to_url) return usage_error("copy", "--from and --to are both needed");
    if (*from_url == *to_url) return usage_error("copy", "--from and --to name the same database");
    auto from = open_database(*from_url);
    auto to = open_database(*to_url);
    migrate(*to);
    auto copied = copy_database(*from, *to);
    if (!copied) return report_error(copied.error());
    print_fingerprints(*copied);
    std::printf("copy: every table matches (%s to %s)\n", std::string(from->engine()).c_str(),
                std::string(to->engine()).c_str());
    return 0;
}

int cmd_backup_or_restore(const Arguments& args, const std::string& command) {
    std::string url = args.get("db", "SENDHUB_DB", Config{}.database_url);
    auto file = args.get(command == "backup" ? "to" : "from");
    if (!file)
        return usage_error(command,
                           command == "backup" ? "--to FILE is needed" : "--from FILE is needed");
    auto done = command == "backup" ? backup_database(url, *file) : restore_database(url, *file);
    if (!done) return report_error(done.error());
    print_fingerprints(*done);
    std::printf("%s: %s %s\n", command.c_str(),
                command == "backup" ? "written to" : "restored from", file->c_str());
    return 0;
}

int cmd_migrate(const Arguments& args) {
    auto s = open_services(args);
    auto applied = migrate(*s->database);
    std::printf("migrations: %zu applied, schema at version %d\n", applied.size(),
                latest_migration_version(s->database->engine()));
    return 0;
}

int cmd_demo(const Arguments& args) {
    auto s = open_services(args);
    migrate(*s->database);
    if (args.has("check")) return demo_loaded(*s) ? 0 : 1;
    auto loaded = load_demo(*s, shared_data(args), stdout);
    if (!loaded) return report_error(loaded.error());
    return 0;
}

int cmd_user_add(const Arguments& args) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto s = open_services(args);
    migrate(*s->database);
    UserInput input{args.get("email").value_or(""),  args.get("name").value_or(""),
                    args.get("role").value_or(""),   password,
                    args.get("school").value_or(""), args.get("practitioner").value_or("")};
    auto created = create_user(*s, input, {.name = "command line", .email = "command line"});
    if (!created) return report_error(created.error());
    std::printf("user %lld added: %s (%s)\n", static_cast<long long>(created->id.value),
                created->email.c_str(), std::string(role_code(created->role)).c_str());
    return 0;
}

int cmd_retention_run(const Arguments& args) {
    auto s = open_services(args);
    Date as_of = s->clock().today();
    if (auto typed = args.get("as-of")) {
        auto parsed = parse_date(*typed);
        if (!parsed) return usage_error("retention run", "--as-of must be a date like 2050-09-01");
        as_of = *parsed;
    }
    migrate(*s->database);
    auto changes = run_retention(*s, as_of, args.has("dry-run"),
                                 {.name = "retention job", .email = "retention job"});
    for (const auto& change : changes)
        std::printf("%.*s %.*s %lld\n", static_cast<int>(change.action.size()),
                    change.action.data(), static_cast<int>(change.record.size()),
                    change.record.data(), static_cast<long long>(change.id));
    std::printf("%zu records\n", changes.size());
    return 0;
}

//! The whole of the file named by --file, or what is wrong with the option.
std::expected<std::string, std::string> file_argument(const Arguments& args) {
    auto file = args.get("file");
    if (!file) return std::unexpected("--file is required");
    std::ifstream in(*file, std::ios::binary);
    if (!in) return std::unexpected("cannot read " + *file);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int cmd_import(const Arguments& args, const std::string& what) {
    auto s = open_services(args);
    migrate(*s->database);
    if (what == "bank-holidays") {
        auto text = file_argument(args);
        if (!text) return usage_error("import bank-holidays", text.error());
        auto loaded =
            import_bank_holidays(*s, *text, {.name = "command line", .email = "command line"});
        if (!loaded) return report_error(loaded.error());
        std::printf("bank holidays: %zu loaded\n", *loaded);
        return 0;
    }
    if (what == "term-dates") {
        auto text = file_argument(args);
        if (!text) return usage_error("import term-dates", text.error());
        const Actor command_line{.name = "command line", .role = Role::admin};
        auto years = import_term_dates(*s, command_line, *text,
                                       {.name = "command line", .email = "command line"});
        if (!years) return report_error(years.error());
        std::printf("term dates: %zu authority years recorded\n", years->size());
        return 0;
    }
    if (what == "census") {
        auto held = import_census(*s, shared_data(args));
        if (!held) return report_error(held.error());
        for (const auto& [year, schools] : *held)
            std::printf("census %d: %lld schools\n", year, static_cast<long long>(schools));
        return 0;
    }
    if (what == "postcodes") {
        auto loaded = import_outcodes(*s, shared_data(args));
        if (!loaded) return report_error(loaded.error());
        std::printf("postcode districts: %zu loaded\n", *loaded);
        return 0;
    }
    std::set<int> la_codes;
    if (args.has("south-west")) la_codes = south_west_la_codes();
    if (auto list = args.get("la")) {
        for (const auto& part : split(*list, ',')) {
            auto code = parse_int(trim(part));
            if (!code) return usage_error("import schools", "--la takes numbers like 933,878");
            la_codes.insert(static_cast<int>(*code));
        }
    }
    auto report = import_schools(*s, shared_data(args), la_codes,
                                 {.name = "command line", .email = "command line"});
    if (!report) return report_error(report.error());
    print_report(*report, stdout);
    return 0;
}

int cmd_serve(const Arguments& args) {
    Config config;
    std::string listen = args.get("listen", "SENDHUB_LISTEN", "127.0.0.1:8080");
    auto colon = listen.rfind(':');
    auto port = colon == std::string::npos ? std::nullopt : parse_int(listen.substr(colon + 1));
    if (!port || *port <= 0 || *port > 65535)
        return usage_error("serve", "--listen takes HOST:PORT, like 127.0.0.1:8080");
    config.host = listen.substr(0, colon);
    config.port = static_cast<std::uint16_t>(*port);
    config.static_dir = args.get("static", "SENDHUB_STATIC", config.static_dir);
    config.trust_name = args.get("trust-name", "SENDHUB_TRUST_NAME", config.trust_name);
    config.behind_tls =
        args.has("behind-tls") || args.get("behind-tls", "SENDHUB_BEHIND_TLS", "") == "1";
    config.access_log = !args.has("no-access-log");
    config.smtp_url = args.get("smtp-url", "SENDHUB_SMTP_URL", "");
    config.mail_from = args.get("mail-from", "SENDHUB_MAIL_FROM", config.mail_from);
    std::string db_url = args.get("db", "SENDHUB_DB", config.database_url);
    auto default_mail_dir =
        db_url.starts_with("sqlite:")
            ? (std::filesystem::path(db_url.substr(7)).parent_path() / "mail").string()
            : std::string("data/mail");
    config.mail_dir = args.get("mail-dir", "SENDHUB_MAIL_DIR", default_mail_dir);
    config.public_url = args.get("public-url", "SENDHUB_PUBLIC_URL", "http://" + listen);
    while (config.public_url.ends_with('/')) config.public_url.pop_back();
    if (auto idle = args.get("session-idle-seconds")) {
        auto seconds = parse_int(*idle);
        if (!seconds || *seconds < 1 || *seconds > 86400)
            return usage_error("serve", "--session-idle-seconds takes 1 to 86400");
        config.session_idle_seconds = static_cast<int>(*seconds);
    }
    if (auto per_minute = args.get("sign-ins-per-minute", "SENDHUB_SIGN_INS_PER_MINUTE", "");
        !per_minute.empty()) {
        auto n = parse_int(per_minute);
        if (!n || *n < 1 || *n > 1'000'000)
            return usage_error("serve", "--sign-ins-per-minute takes 1 to 1000000");
        config.sign_ins_per_address = {.capacity = static_cast<double>(*n),
                                       .per_minute = static_cast<double>(*n)};
    }
    for (auto [flag, target] :
         {std::pair{"workers", &config.worker_threads}, std::pair{"io-threads", &config.io_threads},
          std::pair{"sign-in-workers", &config.sign_in_threads}}) {
        auto value = args.get(flag);
        if (!value) continue;
        auto n = parse_int(*value);
        if (!n || *n < 1 || *n > 256)
            return usage_error("serve", std::string("--") + flag + " takes a number from 1 to 256");
        *target = static_cast<std::size_t>(*n);
    }
    std::size_t max_connections = 0;
    if (auto value = args.get("max-connections")) {
        auto n = parse_int(*value);
        if (!n || *n < 1 || *n > 1'000'000)
            return usage_error("serve", "--max-connections takes 1 to 1000000");
        max_connections = static_cast<std::size_t>(*n);
    }
    auto s = open_services(args, config);
    auto applied = migrate(*s->database);
    if (!applied.empty()) std::printf("migrations: %zu applied\n", applied.size());
    // The test suites fail a page whose template asks for a key its view lacks.
    const char* strict_env = std::getenv("SENDHUB_STRICT_TEMPLATES");
    Templates templates(args.has("strict-templates") || (strict_env && *strict_env));
    http::StaticFiles static_files(s->config.static_dir);
    if (static_files.size() == 0)
        std::fprintf(stderr, "sendhub: warning: no static files in %s; pages will be unstyled\n",
                     s->config.static_dir.c_str());
    ThreadPlan plan = default_thread_plan(
        std::thread::hardware_concurrency(),
        s->database->engine() == "sqlite" ? DatabaseWait::in_process : DatabaseWait::network);
    if (s->config.worker_threads == 0) s->config.worker_threads = plan.worker_threads;
    if (s->config.io_threads == 0) s->config.io_threads = plan.io_threads;
    Pipeline pipeline(*s, templates, static_files);
    Mailer mailer(*s);
    mailer.start();
    http::ServerOptions options{.host = s->config.host,
                                .port = s->config.port,
                                .io_threads = s->config.io_threads,
                                .worker_threads = s->config.worker_threads,
                                .max_connections = max_connections,
                                .sign_in_threads = s->config.sign_in_threads};
    http::SignInLane sign_in_lane{
        .takes = [&](std::string_view method,
                     std::string_view path) { return pipeline.checks_password(method, path); },
        .overloaded = [&](http::Request& r) { return pipeline.sign_in_busy(r); }};
    auto handle = [&](http::Request& r) { return pipeline.handle(r); };
    http::run_server(options, handle, sign_in_lane, [&](std::uint16_t bound) {
        std::printf("sendhub: serving http://%s:%u (database %s; %zu workers, %zu I/O threads)\n",
                    options.host.c_str(), bound, without_password(s->config.database_url).c_str(),
                    options.worker_threads, options.io_threads);
        std::fflush(stdout);
    });
    mailer.stop();
    std::printf("sendhub: stopped\n");
    return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::printf("%s", kUsage);
        return argc < 2 ? 2 : 0;
    }
    std::string command = argv[1];
    int first = 2;
    if ((command == "user" || command == "import" || command == "retention") && argc >= 3 &&
        std::string(argv[2]) != "--help") {
        command += " " + std::string(argv[2]);
        first = 3;
    }
    if (!help_texts().contains(command)) {
        std::fprintf(stderr, "sendhub: unknown command '%s'\n\n%s", command.c_str(), kUsage);
        return 2;
    }
    Arguments args(argc, argv, first,
                   {"help", "check", "behind-tls", "no-access-log", "south-west",
                    "strict-templates", "dry-run"});
    if (args.has("help")) {
        std::printf("%s", help_texts().at(command).c_str());
        return 0;
    }
    if (!args.error().empty()) return usage_error(command, args.error());
    static const std::map<std::string, std::set<std::string>> known{
        {"serve",
         {"db", "listen", "static", "trust-name", "behind-tls", "workers", "io-threads",
          "sign-in-workers", "sign-ins-per-minute", "max-connections", "no-access-log", "smtp-url",
          "session-idle-seconds", "mail-from", "mail-dir", "public-url", "strict-templates"}},
        {"migrate", {"db"}},
        {"demo", {"db", "shared-data", "check"}},
        {"user add", {"db", "email", "name", "role", "school", "practitioner"}},
        {"import schools", {"db", "shared-data", "la", "south-west"}},
        {"import census", {"db", "shared-data"}},
        {"import postcodes", {"db", "shared-data"}},
        {"import bank-holidays", {"db", "file"}},
        {"import term-dates", {"db", "file"}},
        {"copy", {"from", "to"}},
        {"backup", {"db", "to"}},
        {"restore", {"db", "from"}},
        {"retention run", {"db", "as-of", "dry-run"}},
    };
    if (auto unknown = args.unknown(known.at(command)); !unknown.empty())
        return usage_error(command, "unknown option " + unknown.front());
    try {
        if (command == "serve") return cmd_serve(args);
        if (command == "migrate") return cmd_migrate(args);
        if (command == "demo") return cmd_demo(args);
        if (command == "user add") return cmd_user_add(args);
        if (command == "import schools") return cmd_import(args, "schools");
        if (command == "import postcodes") return cmd_import(args, "postcodes");
        if (command == "import census") return cmd_import(args, "census");
        if (command == "import bank-holidays") return cmd_import(args, "bank-holidays");
        if (command == "import term-dates") return cmd_import(args, "term-dates");
        if (command == "copy") return cmd_copy(args);
        if (command == "backup" || command == "restore")
            return cmd_backup_or_restore(args, command);
        if (command == "retention run") return cmd_retention_run(args);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sendhub %s: %s\n", command.c_str(), e.what());
        return 1;
    }
    return 2;
}

}  // namespace sendhub
