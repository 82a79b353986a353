#include "analysis/cidr.h"

namespace vpclint {

std::optional<Cidr> Cidr::parse(std::string_view text) {
  uint32_t addr = 0;
  int octets = 0;
  size_t i = 0;
  while (octets < 4) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return std::nullopt;
    uint32_t v = 0;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4)
      v = v * 10 + static_cast<uint32_t>(text[i++] - '0'), ++digits;
    if (v > 255 || digits > 3) return std::nullopt;
    addr = addr << 8 | v;
    ++octets;
    if (octets < 4) {
      if (i >= text.size() || text[i] != '.') return std::nullopt;
      ++i;
    }
  }
  uint32_t prefix = 32;
  if (i < text.size()) {
    if (text[i++] != '/' || i >= text.size()) return std::nullopt;
    prefix = 0;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 3)
      prefix = prefix * 10 + static_cast<uint32_t>(text[i++] - '0'), ++digits;
    if (i != text.size() || prefix > 32 || digits == 0) return std::nullopt;
  }
  Cidr c;
  c.prefix = static_cast<uint8_t>(prefix);
  c.address = prefix == 0 ? 0 : addr & (~0u << (32 - prefix));
  return c;
}

bool Cidr::contains(const Cidr& inner) const {
  if (inner.prefix < prefix) return false;
  if (prefix == 0) return true;
  uint32_t mask = ~0u << (32 - prefix);
  return (inner.address & mask) == address;
}

const std::vector<Cidr>& non_public_blocks() {
  static const std::vector<Cidr> blocks = [] {
    std::vector<Cidr> out;
    for (const char* text : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                             "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4"})
      out.push_back(*Cidr::parse(text));
    return out;
  }();
  return blocks;
}

bool is_non_public(const Cidr& c) {
  for (const Cidr& b : non_public_blocks())
    if (b.contains(c)) return true;
  return false;
}

}  // namespace vpclint
