#include "vpc_config/vpc_variants.h"

#include "analysis/facts.h"

namespace vpclint {

void report_vpc_variants(const LintContext& ctx, FindingSink& sink, const VariantCheck& check) {
  for (const FunctionVpc& fn : ctx.facts.functions.functions()) {
    std::set<std::string> seen;
    for (const VpcAttachment& v : fn.variants) {
      if (!v.attached()) continue;
      const Node* at = nullptr;
      std::vector<Note> notes;
      std::string message = check(fn, v, at, notes);
      if (message.empty()) continue;
      std::string when = v.guard.describe();
      if (!when.empty()) message = when + ", " + message;
      if (!seen.insert(message).second) continue;
      Finding& f = sink.report(at ? at : v.property_key(), message, fn.function->logical_id);
      if (v.from_globals)
        f.notes.push_back(
            {"VpcConfig inherited from Globals by " + std::string(fn.function->logical_id), fn.function->key->pos});
      f.notes.insert(f.notes.end(), notes.begin(), notes.end());
    }
  }
}

}  // namespace vpclint
