#include "app/demo_resources.hpp"

#include "adapter/spreadsheet.hpp"
#include "pdf/pdf_document.hpp"
#include "service/resource_service.hpp"

namespace sendhub {
namespace {

struct Section {
    std::string_view heading;
    std::vector<std::string_view> paragraphs;
};

//! A short guide as a PDF: a title, an introduction and headed sections.
std::string guide_pdf(std::string_view trust, std::string_view title, std::string_view intro,
                      const std::vector<Section>& sections) {
    PdfDocument pdf(title);
    pdf.small(trust);
    pdf.heading(title);
    pdf.paragraph(intro);
    for (const auto& section : sections) {
        pdf.subheading(section.heading);
        for (auto p : section.paragraphs) pdf.paragraph(p);
    }
    pdf.small(
        "Written by the trust's specialist teachers for staff in our schools and partner "
        "schools. Please adapt it to your own setting.");
    return pdf.finish();
}

std::string adaptive_teaching_guide(std::string_view trust) {
    return guide_pdf(
        trust, "Adaptive teaching: a guide for classroom staff",
        "Adaptive teaching means planning lessons that every pupil can reach, then adjusting "
        "support in the moment as you see how pupils respond. It is not a separate lesson for "
        "each child: it is high-quality teaching that anticipates barriers.",
        {{"Know the barriers before the lesson",
          {"Read each pupil's one-page profile and SEN support plan. Note what helps them start a "
           "task, what overwhelms them and how they show they are stuck.",
           "Think about the demands of the lesson: reading, writing, listening, working with "
           "others, changes of room or activity. Which of these will stop a pupil showing what "
           "they know?"}},
         {"Plan small steps and check often",
          {"Break new learning into short steps and model each one. Use worked examples, then "
           "partly completed examples, before asking pupils to work alone.",
           "Check understanding with every pupil, not only those who volunteer: mini "
           "whiteboards, thumbs, or a quick question to a few chosen pupils."}},
         {"Scaffold, then take the scaffold away",
          {"Word banks, sentence starters, visual prompts and task boards help pupils begin. "
           "Plan when each scaffold will be reduced, so independence grows."}},
         {"Make the classroom predictable",
          {"Visual timetables, clear routines for transitions and a calm, uncluttered working "
           "space help many pupils, not only those with identified needs."}}});
}

std::string adaptive_teaching_checklist(std::string_view trust) {
    return guide_pdf(
        trust, "Adaptive teaching: lesson planning checklist",
        "Use this checklist when planning a lesson or reviewing one with a colleague.",
        {{"Before the lesson",
          {"I know which pupils have SEN support or an EHC plan and what their targets are.",
           "I have identified the key vocabulary and how I will teach it.",
           "I have planned how I will model the task and what a good answer looks like."}},
         {"During the lesson",
          {"Instructions are short, given one at a time and shown as well as said.",
           "Every pupil can start the task within two minutes.",
           "I check understanding before moving on, and adjust if pupils are stuck."}},
         {"After the lesson",
          {"I know which pupils met the objective and who needs more practice.",
           "Teaching assistants know what to do differently next time."}}});
}

std::string autism_classroom_guide(std::string_view trust) {
    return guide_pdf(
        trust, "Supporting autistic pupils in the classroom",
        "Autistic pupils experience the world differently. Small, consistent adjustments make a "
        "large difference to how safe and ready to learn they feel.",
        {{"Communication",
          {"Use the pupil's name before an instruction. Say what to do rather than what not to "
           "do, and give time to process: count to ten before repeating.",
           "Literal language helps. Explain idioms and sarcasm, and check what a pupil has "
           "understood rather than asking whether they have understood."}},
         {"Sensory needs",
          {"Noise, light, smells and crowded corridors can be overwhelming. Agree a quiet place "
           "the pupil can go to, and a way to ask for it without words.",
           "Let pupils leave lessons a minute early or late to avoid busy corridors."}},
         {"Predictability",
          {"Warn pupils about changes to the timetable, staff or room as early as possible. "
           "Visual timetables and now-and-next boards reduce anxiety."}}});
}

std::string visual_timetables_guide(std::string_view trust) {
    return guide_pdf(
        trust, "Making the school day predictable: visual timetables",
        "A visual timetable shows the day in pictures or symbols, in order. It helps pupils "
        "know what is happening now, what comes next and when the day ends.",
        {{"Making one",
          {"Use the same symbols every day, with the word written beneath. Keep it at the "
           "pupil's eye level, left to right or top to bottom.",
           "Start with a now-and-next board for pupils who find a whole day too much."}},
         {"Using it",
          {"Go through it at the start of the day. As each activity ends, the pupil removes or "
           "turns over its symbol.",
           "Show changes on the timetable before they happen, with a symbol for 'change'."}}});
}

std::string one_page_profile(std::string_view trust) {
    return guide_pdf(
        trust, "One-page profile template",
        "A one-page profile tells every adult who works with a pupil what matters to them and "
        "how best to support them. Write it with the pupil and their family.",
        {{"What people like and admire about me", {"(Write here.)"}},
         {"What is important to me", {"(Write here.)"}},
         {"How best to support me",
          {"(Write here: what helps me start work, what to do when I am anxious, how I like "
           "to be spoken to.)"}}});
}

std::string outreach_note_guide(std::string_view trust) {
    return guide_pdf(
        trust, "Outreach visits: writing a brief report",
        "The school should receive a brief report within two working days of each visit.",
        {{"What to include",
          {"What you observed and who you spoke to; what is working; two or three practical "
           "next steps, each with who will do it; progress towards the agreed outcomes."}},
         {"What to leave out",
          {"Anything not needed for the school to act. Write the child's initials, not their "
           "full name, in notes kept outside the platform."}}});
}

std::string provision_map_sheet() {
    std::vector<std::vector<SheetCell>> rows{
        {std::string("Reading fluency"), std::string("Year 3"), std::string("Small group"),
         std::int64_t{6}, std::string("3 x 20 minutes a week"), std::string("")},
        {std::string("Social communication"), std::string("Year 5"),
         std::string("Lego-based therapy"), std::int64_t{4}, std::string("1 hour a week"),
         std::string("")},
        {std::string("Sensory regulation"), std::string("Whole school"),
         std::string("Sensory circuits"), std::int64_t{12}, std::string("Daily, 15 minutes"),
         std::string("")},
    };
    return xlsx_workbook(
        "Provision map",
        {"Need", "Year group", "Intervention", "Pupils", "How often", "Impact (entry and exit)"},
        rows);
}

struct DemoResource {
    std::string title;
    std::string summary;
    std::string audience;
    std::vector<std::string> tags;
    std::optional<std::string> url;
    std::optional<UploadedFile> file;
};

}  // namespace

Result<void> load_demo_resources(Services& s, const Actor& editor, const Acting& who,
                                 std::FILE* out) {
    const std::string& trust = s.config.trust_name;
    const std::vector<DemoResource> resources{
        {"Adaptive teaching: a guide for classroom staff",
         "Part of our adaptive teaching training pack: planning lessons every pupil can reach, "
         "small steps, scaffolds and a predictable classroom.",
         "schools",
         {"adaptive teaching", "training pack"},
         std::nullopt,
         UploadedFile{"adaptive-teaching-guide.pdf", adaptive_teaching_guide(trust)}},
        {"Adaptive teaching: lesson planning checklist",
         "Part of our adaptive teaching training pack: a checklist for planning a lesson or "
         "reviewing one with a colleague.",
         "schools",
         {"adaptive teaching", "training pack"},
         std::nullopt,
         UploadedFile{"adaptive-teaching-checklist.pdf", adaptive_teaching_checklist(trust)}},
        {"Provision map template",
         "A spreadsheet for mapping interventions by need and year group, with room to record "
         "their impact. Used in our partner schools.",
         "partners",
         {"templates", "adaptive teaching"},
         std::nullopt,
         UploadedFile{"provision-map-template.xlsx", provision_map_sheet()}},
        {"One-page profile template",
         "What matters to a pupil and how best to support them, on one page, written with the "
         "pupil and their family.",
         "partners",
         {"templates", "autism"},
         std::nullopt,
         UploadedFile{"one-page-profile.pdf", one_page_profile(trust)}},
        {"Supporting autistic pupils in the classroom",
         "Practical guidance from the Autism Education Hub on communication, sensory needs and "
         "predictability.",
         "public",
         {"autism", "sensory"},
         std::nullopt,
         UploadedFile{"supporting-autistic-pupils.pdf", autism_classroom_guide(trust)}},
        {"Making the school day predictable: visual timetables",
         "How to make and use a visual timetable or a now-and-next board.",
         "public",
         {"autism", "communication"},
         std::nullopt,
         UploadedFile{"visual-timetables.pdf", visual_timetables_guide(trust)}},
        {"What is autism? (National Autistic Society)",
         "The National Autistic Society's introduction to autism, for staff and families.",
         "public",
         {"autism"},
         "https://www.autism.org.uk/advice-and-guidance/what-is-autism",
         std::nullopt},
        {"Special educational needs in mainstream schools (Education Endowment Foundation)",
         "The evidence behind adaptive teaching: the EEF's guidance report with its five "
         "recommendations.",
         "schools",
         {"adaptive teaching"},
         "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/send",
         std::nullopt},
        {"Outreach visits: writing a brief report",
         "For the outreach team: what a school needs in the brief report after each visit.",
         "trust_staff",
         {"outreach"},
         std::nullopt,
         UploadedFile{"outreach-brief-reports.pdf", outreach_note_guide(trust)}},
    };
    int published = 0;
    for (const auto& r : resources) {
        ResourceInput input{.title = r.title,
                            .summary = r.summary,
                            .audience = r.audience,
                            .tags = r.tags,
                            .url = r.url};
        SENDHUB_TRY(publish_resource(s, editor, input, r.file, who));
        ++published;
    }
    std::fprintf(out, "resource hub: %d resources published\n", published);
    return {};
}

}  // namespace sendhub
