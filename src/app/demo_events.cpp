#include "app/demo_events.hpp"

#include "service/event_service.hpp"

namespace sendhub {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

//! The first Wednesday at least `ahead` days after `today`: dates a school could still attend.
Date wednesday_after(Date today, int ahead) {
    sys_days day = sys_days{today} + days{ahead};
    while (std::chrono::weekday{day} != std::chrono::Wednesday) day += days{1};
    return Date{day};
}

std::string at(Date date, std::string_view clock) {
    return format_date(date) + "T" + std::string(clock);
}

}  // namespace

Result<void> load_demo_events(Services& s, const Actor& organiser, const Actor& booker,
                              const Acting& who, std::FILE* out) {
    const Date today = s.clock().today();

    // Six half-termly network meetings, about seven weeks apart.
    EventInput network{
        .title = "SENCO network meeting",
        .kind = "network_meeting",
        .audience = {"senco", "headteacher"},
        .summary =
            "Our half-termly network for SENCOs of trust and partner schools: updates on "
            "local authority processes, a short training input, and time to share what "
            "is working in your school.",
        .venue = "Trust office, 1 Mill Lane, Exeter",
        .online_url = "https://meet.example.org/senco-network",
        .capacity = 40,
        .price_pence = 0,
        .tags = {"senco", "network"},
    };
    std::vector<SessionTimes> sessions;
    for (int i = 0; i < 6; ++i) {
        const Date day = wednesday_after(today, 14 + i * 49);
        sessions.push_back({at(day, "13:30"), at(day, "15:30")});
    }
    SENDHUB_ASSIGN_OR_RETURN(auto series, create_series(s, organiser, network, sessions, who));

    SENDHUB_TRY(create_event(
        s, organiser,
        {.title = "Annual SEND conference",
         .kind = "conference",
         .audience = {"schools", "trust_staff"},
         .summary = "A day of keynotes and workshops on inclusion, adaptive teaching and "
                    "preparing for adulthood, with practitioners from our special schools.",
         .starts_at = at(wednesday_after(today, 70), "09:00"),
         .ends_at = at(wednesday_after(today, 70), "16:00"),
         .venue = "Sandy Park Conference Centre, Exeter",
         .capacity = 150,
         .price_pence = 9500,
         .tags = {"conference", "inclusion", "adaptive teaching"}},
        who));

    SENDHUB_TRY(
        create_event(s, organiser,
                     {.title = "Autism and sensory needs in the classroom",
                      .kind = "webinar",
                      .audience = {"public"},
                      .summary = "A free hour from our Autism Education Hub: understanding sensory "
                                 "differences and simple changes that help autistic pupils learn.",
                      .starts_at = at(wednesday_after(today, 10), "16:00"),
                      .ends_at = at(wednesday_after(today, 10), "17:00"),
                      .online_url = "https://meet.example.org/autism-sensory",
                      .capacity = 100,
                      .price_pence = 0,
                      .tags = {"autism", "sensory"}},
                     who));

    SENDHUB_ASSIGN_OR_RETURN(
        auto course,
        create_event(s, organiser,
                     {.title = "Precision teaching for specialist teaching assistants",
                      .kind = "course",
                      .audience = {"schools"},
                      .summary = "A practical morning on planning, running and recording "
                                 "precision teaching for pupils with SEND.",
                      .starts_at = at(wednesday_after(today, 42), "09:30"),
                      .ends_at = at(wednesday_after(today, 42), "12:30"),
                      .venue = "Kingsmoor Academy, Taunton",
                      .capacity = 3,
                      .price_pence = 4500,
                      .tags = {"teaching assistants", "literacy"}},
                     who));
    const char* attendees[][2] = {
        {"Chris Allen", "chris.allen@school.example.org"},
        {"Dana Fox", "dana.fox@school.example.org"},
        {"Eli Grant", "eli.grant@school.example.org"},
        {"Frankie Hale", "frankie.hale@school.example.org"},
        {"Gabi Irwin", "gabi.irwin@school.example.org"},
    };
    for (const auto& a : attendees) SENDHUB_TRY(book_place(s, booker, course.id, a[0], a[1], who));
    std::fprintf(out, "events: %zu network meetings, a conference, a webinar and a full course\n",
                 series.events.size());
    return {};
}

}  // namespace sendhub
