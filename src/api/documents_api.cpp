#include "adapter/documents.hpp"
#include "adapter/download.hpp"
#include "adapter/error_response.hpp"
#include "api/handlers.hpp"
#include "core/text.hpp"
#include "service/finance_service.hpp"
#include "service/outreach_service.hpp"

namespace sendhub::api {
namespace {
Response pdf_response(std::string bytes, const std::string& filename) {
    return download(std::move(bytes), "application/pdf", filename, true);
}
}  // namespace

Response agreement_pdf(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return json_error(Error::not_found("No such agreement."));
    auto a = get_agreement(ctx.services, ctx.actor(), *id);
    if (!a) return json_error(a.error());
    return pdf_response(agreement_pdf(*a, agreement_quote(ctx.services, ctx.actor(), *a),
                                      trust_settings(ctx.services)),
                        "agreement-" + request_reference(a->request_id) + ".pdf");
}

Response visit_report_pdf(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return json_error(Error::not_found("No such visit."));
    auto v = get_visit(ctx.services, ctx.actor(), *id);
    if (!v) return json_error(v.error());
    if (v->status != VisitStatus::delivered)
        return json_error(Error::not_found("This visit has no report yet."));
    return pdf_response(
        visit_report_pdf(*v, trust_settings(ctx.services)),
        "visit-report-" + request_reference(v->request_id) + "-" + format_date(v->date) + ".pdf");
}

}  // namespace sendhub::api
