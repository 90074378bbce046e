#include "adapter/template_check.hpp"

#include <algorithm>
#include <stdexcept>

namespace sendhub {
namespace {

enum class TagKind { variable, section, inverted, end, partial, comment };

struct Tag {
    TagKind kind = TagKind::variable;
    std::string name;
    std::size_t end = 0;  // just past the closing braces
};

std::string trimmed(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

//! The next tag at or after `from`, or nullopt at the end of the text.
std::optional<Tag> next_tag(std::string_view text, std::size_t from, std::size_t& start) {
    start = text.find("{{", from);
    if (start == std::string_view::npos) return std::nullopt;
    bool triple = text.substr(start).starts_with("{{{");
    std::string_view close = triple ? "}}}" : "}}";
    std::size_t inner = start + (triple ? 3 : 2);
    std::size_t stop = text.find(close, inner);
    if (stop == std::string_view::npos) throw std::runtime_error("an unclosed mustache tag");
    std::string body = trimmed(text.substr(inner, stop - inner));
    Tag tag{.end = stop + close.size()};
    if (triple || body.empty()) {
        tag.name = body;
        return tag;
    }
    switch (body.front()) {
        case '#':
            tag.kind = TagKind::section;
            break;
        case '^':
            tag.kind = TagKind::inverted;
            break;
        case '/':
            tag.kind = TagKind::end;
            break;
        case '>':
            tag.kind = TagKind::partial;
            break;
        case '!':
            tag.kind = TagKind::comment;
            break;
        case '&':
            break;
        case '=':
            throw std::runtime_error("changed mustache delimiters are not supported");
        default:
            tag.name = body;
            return tag;
    }
    tag.name = trimmed(std::string_view(body).substr(1));
    return tag;
}

//! Where a section's body ends: the position of its matching {{/name}}, and past it.
std::pair<std::size_t, std::size_t> section_end(std::string_view text, std::size_t from,
                                                const std::string& name) {
    int depth = 1;
    std::size_t at = from;
    std::size_t start = 0;
    while (auto tag = next_tag(text, at, start)) {
        if ((tag->kind == TagKind::section || tag->kind == TagKind::inverted) && tag->name == name)
            ++depth;
        if (tag->kind == TagKind::end && tag->name == name && --depth == 0)
            return {start, tag->end};
        at = tag->end;
    }
    throw std::runtime_error("section " + name + " is not closed");
}

class Checker {
  public:
    Checker(const PartialSource& partials, std::vector<std::string>& missing)
        : partials_(partials), missing_(missing) {}

    void walk(std::string_view text, std::vector<const nlohmann::json*>& stack,
              const std::string& path, int depth) {
        if (depth > 16) throw std::runtime_error("partials nest too deeply");
        std::size_t at = 0;
        std::size_t start = 0;
        while (auto tag = next_tag(text, at, start)) {
            at = tag->end;
            switch (tag->kind) {
                case TagKind::comment:
                case TagKind::end:
                    break;
                case TagKind::variable:
                    if (!resolve(stack, tag->name)) report(path, tag->name);
                    break;
                case TagKind::partial: {
                    auto source = partials_(tag->name);
                    if (!source)
                        report(path, "> " + tag->name);
                    else
                        walk(*source, stack, path, depth + 1);
                    break;
                }
                case TagKind::section:
                case TagKind::inverted: {
                    auto [body_end, after] = section_end(text, tag->end, tag->name);
                    std::string_view body = text.substr(tag->end, body_end - tag->end);
                    at = after;
                    const nlohmann::json* value = resolve(stack, tag->name);
                    if (!value) {
                        report(path, tag->name);
                        break;
                    }
                    std::string inner = path.empty() ? tag->name : path + " > " + tag->name;
                    if (tag->kind == TagKind::inverted) {
                        if (!truthy(*value)) walk(body, stack, inner, depth);
                    } else if (value->is_array()) {
                        for (const auto& item : *value) {
                            stack.push_back(&item);
                            walk(body, stack, inner, depth);
                            stack.pop_back();
                        }
                    } else if (truthy(*value)) {
                        stack.push_back(value);
                        walk(body, stack, inner, depth);
                        stack.pop_back();
                    }
                    break;
                }
            }
        }
    }

  private:
    static bool truthy(const nlohmann::json& value) {
        if (value.is_null()) return false;
        if (value.is_boolean()) return value.get<bool>();
        if (value.is_array()) return !value.empty();
        return true;
    }

    //! Mustache name lookup: the first part from the innermost context outwards, the rest
    //! inside what it found.
    static const nlohmann::json* resolve(const std::vector<const nlohmann::json*>& stack,
                                         std::string_view name) {
        if (name == ".") return stack.back();
        auto dot = name.find('.');
        std::string first(name.substr(0, dot));
        const nlohmann::json* found = nullptr;
        for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) {
            if ((*it)->is_object()) {
                auto item = (*it)->find(first);
                if (item != (*it)->end()) found = &*item;
            }
        }
        while (found && dot != std::string_view::npos) {
            auto next = name.find('.', dot + 1);
            std::string part(name.substr(
                dot + 1, next == std::string_view::npos ? std::string_view::npos : next - dot - 1));
            dot = next;
            if (!found->is_object()) return nullptr;
            auto item = found->find(part);
            found = item == found->end() ? nullptr : &*item;
        }
        return found;
    }

    void report(const std::string& path, const std::string& name) {
        std::string key = path.empty() ? name : path + " > " + name;
        if (std::ranges::find(missing_, key) == missing_.end()) missing_.push_back(key);
    }

    const PartialSource& partials_;
    std::vector<std::string>& missing_;
};

}  // namespace

std::vector<std::string> missing_template_keys(std::string_view source, const nlohmann::json& view,
                                               const PartialSource& partials) {
    std::vector<std::string> missing;
    std::vector<const nlohmann::json*> stack{&view};
    Checker(partials, missing).walk(source, stack, "", 0);
    return missing;
}

}  // namespace sendhub
