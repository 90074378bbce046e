#include "pdf/pdf_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <stdexcept>

namespace sendhub {
namespace {
constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.0;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}
}  // namespace

struct PdfDocument::Impl {
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    double y = kMargin;

    void block(std::string_view text, const char* font, double space_after) {
        PangoLayout* layout = pango_cairo_create_layout(cr);
        PangoFontDescription* description = pango_font_description_from_string(font);
        pango_layout_set_font_description(layout, description);
        pango_layout_set_width(layout, static_cast<int>((kPageWidth - 2 * kMargin) * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        int width = 0;
        int height = 0;
        pango_layout_get_size(layout, &width, &height);
        double h = static_cast<double>(height) / PANGO_SCALE;
        if (y + h > kPageHeight - kMargin && y > kMargin) {
            cairo_show_page(cr);
            y = kMargin;
        }
        cairo_move_to(cr, kMargin, y);
        pango_cairo_show_layout(cr, layout);
        y += h + space_after;
        pango_font_description_free(description);
        g_object_unref(layout);
    }
};

PdfDocument::PdfDocument(std::string_view title) : impl_(std::make_unique<Impl>()) {
    impl_->surface =
        cairo_pdf_surface_create_for_stream(append_bytes, &impl_->bytes, kPageWidth, kPageHeight);
    std::string t(title);
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, t.c_str());
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "sendhub");
    impl_->cr = cairo_create(impl_->surface);
    cairo_set_source_rgb(impl_->cr, 0.04, 0.05, 0.05);
}

PdfDocument::~PdfDocument() {
    if (impl_->cr) cairo_destroy(impl_->cr);
    if (impl_->surface) cairo_surface_destroy(impl_->surface);
}

void PdfDocument::heading(std::string_view text) {
    impl_->block(text, "Sans Bold 18", 10);
}
void PdfDocument::subheading(std::string_view text) {
    impl_->block(text, "Sans Bold 13", 6);
}
void PdfDocument::paragraph(std::string_view text) {
    impl_->block(text.empty() ? " " : text, "Sans 10.5", 8);
}
void PdfDocument::small(std::string_view text) {
    impl_->block(text, "Sans 8.5", 4);
}

void PdfDocument::field(std::string_view label, std::string_view value) {
    impl_->block(label, "Sans Bold 10.5", 1);
    impl_->block(value.empty() ? "—" : value, "Sans 10.5", 6);
}

std::string PdfDocument::finish() {
    cairo_destroy(impl_->cr);
    impl_->cr = nullptr;
    cairo_surface_finish(impl_->surface);
    if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("PDF rendering failed");
    cairo_surface_destroy(impl_->surface);
    impl_->surface = nullptr;
    return std::move(impl_->bytes);
}

}  // namespace sendhub
