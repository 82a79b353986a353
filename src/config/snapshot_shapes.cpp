// The other files of a snapshot, in the shapes the AWS CLI prints (`--output json`) as the service
// APIs define them: security groups, prefix lists and VPC attributes (EC2), exports and stacks
// (CloudFormation), parameters (SSM) and vpclint's own manifest. Unknown members are skipped.
#include "config/snapshot_parts.h"

namespace vpclint::snapshot_detail {

namespace {

// SecurityGroups[]: IpPermissions and IpPermissionsEgress, each permission with its sources.
class SecurityGroupReader final : public ObjectReader {
 public:
  explicit SecurityGroupReader(Snapshot& out) : out_(out) {}
  void begin() override { g_ = {}; }
  Sink member(std::string_view key) override {
    if (key == "GroupId") return id(g_.id);
    if (key == "GroupName") return text(g_.name);
    if (key == "VpcId") return text(g_.vpc);
    if (key == "IpPermissions") return permissions(g_.ingress);
    if (key == "IpPermissionsEgress") return permissions(g_.egress);
    return skip();
  }
  void end() override {
    require(g_.id, "GroupId");
    keep(out_.security_groups, g_);
  }

 private:
  class Permission final : public ObjectReader {
   public:
    Permission() {
      cidr_.into = &r_.cidrs;
      cidr6_.into = &r_.ipv6_cidrs;
      prefix_list_.into = &r_.prefix_lists;
      group_.into = &r_.groups;
    }
    void begin() override { r_ = {}; }
    Sink member(std::string_view key) override {
      if (key == "IpProtocol") return text(r_.protocol);
      if (key == "FromPort") return integer(r_.from);
      if (key == "ToPort") return integer(r_.to);
      if (key == "IpRanges") return objects(cidr_);
      if (key == "Ipv6Ranges") return objects(cidr6_);
      if (key == "PrefixListIds") return objects(prefix_list_);
      if (key == "UserIdGroupPairs") return objects(group_);  // a pair may name its group by GroupName alone
      return skip();
    }
    void end() override { into->push_back(std::move(r_)); }
    std::vector<SnapSgRule>* into = nullptr;

   private:
    SnapSgRule r_;
    PickEach cidr_{"CidrIp"}, cidr6_{"CidrIpv6"}, prefix_list_{"PrefixListId"}, group_{"GroupId"};
  };

  Sink permissions(std::vector<SnapSgRule>& into) {
    permission_.into = &into;
    return objects(permission_);
  }

  Snapshot& out_;
  SnapSecurityGroup g_;
  Permission permission_;
};

class PrefixListReader final : public ObjectReader {
 public:
  explicit PrefixListReader(Snapshot& out) : out_(out) {}
  void begin() override { p_ = {}; }
  Sink member(std::string_view key) override {
    if (key == "PrefixListId") return id(p_.id);
    if (key == "PrefixListName") return text(p_.name);
    return skip();
  }
  void end() override {
    require(p_.id, "PrefixListId");
    keep(out_.prefix_lists, p_);
  }

 private:
  Snapshot& out_;
  SnapPrefixList p_;
};

// {"VpcId": "vpc-1", "EnableDnsSupport": {"Value": true}}: describe-vpc-attribute's output. The
// VPC must be the one the file's name gives, so a misnamed copy cannot speak for another VPC.
class AttributeFile final : public ObjectReader {
 public:
  AttributeFile(std::string_view key, SnapshotPart& out) : key_(key), out_(out) {}
  Sink member(std::string_view key) override {
    if (key == "VpcId") return id(vpc_);
    if (key != key_) return skip();
    seen_ = true;
    return object(value_);
  }
  void end() override {
    require(vpc_, "VpcId");
    if (!seen_) missing(key_);
    if (!out_.vpc.empty() && vpc_ != out_.vpc)
      throw ShapeError{"\"" + vpc_ + "\" is not " + out_.vpc + ", the VPC the file's name gives", "VpcId", {}};
    out_.vpc = vpc_;
    out_.attribute = *value_.value;
  }

 private:
  class Value final : public ObjectReader {
   public:
    Sink member(std::string_view key) override { return key == "Value" ? flag(value) : skip(); }
    void end() override {
      if (!value) missing("Value");
    }
    std::optional<bool> value;
  };

  std::string_view key_;
  SnapshotPart& out_;
  std::string vpc_;
  bool seen_ = false;
  Value value_;
};

// Exports[] (by Name) and SSM Parameters[] (by Name): a value and, for SSM, its type.
class ValueReader final : public ObjectReader {
 public:
  ValueReader(bool ssm, std::unordered_map<std::string, SnapValue>& out) : ssm_(ssm), out_(out) {}
  void begin() override {
    name_.clear();
    v_ = {};
  }
  Sink member(std::string_view key) override {
    if (key == "Name") return id(name_);
    if (key == "Value") return text(v_.value);
    if (ssm_ && key == "Type") return text(v_.type);
    return skip();
  }
  void end() override {
    require(name_, "Name");
    if (!ssm_) require(v_.value, "Value");  // CloudFormation has no empty output value
    out_.try_emplace(std::move(name_), std::move(v_));
  }

 private:
  bool ssm_;
  std::unordered_map<std::string, SnapValue>& out_;
  std::string name_;
  SnapValue v_;
};

// Stacks[]: the parameter values (with an SSM parameter's ResolvedValue) and the outputs.
class StackReader final : public ObjectReader {
 public:
  explicit StackReader(Snapshot& out) : out_(out) {}
  void begin() override { s_ = {}; }
  Sink member(std::string_view key) override {
    if (key == "StackName") return id(s_.name);
    if (key == "StackId") return text(s_.id);
    if (key == "Parameters") return objects(parameter_);
    if (key == "Outputs") return objects(output_);
    return skip();
  }
  void end() override {
    require(s_.name, "StackName");
    std::string name = s_.name;
    out_.stacks.try_emplace(std::move(name), std::move(s_));
  }

 private:
  class Parameter final : public ObjectReader {
   public:
    explicit Parameter(SnapStack& s) : s_(s) {}
    void begin() override {
      key_.clear();
      p_ = {};
    }
    Sink member(std::string_view key) override {
      if (key == "ParameterKey") return id(key_);
      if (key == "ParameterValue") return text(p_.value);
      if (key == "ResolvedValue") return text(p_.resolved);
      return skip();
    }
    void end() override {
      require(key_, "ParameterKey");
      s_.parameters.try_emplace(std::move(key_), std::move(p_));
    }

   private:
    SnapStack& s_;
    std::string key_;
    SnapStackParameter p_;
  };

  class Output final : public ObjectReader {
   public:
    explicit Output(SnapStack& s) : s_(s) {}
    void begin() override {
      key_.clear();
      value_.clear();
    }
    Sink member(std::string_view key) override {
      if (key == "OutputKey") return id(key_);
      if (key == "OutputValue") return text(value_);
      return skip();
    }
    void end() override {
      require(key_, "OutputKey");
      s_.outputs.try_emplace(std::move(key_), std::move(value_));
    }

   private:
    SnapStack& s_;
    std::string key_, value_;
  };

  Snapshot& out_;
  SnapStack s_;
  Parameter parameter_{s_};
  Output output_{s_};
};

// manifest.json, which `vpclint snapshot` writes: every key optional.
class ManifestReader final : public ObjectReader {
 public:
  explicit ManifestReader(Snapshot& out) : out_(out) {}
  Sink member(std::string_view key) override {
    if (key == "account") return text(m_.account);
    if (key == "region") return text(m_.region);
    if (key == "taken") return text(m_.taken);
    if (key == "cli_version") return text(m_.cli_version);
    return skip();
  }
  void end() override { out_.manifest = std::move(m_); }

 private:
  Snapshot& out_;
  SnapshotManifest m_;
};

}  // namespace

std::optional<JsonProblem> read_part(FileKind kind, std::string_view text, SnapshotPart& out) {
  Snapshot& d = out.data;
  switch (kind) {
    case FileKind::SecurityGroups: {
      SecurityGroupReader element(d);
      ListFile root("SecurityGroups", element);
      return read_json(text, root);
    }
    case FileKind::PrefixLists: {
      PrefixListReader element(d);
      ListFile root("PrefixLists", element);
      return read_json(text, root);
    }
    case FileKind::DnsSupport: {
      AttributeFile root("EnableDnsSupport", out);
      return read_json(text, root);
    }
    case FileKind::DnsHostnames: {
      AttributeFile root("EnableDnsHostnames", out);
      return read_json(text, root);
    }
    case FileKind::Exports: {
      ValueReader element(false, d.exports);
      ListFile root("Exports", element);
      return read_json(text, root);
    }
    case FileKind::Stacks: {
      StackReader element(d);
      ListFile root("Stacks", element);
      return read_json(text, root);
    }
    case FileKind::Ssm: {
      ValueReader element(true, d.ssm);
      ListFile root("Parameters", element);
      return read_json(text, root);
    }
    case FileKind::Manifest: {
      ManifestReader root(d);
      return read_json(text, root);
    }
    default: return read_network_part(kind, text, out);
  }
}

}  // namespace vpclint::snapshot_detail
