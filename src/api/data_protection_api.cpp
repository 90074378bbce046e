// Subject access and the retention schedule (api-contract-trust.md).
#include "adapter/download.hpp"
#include "adapter/subject_access_export.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "service/retention_service.hpp"
#include "service/subject_access_service.hpp"

namespace sendhub::api {
namespace {
struct Question {
    std::string school_urn;
    std::string ref;
};

Result<Question> question(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    Question q{f.text("school_urn"), f.text("ref")};
    if (auto checked = f.check(); !checked) return std::unexpected(checked.error());
    return q;
}
}  // namespace

Response subject_access_search(RequestContext& ctx) {
    auto q = question(ctx);
    if (!q) return json_error(q.error());
    auto found = find_child_requests(ctx.services, ctx.actor(), q->school_urn, q->ref);
    if (!found) return json_error(found.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& child : *found)
        items.push_back(
            {{"request_id", child.request.id.value},
             {"reference", child.request.reference},
             {"kind", child.request.input.kind},
             {"status", std::string(term_of(request_status_terms(), child.request.status).code)}});
    return json_response(200, {{"items", items}});
}

Response subject_access_export(RequestContext& ctx) {
    auto q = question(ctx);
    if (!q) return json_error(q.error());
    auto records =
        gather_child_records(ctx.services, ctx.actor(), q->school_urn, q->ref, ctx.acting());
    if (!records) return json_error(records.error());
    return download(subject_access_zip(*records), "application/zip",
                    "subject-access-" + std::to_string(records->school.value) + ".zip", false);
}

Response retention_get(RequestContext& ctx) {
    auto rules = retention_schedule(ctx.services, ctx.actor());
    if (!rules) return json_error(rules.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& rule : *rules)
        items.push_back({{"record_type", rule.record_type},
                         {"covers", rule.covers},
                         {"period", rule.period},
                         {"action", rule.action},
                         {"basis", rule.basis}});
    return json_response(200, {{"items", items}});
}

}  // namespace sendhub::api
