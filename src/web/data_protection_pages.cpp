// Subject access (find a child's requests, download their records) and the retention schedule.
#include "adapter/download.hpp"
#include "adapter/subject_access_export.hpp"
#include "service/retention_service.hpp"
#include "service/subject_access_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

Response render_subject_access(RequestContext& ctx, const FormView& form, int status,
                               const std::optional<std::vector<ChildRequest>>& found) {
    const std::string urn = ctx.form.get("school_urn");
    const std::string ref = ctx.form.get("ref");
    nlohmann::json items = nlohmann::json::array();
    if (found) {
        for (const auto& child : *found)
            items.push_back(
                {{"id", child.request.id.value},
                 {"reference", child.request.reference},
                 {"kind", child.request.input.kind == "group"
                              ? "Group of " + std::to_string(child.group_size)
                              : std::string("One pupil")},
                 {"status",
                  std::string(term_of(request_status_terms(), child.request.status).label)}});
    }
    nlohmann::json view{
        {"summary", form.summary()},
        {"searched", found.has_value()},
        {"any", !items.empty()},
        {"items", items},
        {"school_urn_value", urn},
        {"ref_value", ref},
        {"fields",
         {{"school_urn", form.input("school_urn", "School URN", urn,
                                    {.hint = "The 6-digit unique reference number of the school "
                                             "that asked for the support.",
                                     .width = "10",
                                     .spellcheck = false,
                                     .inputmode = "numeric"})},
          {"ref", form.input("ref", "Pupil's reference", ref,
                             {.hint = "The reference the school used for the pupil on its "
                                      "requests, such as their initials.",
                              .width = "10",
                              .spellcheck = false})}}},
    };
    return render_page(ctx, "Subject access request", "subject_access", std::move(view), status);
}

}  // namespace

Response subject_access_page(RequestContext& ctx) {
    return render_subject_access(ctx, FormView{}, 200, std::nullopt);
}

Response subject_access_search_page(RequestContext& ctx) {
    auto found = find_child_requests(ctx.services, ctx.actor(), ctx.form.get("school_urn"),
                                     ctx.form.get("ref"));
    if (!found) {
        return form_failure(ctx, found.error(), [&](const FormView& form, int status) {
            return render_subject_access(ctx, form, status, std::nullopt);
        });
    }
    return render_subject_access(ctx, FormView{}, 200, *found);
}

Response subject_access_export_page(RequestContext& ctx) {
    auto records = gather_child_records(ctx.services, ctx.actor(), ctx.form.get("school_urn"),
                                        ctx.form.get("ref"), ctx.acting());
    if (!records) {
        return form_failure(ctx, records.error(), [&](const FormView& form, int status) {
            return render_subject_access(ctx, form, status, std::nullopt);
        });
    }
    return download(subject_access_zip(*records), "application/zip",
                    "subject-access-" + std::to_string(records->school.value) + ".zip", false);
}

Response retention_page(RequestContext& ctx) {
    auto rules = retention_schedule(ctx.services, ctx.actor());
    if (!rules) return error_page(ctx, rules.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& rule : *rules)
        items.push_back({{"covers", rule.covers},
                         {"period", rule.period},
                         {"action", rule.action},
                         {"basis", rule.basis}});
    return render_page(ctx, "How long records are kept", "retention", {{"rules", items}});
}

}  // namespace sendhub::pages
