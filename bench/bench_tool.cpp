// Helper for bench/run.sh:
//   bench_tool floor FILE...        parse each file with yaml-cpp's event parser, building nothing
//                                   (the floor vpclint is compared with); prints seconds
//   bench_tool generate N           a template with N functions, subnets, route tables and policies
//   bench_tool conditions N         a template with N conditions in nested !If across VpcConfig,
//                                   routes and policies (the shape that makes cfn-lint slow)
//   bench_tool project DIR N        a repository of N templates in DIR: network templates exporting
//                                   subnets, parents nesting app templates, apps importing the
//                                   exports (a quarter each), so every link kind is followed
//   bench_tool snapshot DIR [RUNS]  load the account snapshot DIR (bench/make_snapshot.py writes
//                                   one) RUNS times (default 5); prints the best and the median
//                                   time in seconds, then what was read
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "config/snapshot.h"

namespace {

struct Null : YAML::EventHandler {
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

int floor(int argc, char** argv) {
  auto start = std::chrono::steady_clock::now();
  size_t bytes = 0, failed = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    bytes += text.size();
    std::istringstream is(text);
    Null handler;
    try {
      YAML::Parser parser(is);
      while (parser.HandleNextDocument(handler)) {
      }
    } catch (const YAML::Exception&) {
      ++failed;
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.6f %zu %zu\n", s, bytes, failed);
  return 0;
}

void generate(int n) {
  std::cout << "Transform: AWS::Serverless-2016-10-31\nResources:\n"
               "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/8, EnableDnsHostnames: true}}\n"
               "  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: fn, VpcId: !Ref Vpc}}\n";
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    std::cout << "  Subnet" << id << ": {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10."
              << (i / 256) % 256 << "." << i % 256 << ".0/24, AvailabilityZone: !Select [" << i % 3
              << ", !GetAZs '']}}\n"
              << "  Table" << id << ": {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n"
              << "  Assoc" << id << ": {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet"
              << id << ", RouteTableId: !Ref Table" << id << "}}\n"
              << "  Fn" << id << ":\n    Type: AWS::Serverless::Function\n    Properties:\n"
              << "      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src/\n"
              << "      VpcConfig: {SubnetIds: [!Ref Subnet" << id << ", !Ref Subnet" << (i + 1) % n
              << "], SecurityGroupIds: [!Ref Sg]}\n"
              << "      Environment: {Variables: {NEXT: !Ref Fn" << (i + 1) % n << "}}\n"
              << "      Policies:\n        - LambdaInvokePolicy: {FunctionName: !Ref Fn" << (i + 1) % n << "}\n"
              << "        - Statement: [{Effect: Allow, Action: ['s3:GetObject', 'sqs:SendMessage'], Resource: '*'}]\n";
  }
}

void conditions(int n) {
  std::cout << "Transform: AWS::Serverless-2016-10-31\nParameters:\n";
  for (int i = 0; i < n; ++i) std::cout << "  P" << i << ": {Type: String, Default: 'no'}\n";
  std::cout << "Conditions:\n";
  for (int i = 0; i < n; ++i) std::cout << "  C" << i << ": !Equals [!Ref P" << i << ", 'yes']\n";
  // A value nested through every condition: !If [C0, a, !If [C1, b, ...]].
  auto nested = [&](const std::string& yes, const std::string& last) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "!If [C" + std::to_string(i) + ", " + yes + ", ";
    s += last;
    for (int i = 0; i < n; ++i) s += "]";
    return s;
  };
  std::cout
      << "Resources:\n"
         "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n"
         "  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n"
         "  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}\n"
         "  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n"
         "  AssocA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref A, RouteTableId: !Ref "
         "Rt}}\n"
         "  Route: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: "
      << nested("0.0.0.0/0", "10.9.0.0/16") << ", GatewayId: igw-0abc}}\n"
      << "  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: !Ref Vpc}}\n"
         "  Worker: {Type: AWS::Serverless::Function, Properties: {Handler: a, Runtime: python3.12, CodeUri: .}}\n"
         "  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a\n"
         "      Runtime: python3.12\n      CodeUri: .\n"
         "      VpcConfig: "
      << nested("{SubnetIds: [!Ref A, !Ref B], SecurityGroupIds: [!Ref Sg]}", "!Ref AWS::NoValue")
      << "\n      Policies:\n        - Statement: [{Effect: Allow, Action: "
      << nested("lambda:InvokeFunction", "s3:GetObject") << ", Resource: '*'}]\n";
}

}  // namespace

// One network template per group exports two subnets (one group in four has no NAT); its parent
// nests two apps with the subnets; a third app imports them by name.
void project(const std::string& dir, int n) {
  auto write = [&](const std::string& name, const std::string& text) { std::ofstream(dir + "/" + name) << text; };
  const std::string function =
      "  Worker:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: w.h, Runtime: python3.12, "
      "CodeUri: s/}\n  Caller:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: c.h\n"
      "      Runtime: python3.12\n      CodeUri: s/\n      Policies: [{LambdaInvokePolicy: {FunctionName: !Ref "
      "Worker}}]\n      VpcConfig:\n        SecurityGroupIds: [sg-0123]\n";
  for (int g = 0; g * 4 < n; ++g) {
    std::string id = std::to_string(g);
    std::string net = "Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n";
    net += "  Igw: {Type: AWS::EC2::InternetGateway}\n";
    net +=
        "  Att: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}\n";
    net += "  Pub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}\n";
    net += "  PubRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n";
    net +=
        "  PubDefault: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PubRt, DestinationCidrBlock: "
        "0.0.0.0/0, GatewayId: !Ref Igw}}\n";
    net +=
        "  PubAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Pub, RouteTableId: "
        "!Ref PubRt}}\n";
    net += "  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Pub}}\n";
    net += "  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n";
    if (g % 4 != 0)
      net +=
          "  Default: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: "
          "0.0.0.0/0, NatGatewayId: !Ref Nat}}\n";
    for (const char* s : {"A", "B"}) {
      net += std::string("  Subnet") + s + ": {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0." +
             (s[0] == 'A' ? "1" : "2") + ".0/24}}\n";
      net += std::string("  Assoc") + s +
             ": {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet" + s +
             ", RouteTableId: !Ref Rt}}\n";
    }
    net += "Outputs:\n  Subnets:\n    Value: !Join [',', [!Ref SubnetA, !Ref SubnetB]]\n    Export: {Name: net" + id +
           "-Subnets}\n";
    write("network" + id + ".yaml", net);
    std::string parent = "Resources:\n";
    for (const char* a : {"AppOne", "AppTwo"})
      parent += std::string("  ") + a +
                ":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: " + "app" + id +
                ".yaml\n      Parameters: {Subnets: !ImportValue net" + id + "-Subnets}\n";
    write("parent" + id + ".yaml", parent);
    write("app" + id + ".yaml",
          "Transform: AWS::Serverless-2016-10-31\nParameters:\n  Subnets: {Type: "
          "List<AWS::EC2::Subnet::Id>}\nResources:\n" +
              function + "        SubnetIds: !Ref Subnets\n");
    write("importer" + id + ".yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n" + function +
                                         "        SubnetIds: !Split [',', !ImportValue net" + id + "-Subnets]\n");
  }
}

int snapshot(const std::string& dir, int runs) {
  std::vector<double> times;
  size_t subnets = 0, tables = 0, groups = 0, files = 0, errors = 0;
  for (int i = 0; i < std::max(1, runs); ++i) {
    std::vector<std::string> problems;
    auto start = std::chrono::steady_clock::now();
    auto s = vpclint::load_snapshot(dir, problems);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!s) {
      std::cerr << problems.front() << '\n';
      return 1;
    }
    subnets = s->subnets.size(), tables = s->route_tables.size(), groups = s->security_groups.size();
    files = s->files.size(), errors = problems.size();
  }
  std::sort(times.begin(), times.end());
  std::printf("%.6f %.6f %zu subnets, %zu route tables, %zu security groups, %zu files, %zu errors\n", times.front(),
              times[times.size() / 2], subnets, tables, groups, files, errors);
  return errors ? 1 : 0;
}

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "floor") return floor(argc, argv);
  if (mode == "generate" && argc > 2) return generate(std::stoi(argv[2])), 0;
  if (mode == "conditions" && argc > 2) return conditions(std::stoi(argv[2])), 0;
  if (mode == "project" && argc > 3) return project(argv[2], std::stoi(argv[3])), 0;
  if (mode == "snapshot" && argc > 2) return snapshot(argv[2], argc > 3 ? std::stoi(argv[3]) : 5);
  std::cerr << "usage: bench_tool floor FILE... | generate N | conditions N | project DIR N | snapshot DIR [RUNS]\n";
  return 2;
}
