#include <algorithm>

#include "lint/rule.h"
#include "lint/rule_docs.h"

namespace vpclint {

namespace {
std::vector<std::function<std::unique_ptr<Rule>()>>& factories() {
  static std::vector<std::function<std::unique_ptr<Rule>()>> f;
  return f;
}
}  // namespace

detail::RuleRegistrar::RuleRegistrar(std::function<std::unique_ptr<Rule>()> make) {
  factories().push_back(std::move(make));
}

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    for (auto& make : factories()) r.push_back(make());
    std::sort(r.begin(), r.end(), [](const auto& a, const auto& b) { return a->meta().id < b->meta().id; });
    return r;
  }();
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const auto& r : all_rules())
    if (r->meta().id == id) return r.get();
  return nullptr;
}

const std::vector<std::string_view>& rule_ids() {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> v;
    for (const auto& r : all_rules()) v.push_back(r->meta().id);
    return v;
  }();
  return ids;
}

std::string_view rule_doc(std::string_view id) {
  for (const auto& d : rule_docs())
    if (d.id == id) return d.markdown;
  return {};
}

Finding& FindingSink::report(const Node* at, std::string message, std::string_view resource) {
  Finding& f = report(at ? at->pos : Position{1, 1}, std::move(message), resource);
  if (at) f.path = property_path(at);
  constexpr std::string_view kResources = "Resources/";
  if (f.resource.empty() && f.path.starts_with(kResources)) {
    size_t end = f.path.find('/', kResources.size());
    f.resource =
        f.path.substr(kResources.size(), end == std::string::npos ? std::string::npos : end - kResources.size());
  }
  return f;
}

Finding& FindingSink::report(Position at, std::string message, std::string_view resource) {
  Finding f;
  f.rule = std::string(meta_.id);
  f.severity = meta_.severity;
  f.message = std::move(message);
  f.file = model_.source().path();
  f.pos = at ? at : Position{1, 1};
  f.resource = std::string(resource);
  f.fix = std::string(meta_.fix);
  out_.push_back(std::move(f));
  return out_.back();
}

}  // namespace vpclint
