// The rule listings printed by --list-rules, generated from the registry (all_rules()).
#pragma once
#include <ostream>

namespace vpclint {

// Text: "ID  severity name" and the summary on the next line, one rule after another.
void write_rule_list_text(std::ostream& out);
// Markdown: the table `| id | name | default | what it finds |` that README.md embeds between
// <!-- rules:begin --> and <!-- rules:end --> (`make readme-rules` rewrites it).
void write_rule_list_markdown(std::ostream& out);

}  // namespace vpclint
