// The network files of a snapshot, in the shapes the AWS CLI prints (`--output json`) as the EC2
// API defines them: which members each record keeps. Unknown members are skipped; ids are required.
#include <algorithm>

#include "config/snapshot_parts.h"

namespace vpclint::snapshot_detail {

namespace {

// Vpcs[]: CidrBlock and the CidrBlockAssociationSet entries in state "associated" (or none).
class VpcReader final : public ObjectReader {
 public:
  explicit VpcReader(Snapshot& out) : out_(out) {}
  void begin() override {
    v_ = {};
    primary_.clear();
    blocks_.clear();
  }
  Sink member(std::string_view key) override {
    if (key == "VpcId") return id(v_.id);
    if (key == "CidrBlock") return text(primary_);
    if (key == "CidrBlockAssociationSet") return objects(block_);
    return skip();
  }
  void end() override {
    require(v_.id, "VpcId");
    if (!primary_.empty()) v_.cidrs.push_back(primary_);
    for (std::string& b : blocks_)
      if (std::find(v_.cidrs.begin(), v_.cidrs.end(), b) == v_.cidrs.end()) v_.cidrs.push_back(std::move(b));
    keep(out_.vpcs, v_);
  }

 private:
  class Block final : public ObjectReader {
   public:
    explicit Block(std::vector<std::string>& into) : into_(into) {}
    void begin() override { cidr_.clear(); }
    Sink member(std::string_view key) override {
      if (key == "CidrBlock") return text(cidr_);
      if (key == "CidrBlockState") return object(state_);
      return skip();
    }
    void end() override {
      if (!cidr_.empty() && (state_.value.empty() || state_.value == "associated")) into_.push_back(cidr_);
      state_.value.clear();
    }

   private:
    std::vector<std::string>& into_;
    std::string cidr_;
    PickOne state_{"State"};
  };

  Snapshot& out_;
  SnapVpc v_;
  std::string primary_;
  std::vector<std::string> blocks_;
  Block block_{blocks_};
};

class SubnetReader final : public ObjectReader {
 public:
  explicit SubnetReader(Snapshot& out) : out_(out) {}
  void begin() override { s_ = {}; }
  Sink member(std::string_view key) override {
    if (key == "SubnetId") return id(s_.id);
    if (key == "VpcId") return text(s_.vpc);
    if (key == "AvailabilityZone") return text(s_.az);
    if (key == "CidrBlock") return text(s_.cidr);
    return skip();
  }
  void end() override {
    require(s_.id, "SubnetId");
    require(s_.vpc, "VpcId");
    keep(out_.subnets, s_);
  }

 private:
  Snapshot& out_;
  SnapSubnet s_;
};

// The route targets, in the order SnapRoute::target_kind takes the first present.
constexpr std::string_view kTargets[] = {"GatewayId",
                                         "NatGatewayId",
                                         "TransitGatewayId",
                                         "VpcPeeringConnectionId",
                                         "NetworkInterfaceId",
                                         "InstanceId",
                                         "EgressOnlyInternetGatewayId",
                                         "CarrierGatewayId",
                                         "LocalGatewayId",
                                         "CoreNetworkArn"};
constexpr size_t kTargetCount = std::size(kTargets);

// RouteTables[]: explicit subnet associations, the main flag, the routes; and, once the table
// closes (its id and VPC may come after them), the derived subnet -> table and VPC -> main maps.
class RouteTableReader final : public ObjectReader {
 public:
  explicit RouteTableReader(Snapshot& out) : out_(out) {}
  void begin() override { t_ = {}; }
  Sink member(std::string_view key) override {
    if (key == "RouteTableId") return id(t_.id);
    if (key == "VpcId") return text(t_.vpc);
    if (key == "Associations") return objects(association_);
    if (key == "Routes") return objects(route_);
    return skip();
  }
  void end() override {
    require(t_.id, "RouteTableId");
    require(t_.vpc, "VpcId");
    if (out_.route_tables.count(t_.id)) return;  // a repeated id: the first one stands
    if (t_.main) out_.main_table_of_vpc.try_emplace(t_.vpc, t_.id);
    for (const std::string& s : t_.subnets) out_.table_of_subnet.try_emplace(s, t_.id);
    keep(out_.route_tables, t_);
  }

 private:
  class Association final : public ObjectReader {
   public:
    explicit Association(SnapRouteTable& t) : t_(t) {}
    void begin() override {
      main_ = false;
      subnet_.clear();
      state_.value.clear();
    }
    Sink member(std::string_view key) override {
      if (key == "Main") return flag(main_);
      if (key == "SubnetId") return text(subnet_);
      if (key == "AssociationState") return object(state_);
      return skip();  // GatewayId: an edge association, which routes traffic coming in
    }
    void end() override {
      t_.main = t_.main || main_;
      if (!subnet_.empty() && (state_.value.empty() || state_.value == "associated")) t_.subnets.push_back(subnet_);
    }

   private:
    SnapRouteTable& t_;
    bool main_ = false;
    std::string subnet_;
    PickOne state_{"State"};
  };

  class Route final : public ObjectReader {
   public:
    explicit Route(SnapRouteTable& t) : t_(t) {}
    void begin() override {
      r_ = {};
      state_.clear();
      for (std::string& s : targets_) s.clear();
    }
    Sink member(std::string_view key) override {
      if (key == "DestinationCidrBlock") return text(r_.destination);
      if (key == "DestinationIpv6CidrBlock") return text(r_.destination_ipv6);
      if (key == "DestinationPrefixListId") return text(r_.destination_prefix_list);
      if (key == "State") return text(state_);
      for (size_t i = 0; i < kTargetCount; ++i)
        if (key == kTargets[i]) return text(targets_[i]);
      return skip();
    }
    void end() override {
      for (size_t i = 0; i < kTargetCount; ++i)
        if (!targets_[i].empty()) {
          r_.target_kind = kTargets[i];
          r_.target = std::move(targets_[i]);
          break;
        }
      r_.blackhole = state_ == "blackhole";
      t_.routes.push_back(std::move(r_));
    }

   private:
    SnapRouteTable& t_;
    SnapRoute r_;
    std::string state_;
    std::string targets_[kTargetCount];
  };

  Snapshot& out_;
  SnapRouteTable t_;
  Association association_{t_};
  Route route_{t_};
};

class NatGatewayReader final : public ObjectReader {
 public:
  explicit NatGatewayReader(Snapshot& out) : out_(out) {}
  void begin() override {
    n_ = {};
    connectivity_.clear();
  }
  Sink member(std::string_view key) override {
    if (key == "NatGatewayId") return id(n_.id);
    if (key == "SubnetId") return text(n_.subnet);
    if (key == "VpcId") return text(n_.vpc);
    if (key == "State") return text(n_.state);
    if (key == "ConnectivityType") return text(connectivity_);
    return skip();
  }
  void end() override {
    require(n_.id, "NatGatewayId");
    n_.private_nat = connectivity_ == "private";
    keep(out_.nat_gateways, n_);
  }

 private:
  Snapshot& out_;
  SnapNatGateway n_;
  std::string connectivity_;
};

// InternetGateways[] and EgressOnlyInternetGateways[]: the VPCs they are attached to. The CLI
// prints State "available" for an attached internet gateway, "attached" for an egress-only one.
class GatewayReader final : public ObjectReader {
 public:
  GatewayReader(std::string_view id_key, std::unordered_map<std::string, SnapGateway>& out)
      : id_key_(id_key), out_(out) {}
  void begin() override { g_ = {}; }
  Sink member(std::string_view key) override {
    if (key == id_key_) return id(g_.id);
    if (key == "Attachments") return objects(attachment_);
    return skip();
  }
  void end() override {
    require(g_.id, id_key_);
    keep(out_, g_);
  }

 private:
  class Attachment final : public ObjectReader {
   public:
    explicit Attachment(SnapGateway& g) : g_(g) {}
    void begin() override {
      vpc_.clear();
      state_.clear();
    }
    Sink member(std::string_view key) override {
      if (key == "VpcId") return text(vpc_);
      if (key == "State") return text(state_);
      return skip();
    }
    void end() override {
      if (!vpc_.empty() && (state_ == "available" || state_ == "attached")) g_.attached_vpcs.push_back(vpc_);
    }

   private:
    SnapGateway& g_;
    std::string vpc_, state_;
  };

  std::string_view id_key_;
  std::unordered_map<std::string, SnapGateway>& out_;
  SnapGateway g_;
  Attachment attachment_{g_};
};

class EndpointReader final : public ObjectReader {
 public:
  explicit EndpointReader(Snapshot& out) : out_(out) { group_.into = &e_.groups; }
  void begin() override { e_ = {}; }
  Sink member(std::string_view key) override {
    if (key == "VpcEndpointId") return id(e_.id);
    if (key == "VpcEndpointType") return text(e_.type);
    if (key == "VpcId") return text(e_.vpc);
    if (key == "ServiceName") return text(e_.service_name);
    if (key == "State") return text(e_.state);
    if (key == "PrivateDnsEnabled") return flag(e_.private_dns);
    if (key == "RouteTableIds") return strings(e_.route_tables);
    if (key == "SubnetIds") return strings(e_.subnets);
    if (key == "Groups") return objects(group_);
    return skip();
  }
  void end() override {
    require(e_.id, "VpcEndpointId");
    // The CLI prints "available", "pendingAcceptance"; the API reference spells them "Available".
    if (!e_.state.empty() && e_.state[0] >= 'A' && e_.state[0] <= 'Z') e_.state[0] = char(e_.state[0] - 'A' + 'a');
    keep(out_.endpoints, e_);
  }

 private:
  Snapshot& out_;
  SnapEndpoint e_;
  PickEach group_{"GroupId"};
};

}  // namespace

std::optional<JsonProblem> read_network_part(FileKind kind, std::string_view text, SnapshotPart& out) {
  Snapshot& d = out.data;
  switch (kind) {
    case FileKind::Vpcs: {
      VpcReader element(d);
      ListFile root("Vpcs", element);
      return read_json(text, root);
    }
    case FileKind::Subnets: {
      SubnetReader element(d);
      ListFile root("Subnets", element);
      return read_json(text, root);
    }
    case FileKind::RouteTables: {
      RouteTableReader element(d);
      ListFile root("RouteTables", element);
      return read_json(text, root);
    }
    case FileKind::NatGateways: {
      NatGatewayReader element(d);
      ListFile root("NatGateways", element);
      return read_json(text, root);
    }
    case FileKind::InternetGateways: {
      GatewayReader element("InternetGatewayId", d.internet_gateways);
      ListFile root("InternetGateways", element);
      return read_json(text, root);
    }
    case FileKind::EgressOnlyGateways: {
      GatewayReader element("EgressOnlyInternetGatewayId", d.egress_only_gateways);
      ListFile root("EgressOnlyInternetGateways", element);
      return read_json(text, root);
    }
    case FileKind::Endpoints: {
      EndpointReader element(d);
      ListFile root("VpcEndpoints", element);
      return read_json(text, root);
    }
    default: return JsonProblem{std::string_view::npos, "/", "not a network file"};  // read_part has the others
  }
}

}  // namespace vpclint::snapshot_detail
