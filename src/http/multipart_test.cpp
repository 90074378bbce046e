#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace sendhub::http {
namespace {

using namespace std::string_literals;

const std::string kBody =
    "preamble to ignore\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "Adaptive teaching pack\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"pack \\\"v2\\\".pdf\"\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "%PDF-1.4\r\n\r\nbinary \0 bytes\r\n--not the boundary\r\n"
    "--XyZ--\r\n"
    "epilogue"s;

TEST(Multipart, TheBoundaryComesFromTheContentType) {
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
    EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; Boundary=\"a b\""), "a b");
    EXPECT_EQ(multipart_boundary("application/json"), std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')),
              std::nullopt);
}

TEST(Multipart, FieldsAndFilesInOrderWithTheirBytesUntouched) {
    auto parts = parse_multipart(kBody, "XyZ");
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 2U);
    EXPECT_EQ((*parts)[0].name, "title");
    EXPECT_FALSE((*parts)[0].filename);
    EXPECT_EQ((*parts)[0].body, "Adaptive teaching pack");
    EXPECT_EQ((*parts)[1].name, "file");
    EXPECT_EQ((*parts)[1].filename, "pack \"v2\".pdf");
    EXPECT_EQ((*parts)[1].content_type, "text/html");
    EXPECT_EQ((*parts)[1].body, "%PDF-1.4\r\n\r\nbinary \0 bytes\r\n--not the boundary"s);
}

TEST(Multipart, AWindowsPathInAFileNameKeepsItsBackslashes) {
    const std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; "
        "filename=\"C:\\Users\\me\\plan.docx\"\r\n\r\nPK\r\n--b--";
    auto parts = parse_multipart(body, "b");
    ASSERT_TRUE(parts);
    EXPECT_EQ((*parts)[0].filename, "C:\\Users\\me\\plan.docx");
}

TEST(Multipart, ABinaryPartKeepsEveryByte) {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    const std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; "
        "filename=\"x.png\"\r\n\r\n" +
        bytes + "\r\n--b--";
    auto parts = parse_multipart(body, "b");
    ASSERT_TRUE(parts);
    EXPECT_EQ((*parts)[0].body, bytes);
}

TEST(Multipart, MalformedBodiesAreRefused) {
    for (std::string_view bad : {
             "no boundary at all",
             "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end",
             "--b\r\nContent-Type: text/plain\r\n\r\nno name\r\n--b--",
             "--b\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nv\r\n--b--",
             "--b\r\nContent-Disposition: form-data; name=\"x\r\n\r\nv\r\n--b--",
             "--b\r\nno header end\r\n--b--",
         })
        EXPECT_FALSE(parse_multipart(bad, "b")) << bad;
    std::string many;
    for (int i = 0; i < 3; ++i)
        many += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
    many += "--b--";
    EXPECT_TRUE(parse_multipart(many, "b", 3));
    EXPECT_FALSE(parse_multipart(many, "b", 2));
}

TEST(Multipart, AnEmptyFormHasNoParts) {
    auto parts = parse_multipart("--b--\r\n", "b");
    ASSERT_TRUE(parts);
    EXPECT_TRUE(parts->empty());
}

}  // namespace
}  // namespace sendhub::http
