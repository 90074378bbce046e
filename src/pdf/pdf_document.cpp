#include "pdf/pdf_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
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

    //! A laid-out piece of text `width` points wide; the caller unrefs it.
    PangoLayout* layout(std::string_view text, const char* font, double width,
                        PangoAlignment align = PANGO_ALIGN_LEFT) const {
        PangoLayout* l = pango_cairo_create_layout(cr);
        PangoFontDescription* description = pango_font_description_from_string(font);
        pango_layout_set_font_description(l, description);
        pango_font_description_free(description);
        pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(l, align);
        pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
        return l;
    }

    static double height_of(PangoLayout* l) {
        int width = 0;
        int height = 0;
        pango_layout_get_size(l, &width, &height);
        return static_cast<double>(height) / PANGO_SCALE;
    }

    //! Starts a new page when `h` more points would not fit on this one.
    void make_room(double h) {
        if (y + h > kPageHeight - kMargin && y > kMargin) {
            cairo_show_page(cr);
            y = kMargin;
        }
    }

    void block(std::string_view text, const char* font, double space_after) {
        PangoLayout* l = layout(text, font, kPageWidth - 2 * kMargin);
        double h = height_of(l);
        make_room(h);
        cairo_move_to(cr, kMargin, y);
        pango_cairo_show_layout(cr, l);
        y += h + space_after;
        g_object_unref(l);
    }

    void row(const std::vector<std::string>& cells, const char* font, std::size_t columns) {
        constexpr double kNarrow = 88.0;
        constexpr double kGap = 8.0;
        const double content = kPageWidth - 2 * kMargin;
        const double first = content - static_cast<double>(columns - 1) * kNarrow;
        std::vector<PangoLayout*> layouts;
        double h = 0;
        for (std::size_t i = 0; i < columns; ++i) {
            std::string_view text = i < cells.size() ? std::string_view(cells[i]) : "";
            layouts.push_back(i == 0 ? layout(text, font, first - kGap)
                                     : layout(text, font, kNarrow - kGap, PANGO_ALIGN_RIGHT));
            h = std::max(h, height_of(layouts.back()));
        }
        make_room(h);
        double x = kMargin;
        for (std::size_t i = 0; i < columns; ++i) {
            cairo_move_to(cr, i == 0 ? x : x + kGap, y);
            pango_cairo_show_layout(cr, layouts[i]);
            x += i == 0 ? first : kNarrow;
            g_object_unref(layouts[i]);
        }
        y += h + 4;
    }

    void rule() {
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, kMargin, y);
        cairo_line_to(cr, kPageWidth - kMargin, y);
        cairo_stroke(cr);
        y += 4;
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

void PdfDocument::table(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows) {
    const std::size_t columns = header.size();
    if (columns == 0) return;
    impl_->row(header, "Sans Bold 10", columns);
    impl_->rule();
    for (const auto& cells : rows) impl_->row(cells, "Sans 10", columns);
    impl_->rule();
    impl_->y += 4;
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
