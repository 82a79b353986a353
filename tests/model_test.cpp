#include <doctest/doctest.h>

#include "loader/loader.h"
#include "model/references.h"
#include "model/resolver.h"
#include "model/template.h"
#include "test_support.h"

using namespace vpclint;

TEST_SUITE("model") {
  TEST_CASE("sections, parameters, conditions and resources are modelled") {
    Document d = load_document("t.yaml", R"(
Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Condition: IsProd
    DependsOn: [Role]
    Properties: {Handler: x}
  Role: {Type: AWS::IAM::Role}
Outputs:
  Arn:
    Value: !GetAtt Fn.Arn
    Export: {Name: fn-arn}
)");
    Template t(d);
    REQUIRE(t.is_template());
    CHECK(t.issues().empty());
    const Parameter* env = t.parameter("Env");
    REQUIRE(env);
    CHECK(env->type == "String");
    CHECK(env->default_value->text() == "dev");
    CHECK(env->allowed_values.size() == 2);
    CHECK(t.condition("IsProd"));
    const Resource* fn = t.resource("Fn");
    REQUIRE(fn);
    CHECK(fn->kind == ResourceKind::LambdaFunction);
    CHECK(fn->condition == "IsProd");
    REQUIRE(fn->depends_on.size() == 1);
    CHECK(fn->key->pos == Position{7, 3});
    CHECK(t.resource("Role")->kind == ResourceKind::IamRole);
    REQUIRE(t.outputs().size() == 1);
    CHECK(t.outputs()[0].export_name->text() == "fn-arn");
    CHECK(Template::is_pseudo_parameter("AWS::Region"));
    CHECK_FALSE(Template::is_pseudo_parameter("AWS::Nope"));
  }

  TEST_CASE("SAM Globals merge as SAM does: maps by key, lists concatenated, scalars replaced") {
    Document d = load_document("t.yaml", R"(
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 30
    Runtime: python3.12
    VpcConfig:
      SecurityGroupIds: [!Ref Sg]
      SubnetIds: [subnet-a]
    Environment: {Variables: {A: '1', B: '2'}}
Resources:
  Sg: {Type: AWS::EC2::SecurityGroup}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 5
      VpcConfig:
        SubnetIds: [subnet-b]
      Environment: {Variables: {B: '3'}}
  Plain:
    Type: AWS::Serverless::Function
)");
    Template t(d);
    const Resource* fn = t.resource("Fn");
    REQUIRE(fn);
    CHECK(fn->property("Timeout")->text() == "5");
    CHECK(fn->property("Runtime")->text() == "python3.12");
    const Node* subnets = fn->property("VpcConfig")->get("SubnetIds");
    REQUIRE(subnets->size == 2);
    CHECK(subnets->items()[0]->text() == "subnet-a");
    CHECK(subnets->items()[1]->text() == "subnet-b");
    CHECK(fn->property("VpcConfig")->get("SecurityGroupIds")->size == 1);
    const Node* vars = fn->property("Environment")->get("Variables");
    CHECK(vars->get("A")->text() == "1");
    CHECK(vars->get("B")->text() == "3");
    // The raw properties are unchanged; a function without Properties inherits all Globals.
    CHECK(fn->raw_properties->get("Runtime") == nullptr);
    CHECK(t.resource("Plain")->property("Timeout")->text() == "30");
    // Inherited values keep their position in Globals.
    CHECK(fn->property("Runtime")->pos.line == 6);
  }

  TEST_CASE("the resolver answers what a value can be") {
    Document d = load_document("t.yaml", R"(
Parameters:
  Env: {Type: String, Default: dev}
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
Mappings:
  Net: {dev: {Subnet: subnet-123}}
Conditions:
  InVpc: !Equals [!Ref Env, prod]
Resources:
  Sg: {Type: AWS::EC2::SecurityGroup}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      A: !Ref Sg
      B: !GetAtt Sg.GroupId
      C: !If [InVpc, !Ref Sg, !Ref AWS::NoValue]
      D: !Sub 'com.amazonaws.${AWS::Region}.lambda'
      E: !Sub ['x-${V}', {V: lit}]
      F: !FindInMap [Net, dev, Subnet]
      G: '{{resolve:ssm:/net/sg}}'
      H: !ImportValue shared-sg
      I: !Ref Env
      J: !If [InVpc, [!Ref Sg, sg-1], !Ref AWS::NoValue]
      K: [!Ref Sg, !If [InVpc, sg-2, !Ref AWS::NoValue], !Ref AWS::NoValue]
      L: !Join ['', ['{{resolve:secretsmanager:', !Ref Env, ':SecretString:k}}']]
      M: !Ref Subnets
)");
    Template t(d);
    Resolver r(t);
    const Resource* fn = t.resource("Fn");
    auto one = [&](const char* key) {
      auto v = r.values(fn->property(key));
      REQUIRE(v.size() == 1);
      return v[0];
    };
    CHECK(one("A").kind == ValueKind::ResourceRef);
    CHECK(one("A").name == "Sg");
    CHECK(one("B").attribute == "GroupId");
    auto c = r.values(fn->property("C"));
    REQUIRE(c.size() == 2);
    CHECK(c[0].kind == ValueKind::ResourceRef);
    CHECK(c[0].guard.describe() == "when condition InVpc is true");
    CHECK(c[1].kind == ValueKind::NoValue);
    CHECK(c[1].guard.describe() == "when condition InVpc is false");
    CHECK(one("D").kind == ValueKind::Composite);
    CHECK(one("D").text == "com.amazonaws.${AWS::Region}.lambda");
    CHECK(one("E").is_literal("x-lit"));
    CHECK(one("F").is_literal("subnet-123"));
    CHECK(one("G").kind == ValueKind::DynamicRef);
    CHECK(one("H").kind == ValueKind::Import);
    CHECK(one("H").text == "shared-sg");
    CHECK(one("I").kind == ValueKind::Parameter);
    CHECK(one("I").parameter->default_value->text() == "dev");
    CHECK(one("L").kind == ValueKind::DynamicRef);

    auto j = r.list(fn->property("J"));
    REQUIRE(j.size() == 1);  // the false branch removes the property
    CHECK(j[0].items.size() == 2);
    CHECK(j[0].guard.describe() == "when condition InVpc is true");
    auto k = r.list(fn->property("K"));
    REQUIRE(k.size() == 1);
    REQUIRE(k[0].items.size() == 2);  // the always-NoValue item is dropped
    CHECK(k[0].items[1].size() == 2);
    auto m = r.list(fn->property("M"));
    REQUIRE(m.size() == 1);
    CHECK(m[0].unknown);
    CHECK(m[0].whole.kind == ValueKind::Parameter);
  }

  TEST_CASE("nested Ifs on the same condition drop contradictory branches") {
    Document d = load_document("t.yaml", R"(
Conditions: {A: !Equals [1, 1]}
Resources:
  R:
    Type: X
    Properties:
      P: !If [A, !If [A, yes, never], no]
)");
    Template t(d);
    Resolver r(t);
    auto v = r.values(t.resource("R")->property("P"));
    REQUIRE(v.size() == 2);
    CHECK(v[0].is_literal("yes"));
    CHECK(v[1].is_literal("no"));
  }

  TEST_CASE("the reference graph records who refers to whom, with positions") {
    Document d = load_document("t.yaml", R"(Parameters:
  Env: {Type: String}
Resources:
  Sg: {Type: AWS::EC2::SecurityGroup}
  Fn:
    Type: AWS::Lambda::Function
    DependsOn: Sg
    Properties:
      A: !Ref Sg
      B: !Sub '${Env}-${Sg.GroupId}'
      C: !Ref Nope
)");
    Template t(d);
    ReferenceGraph g(t);
    const auto& to_sg = g.to("Sg");
    REQUIRE(to_sg.size() == 3);
    for (size_t i : to_sg) CHECK(g.all()[i].from == "Fn");
    const Reference* sub = nullptr;
    for (const auto& ref : g.all())
      if (ref.kind == ReferenceKind::Sub && ref.target == "Sg") sub = &ref;
    REQUIRE(sub);
    CHECK(sub->attribute == "GroupId");
    CHECK(sub->pos == Position{10, 23});
    size_t undefined = 0;
    for (const auto& ref : g.all()) undefined += !ref.defined;
    CHECK(undefined == 1);
    CHECK(g.from("Fn").size() == 5);
  }

  TEST_CASE("structure problems are model issues, not crashes") {
    Document d = load_document("t.yaml", "Resources:\n  A: 1\n  B: {Properties: {}}\n  C: {Type: [x]}\n");
    Template t(d);
    CHECK(t.is_template());
    CHECK(t.issues().size() == 3);
    CHECK(t.resources().empty());
    Document list = load_document("t.yaml", "- 1\n");
    CHECK_FALSE(Template(list).is_template());
  }
}
