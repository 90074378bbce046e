// Training and events, and the resource hub.
#include "api/handlers.hpp"
#include "api/resource_handlers.hpp"
#include "app/route_table.hpp"
#include "web/handlers.hpp"
#include "web/resource_handlers.hpp"

namespace sendhub {

void add_event_and_resource_routes(RouteTable& r) {
    using P = Permission;
    // Training and events: the listing is public; booking needs a school's sign-in
    r.page("GET", "/events", std::nullopt, pages::events_page);
    r.page("GET", "/events/new", P::organise_events, pages::event_new);  // before {id}
    r.page("POST", "/events", P::organise_events, pages::event_create_page);
    r.page("GET", "/events/{id}.ics", P::signed_in, pages::event_ics_page);  // before {id}
    r.page("GET", "/events/{id}", P::signed_in, pages::event_page);
    r.page("POST", "/events/{id}/bookings", P::signed_in, pages::event_book_page);
    r.page("POST", "/events/{id}/register", P::organise_events, pages::event_register_page);
    r.page("POST", "/bookings/{id}/cancel", P::signed_in, pages::booking_cancel_page);
    r.page("GET", "/bookings/{id}/certificate.pdf", P::signed_in, pages::booking_certificate_page);
    r.page("GET", "/bookings/{id}/feedback", P::signed_in, pages::booking_feedback_form);
    r.page("POST", "/bookings/{id}/feedback", P::signed_in, pages::booking_feedback_submit);
    r.json("GET", "/api/v1/public/events", std::nullopt, api::public_events_list);
    r.json("POST", "/api/v1/events", P::organise_events, api::events_create);
    r.json("GET", "/api/v1/events", P::signed_in, api::events_list);
    r.json("GET", "/api/v1/events/{id}.ics", P::signed_in, api::event_ics_get);  // before {id}
    r.json("GET", "/api/v1/events/{id}", P::signed_in, api::event_get);
    r.json("POST", "/api/v1/event-series", P::organise_events, api::event_series_create);
    r.json("GET", "/api/v1/event-series/{id}", P::signed_in, api::event_series_get);
    r.json("POST", "/api/v1/events/{id}/bookings", P::signed_in, api::event_booking_create);
    r.json("GET", "/api/v1/events/{id}/bookings", P::signed_in, api::event_bookings_list);
    r.json("POST", "/api/v1/events/{id}/register", P::organise_events, api::event_register);
    r.json("GET", "/api/v1/events/{id}/feedback", P::organise_events, api::event_feedback_get);
    r.json("GET", "/api/v1/bookings/{id}", P::signed_in, api::booking_get);
    r.json("POST", "/api/v1/bookings/{id}/cancel", P::signed_in, api::booking_cancel);
    r.json("GET", "/api/v1/bookings/{id}/certificate.pdf", P::signed_in, api::booking_certificate);
    r.json("POST", "/api/v1/bookings/{id}/feedback", P::signed_in, api::booking_feedback_create);

    // The resource hub: who may publish and who sees each resource is the service's to decide.
    r.page("GET", "/resources", P::signed_in, pages::resources_page);
    r.page("GET", "/resources/new", P::signed_in, pages::resource_new);  // before {id}
    r.upload(Surface::page, "POST", "/resources", P::signed_in, pages::resource_create_page);
    r.page("GET", "/resources/{id}", P::signed_in, pages::resource_page);
    r.upload(Surface::page, "POST", "/resources/{id}/versions", P::signed_in,
             pages::resource_version_page);
    // Downloads of public resources work without signing in (the hub's links).
    r.page("GET", "/resources/{id}/file", std::nullopt, pages::resource_file_page);
    r.page("GET", "/resources/{id}/versions/{n}/file", std::nullopt,
           pages::resource_version_file_page);
    r.page("GET", "/hub/autism", std::nullopt, pages::autism_hub_page);
    r.json("GET", "/api/v1/resources", P::signed_in, api::resources_list);
    r.upload(Surface::api, "POST", "/api/v1/resources", P::signed_in, api::resource_create);
    r.json("GET", "/api/v1/resources/{id}", P::signed_in, api::resource_get);
    r.upload(Surface::api, "POST", "/api/v1/resources/{id}/versions", P::signed_in,
             api::resource_version_create);
    r.json("GET", "/api/v1/resources/{id}/file", P::signed_in, api::resource_file);
    r.json("GET", "/api/v1/resources/{id}/versions/{n}/file", P::signed_in,
           api::resource_version_file);
    r.json("GET", "/api/v1/public/resources", std::nullopt, api::public_resources_list);
    r.json("GET", "/api/v1/public/resources/{id}", std::nullopt, api::public_resource_get);
    r.json("GET", "/api/v1/public/resources/{id}/file", std::nullopt, api::public_resource_file);
}

}  // namespace sendhub
