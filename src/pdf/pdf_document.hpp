#pragma once
// Printable documents (agreements, visit reports) as PDF, laid out with pango on cairo.
// Text is set as plain text, never markup, so nothing a user typed can change the layout.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub {

class PdfDocument {
  public:
    //! An A4 document; `title` is also the PDF's metadata title.
    explicit PdfDocument(std::string_view title);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    void heading(std::string_view text);
    void subheading(std::string_view text);
    void paragraph(std::string_view text);
    //! "Label: value", the label in bold.
    void field(std::string_view label, std::string_view value);
    //! A line of small print (footers, sources).
    void small(std::string_view text);
    //! A table: the first column takes the room the others leave; the others (amounts,
    //! quantities) are right-aligned. The header is bold and ruled off; a row never splits
    //! across pages.
    void table(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);
    //! Finishes the document and returns its bytes.
    [[nodiscard]] std::string finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sendhub
