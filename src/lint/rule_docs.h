#pragma once
#include <string_view>
#include <vector>

namespace vpclint {

struct RuleDoc {
  std::string_view id;
  std::string_view markdown;
};

// docs/rules/*.md, embedded at build time (see cmake/EmbedDocs.cmake).
const std::vector<RuleDoc>& rule_docs();
std::string_view rule_doc(std::string_view id);

}  // namespace vpclint
