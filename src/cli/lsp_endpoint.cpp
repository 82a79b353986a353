#include "cli/lsp_endpoint.h"

#include <cctype>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "analysis/aws_services.h"
#include "loader/loader.h"
#include "model/template.h"

namespace vpclint {

using nlohmann::json;

namespace {

// The logical ids a list of `!Ref X` names; empty when any item is something else.
std::vector<std::string> refs_of(const Node* list) {
  std::vector<std::string> out;
  if (!list || !list->is_seq()) return {};
  for (const Node* item : list->items()) {
    if (!item->is_intrinsic(Fn::Ref) || !item->arg || !item->arg->is_scalar()) return {};
    out.emplace_back(item->arg->text());
  }
  return out;
}

std::string ref_list(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const std::string& id : ids) out += (out.size() > 1 ? ", !Ref " : "!Ref ") + id;
  return out + "]";
}

// A logical id the template does not use yet: `base`, else base2, base3...
std::string free_id(const Template& model, const std::string& base) {
  std::string id = base;
  for (int n = 2; model.resource(id); ++n) id = base + std::to_string(n);
  return id;
}

size_t indent_of(std::string_view line) {
  return line.find_first_not_of(' ') == std::string_view::npos ? 0 : line.find_first_not_of(' ');
}

}  // namespace

std::string endpoint_service_for(const Finding& f) {
  if (f.rule == "N101") return "lambda";
  if (f.rule != "N102") return {};
  // "its calls to Kinesis Data Streams (kinesis:* on *, ...)": the first action names the service.
  size_t open = f.message.find(" (", f.message.find("its calls to "));
  if (open == std::string::npos) return {};
  size_t end = f.message.find_first_of(" ,)", open + 2);
  std::string action = f.message.substr(open + 2, end == std::string::npos ? std::string::npos : end - open - 2);
  if (action.find(':') == std::string::npos) return {};
  ServiceEndpoint service = service_of_action(action);
  return service.gateway_capable ? std::string() : service.endpoint;
}

json endpoint_insertion(const Finding& f, const std::string& service, const std::string& path, std::string_view text) {
  Document doc = load_document(path, std::string(text));
  if (doc.unparsable) return nullptr;
  Template model(doc);
  const Resource* fn = model.resource(f.resource);
  const Node* vpc_config = fn ? fn->property("VpcConfig") : nullptr;
  if (!vpc_config || !vpc_config->is_map()) return nullptr;
  std::vector<std::string> subnets = refs_of(vpc_config->get("SubnetIds"));
  std::vector<std::string> groups = refs_of(vpc_config->get("SecurityGroupIds"));
  const Resource* subnet = subnets.empty() ? nullptr : model.resource(subnets.front());
  const Node* vpc = subnet ? subnet->property("VpcId") : nullptr;
  if (groups.empty() || !vpc || !vpc->is_intrinsic(Fn::Ref) || !vpc->arg || !vpc->arg->is_scalar()) return nullptr;
  std::string vpc_ref = "!Ref " + std::string(vpc->arg->text());

  // Indentation as the file has it: resources at the function's key, each level one step more.
  const SourceText& source = *doc.source;
  size_t base = fn->key->pos.column - 1;
  size_t step = fn->node && fn->node->pos.line > fn->key->pos.line ? fn->node->pos.column - 1 - base : 2;
  if (step == 0) step = 2;
  std::string r(base, ' '), p1(base + step, ' '), p2(base + 2 * step, ' '), p3(base + 3 * step, ' ');
  std::string prefix;  // "kinesis-streams" -> KinesisStreams
  for (size_t i = 0; i < service.size(); ++i) {
    if (service[i] == '-' || service[i] == '.') continue;
    bool word_start = i == 0 || service[i - 1] == '-' || service[i - 1] == '.';
    prefix += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(service[i]))) : service[i];
  }
  std::string group_id = free_id(model, prefix + "EndpointSecurityGroup");
  std::string endpoint_id = free_id(model, prefix + "Endpoint");
  std::string snippet = r + group_id + ":\n" + p1 + "Type: AWS::EC2::SecurityGroup\n" + p1 + "Properties:\n" + p2 +
                        "GroupDescription: HTTPS from " + f.resource + " to the " + service + " endpoint\n" + p2 +
                        "VpcId: " + vpc_ref + "\n" + p2 + "SecurityGroupIngress:\n";
  for (const std::string& g : groups)
    snippet += p3 + "- {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref " + g + "}\n";
  snippet += "\n" + r + endpoint_id + ":\n" + p1 + "Type: AWS::EC2::VPCEndpoint\n" + p1 + "Properties:\n" + p2 +
             "VpcId: " + vpc_ref + "\n" + p2 + "ServiceName: !Sub com.amazonaws.${AWS::Region}." + service + "\n" + p2 +
             "VpcEndpointType: Interface\n" + p2 + "PrivateDnsEnabled: true\n" + p2 +
             "SubnetIds: " + ref_list(subnets) + "\n" + p2 + "SecurityGroupIds: [!Ref " + group_id + "]\n";

  // The end of Resources: its last line with content indented below the top level.
  uint32_t resources_line = 0, last = 0;
  for (uint32_t l = 1; l <= source.line_count(); ++l) {
    std::string_view line = source.line_text(l);
    size_t content = line.find_first_not_of(" \t\r");
    if (content == std::string_view::npos || line[content] == '#') continue;
    if (indent_of(line) == 0) {
      if (resources_line && last) break;
      if (line.starts_with("Resources:")) resources_line = l;
      continue;
    }
    if (resources_line) last = l;
  }
  if (!last) return nullptr;
  json at = {{"line", last}, {"character", 0}};
  std::string insert = "\n" + snippet;
  if (last == source.line_count() && !text.ends_with('\n')) {  // the last line has no newline to follow
    at = {{"line", last - 1}, {"character", std::numeric_limits<int32_t>::max()}};
    insert = "\n\n" + snippet;
  }
  return {{"range", {{"start", at}, {"end", at}}}, {"newText", insert}};
}

}  // namespace vpclint
