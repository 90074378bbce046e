#include "adapter/mustache.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <functional>
#include <stdexcept>

namespace sendhub {

struct CompiledTemplate::Node {
    enum class Kind { text, newline, variable, unescaped, section, inverted, partial };
    Kind kind = Kind::text;
    std::string text;               // the text, the newline, or the tag's name
    std::vector<std::string> path;  // the name split at dots; empty for "." (the current item)
    std::vector<Node> children;     // a section's body
    const CompiledTemplate* partial = nullptr;
};

namespace {

using Node = CompiledTemplate::Node;
using Json = nlohmann::json;

std::string_view trim_space(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

Node named(Node::Kind kind, std::string_view name) {
    Node node{.kind = kind, .text = std::string(name)};
    if (name == ".") return node;
    for (std::size_t start = 0;;) {
        auto dot = name.find('.', start);
        node.path.emplace_back(name.substr(start, dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return node;
}

[[noreturn]] void refuse(std::string_view what, std::size_t position) {
    throw std::runtime_error(std::string(what) + " at " + std::to_string(position));
}

//! Text up to the next tag: newlines become their own nodes, since a line ends only at a
//! newline written in the template (never one inside a value).
void add_text(std::vector<Node>& nodes, std::string_view text) {
    while (!text.empty()) {
        auto newline = text.find_first_of("\r\n");
        if (newline != 0) {
            auto part = text.substr(0, newline);
            if (!nodes.empty() && nodes.back().kind == Node::Kind::text)
                nodes.back().text.append(part);
            else
                nodes.push_back({.kind = Node::Kind::text, .text = std::string(part)});
            if (newline == std::string_view::npos) return;
            text.remove_prefix(newline);
        }
        std::size_t length = text.starts_with("\r\n") ? 2 : 1;
        nodes.push_back({.kind = Node::Kind::newline, .text = std::string(text.substr(0, length))});
        text.remove_prefix(length);
    }
}

bool is_falsy(const Json& value) {
    return value.is_null() || (value.is_boolean() && !value.get<bool>()) ||
           (value.is_array() && value.empty());
}

void append_escaped(std::string& out, std::string_view text) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string_view entity;
        switch (text[i]) {
            case '&':
                entity = "&amp;";
                break;
            case '<':
                entity = "&lt;";
                break;
            case '>':
                entity = "&gt;";
                break;
            case '"':
                entity = "&quot;";
                break;
            case '\'':
                entity = "&apos;";
                break;
            default:
                continue;
        }
        out.append(text.substr(from, i - from));
        out.append(entity);
        from = i + 1;
    }
    out.append(text.substr(from));
}

}  // namespace

//! One rendering: the output, where its current line began, and the stack of section values.
struct Renderer {
    std::string& out;
    std::size_t line_start;
    bool line_had_section = false;
    std::vector<const Json*> stack;

    [[nodiscard]] const Json* lookup(const Node& node) const {
        if (node.path.empty()) return stack.back();
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            const Json* value = *it;
            for (const auto& key : node.path) {
                if (!value->is_object()) {
                    value = nullptr;
                    break;
                }
                auto found = value->find(key);
                value = found == value->end() ? nullptr : &*found;
                if (!value) break;
            }
            if (value) return value;
        }
        return nullptr;
    }

    void end_line(const std::string* newline) {
        // A line that held a rendered section tag and nothing else but spaces is dropped.
        bool blank =
            line_had_section && out.find_first_not_of(" \t", line_start) == std::string::npos;
        if (blank)
            out.resize(line_start);
        else if (newline)
            out.append(*newline);
        line_start = out.size();
        line_had_section = false;
    }

    void value(const Json& v, bool escape) {
        if (v.is_string()) {
            const auto& text = v.get_ref<const std::string&>();
            if (escape)
                append_escaped(out, text);
            else
                out.append(text);
        } else if (v.is_number_integer()) {
            std::array<char, 24> digits{};
            auto end = v.is_number_unsigned()
                           ? std::to_chars(digits.begin(), digits.end(), v.get<std::uint64_t>()).ptr
                           : std::to_chars(digits.begin(), digits.end(), v.get<std::int64_t>()).ptr;
            out.append(digits.data(), end);
        } else if (v.is_number()) {
            out.append(v.dump());  // as the view's JSON writes it
        }
    }

    void section(const Node& node, const Json* v) {
        auto body = [&](const Json* item) {
            line_had_section = true;
            if (item) stack.push_back(item);
            render(node.children);
            if (item) stack.pop_back();
            line_had_section = true;
        };
        if (v && v->is_array() && !v->empty()) {
            for (const auto& item : *v) body(&item);
        } else {
            body(v);
        }
    }

    void render(const std::vector<Node>& nodes) {
        for (const auto& node : nodes) {
            switch (node.kind) {
                case Node::Kind::text:
                    out.append(node.text);
                    break;
                case Node::Kind::newline:
                    end_line(&node.text);
                    break;
                case Node::Kind::variable:
                case Node::Kind::unescaped:
                    if (const Json* v = lookup(node)) value(*v, node.kind == Node::Kind::variable);
                    break;
                case Node::Kind::section:
                    if (const Json* v = lookup(node); v && !is_falsy(*v)) section(node, v);
                    break;
                case Node::Kind::inverted:
                    if (const Json* v = lookup(node); !v || is_falsy(*v)) section(node, v);
                    break;
                case Node::Kind::partial:
                    if (node.partial) render(node.partial->nodes_);
                    break;
            }
        }
    }
};

CompiledTemplate::CompiledTemplate(std::string_view source) {
    std::vector<std::vector<Node>*> open{&nodes_};
    std::vector<std::string> open_names;
    std::size_t at = 0;
    while (at < source.size()) {
        auto tag = source.find("{{", at);
        add_text(*open.back(), source.substr(at, tag == std::string_view::npos ? tag : tag - at));
        if (tag == std::string_view::npos) break;
        std::size_t contents = tag + 2;
        bool triple = contents < source.size() && source[contents] == '{';
        if (triple) ++contents;
        auto close = source.find(triple ? "}}}" : "}}", contents);
        if (close == std::string_view::npos) refuse("Unclosed tag", tag);
        auto inside = trim_space(source.substr(contents, close - contents));
        at = close + (triple ? 3 : 2);
        auto& nodes = *open.back();
        if (triple) {
            nodes.push_back(named(Node::Kind::unescaped, inside));
            continue;
        }
        char sigil = inside.empty() ? '\0' : inside.front();
        auto name = trim_space(inside.empty() ? inside : inside.substr(1));
        switch (sigil) {
            case '!':
                break;
            case '=':
                refuse("Changing the delimiters is not supported", tag);
            case '#':
            case '^':
                nodes.push_back(
                    named(sigil == '#' ? Node::Kind::section : Node::Kind::inverted, name));
                open.push_back(&nodes.back().children);
                open_names.emplace_back(name);
                break;
            case '/':
                if (open_names.empty() || open_names.back() != name)
                    refuse("Unopened section \"" + std::string(name) + "\"", tag);
                open.pop_back();
                open_names.pop_back();
                break;
            case '>':
                nodes.push_back({.kind = Node::Kind::partial, .text = std::string(name)});
                break;
            case '&':
                nodes.push_back(named(Node::Kind::unescaped, name));
                break;
            default:
                nodes.push_back(named(Node::Kind::variable, inside));
        }
    }
    if (!open_names.empty()) refuse("Unclosed section \"" + open_names.back() + "\"", at);
}

CompiledTemplate::~CompiledTemplate() = default;
CompiledTemplate::CompiledTemplate(CompiledTemplate&&) noexcept = default;
CompiledTemplate& CompiledTemplate::operator=(CompiledTemplate&&) noexcept = default;

void CompiledTemplate::link(std::vector<Node>& nodes, const FindPartial& find) {
    for (auto& node : nodes) {
        if (node.kind == Node::Kind::partial) node.partial = find(node.text);
        link(node.children, find);
    }
}

void CompiledTemplate::render(const nlohmann::json& view, std::string& out,
                              const nlohmann::json* outer) const {
    Renderer renderer{.out = out, .line_start = out.size(), .stack = {&view}};
    if (outer) renderer.stack.insert(renderer.stack.begin(), outer);
    renderer.render(nodes_);
    renderer.end_line(nullptr);
}

}  // namespace sendhub
