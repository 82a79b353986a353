#include <doctest/doctest.h>

#include "loader/loader.h"
#include "model/condition_logic.h"
#include "model/resolver.h"
#include "model/template.h"

using namespace vpclint;

namespace {
constexpr const char* kConditions = R"(
Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, staging, prod]}
  NatMode: {Type: String}
  Tier: {Type: String, Default: small}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [dev, !Ref Env]
  NotDev: !Not [!Equals [!Ref Env, dev]]
  WithNat: !Equals [!Ref NatMode, gateway]
  ProdOrNat: !Or [!Condition IsProd, !Condition WithNat]
  DevAndNat: !And [!Condition IsDev, !Condition WithNat]
  DevOrNat: !Or [!Condition IsDev, !Condition WithNat]
  InUsEast: !Equals [!Ref AWS::Region, us-east-1]
  Big: !Equals [!Ref Tier, big]
  Loop: !Not [!Condition Loop]
Resources:
  Fn: {Type: AWS::Lambda::Function}
)";

Guard guard(std::initializer_list<Assumption> assumptions) {
  Guard g;
  for (const Assumption& a : assumptions) REQUIRE(g.assume(a.condition, a.value));
  return g;
}
}  // namespace

TEST_SUITE("model") {
  TEST_CASE("conditions evaluate with the parameter values vpclint knows, three-valued") {
    Document d = load_document("t.yaml", kConditions);
    Template t(d);
    Resolver r(t);
    ConditionLogic logic(r);
    std::string because;
    CHECK(logic.known("IsProd", &because) == Truth::False);
    CHECK(because == "Env = dev (its Default)");
    CHECK(logic.known("IsDev") == Truth::True);
    CHECK(logic.known("NotDev") == Truth::False);
    CHECK(logic.known("WithNat") == Truth::Unknown);  // no Default, nothing stated
    CHECK(logic.known("ProdOrNat") == Truth::Unknown);
    CHECK(logic.known("DevAndNat") == Truth::Unknown);
    CHECK(logic.known("DevOrNat") == Truth::True);  // one true operand decides an Or
    CHECK(logic.known("InUsEast") == Truth::Unknown);
    CHECK(logic.known("Loop") == Truth::Unknown);  // a cycle decides nothing
    CHECK(logic.known("Missing") == Truth::Unknown);
  }

  TEST_CASE("a stated parameter value wins over the Default, and is named as the source") {
    Document d = load_document("t.yaml", kConditions);
    Template t(d);
    StatedValues stated;
    stated.parameters["Env"] =
        ExternalValue{"prod", ConfigSource{"samconfig.toml", {3, 1}, "samconfig.toml [default]"}};
    stated.parameters["NatMode"] =
        ExternalValue{"gateway", ConfigSource{"samconfig.toml", {3, 1}, "samconfig.toml [default]"}};
    Resolver r(t, &stated);
    ConditionLogic logic(r);
    std::string because;
    CHECK(logic.known("IsProd", &because) == Truth::True);
    CHECK(because == "Env = prod (samconfig.toml [default])");
    CHECK(logic.known("DevAndNat", &because) == Truth::False);
    CHECK(logic.known("WithNat") == Truth::True);
  }

  TEST_CASE("satisfiable decides whether a few assumptions can hold together") {
    Document d = load_document("t.yaml", kConditions);
    Template t(d);
    Resolver r(t);
    ConditionLogic logic(r);
    CHECK(logic.satisfiable(Guard{}));
    // Env cannot be prod and dev at once.
    CHECK_FALSE(logic.satisfiable(guard({{"IsProd", true}, {"NotDev", false}})));
    CHECK_FALSE(logic.satisfiable(guard({{"IsProd", true}, {"IsDev", true}})));
    CHECK(logic.satisfiable(guard({{"IsProd", false}, {"IsDev", false}})));  // staging
    // NatMode has no AllowedValues: it can be gateway, or anything else.
    CHECK(logic.satisfiable(guard({{"WithNat", false}, {"IsProd", true}})));
    CHECK_FALSE(logic.satisfiable(guard({{"ProdOrNat", false}, {"IsProd", true}})));
    CHECK_FALSE(logic.satisfiable(guard({{"DevAndNat", true}, {"WithNat", false}})));
    // Tier is compared with one literal: "big", or a value unlike it.
    CHECK(logic.satisfiable(guard({{"Big", false}})));
    CHECK(logic.satisfiable(guard({{"Big", true}})));
    // What no parameter decides (a pseudo parameter, a cycle) stays possible either way.
    CHECK(logic.satisfiable(guard({{"InUsEast", true}, {"IsDev", true}})));
    CHECK(logic.satisfiable(guard({{"Loop", true}})));
  }

  TEST_CASE("satisfiable gives up (possible) past its search bound") {
    std::string text = "Parameters:\n";
    std::string all = "  All: !And\n";
    for (int i = 0; i < 14; ++i) {
      std::string p = "P" + std::to_string(i);
      text += "  " + p + ": {Type: String}\n";
      all += "    - !Equals [!Ref " + p + ", x]\n";
    }
    text += "Conditions:\n" + all + "  None: !Not [!Condition All]\nResources:\n  Fn: {Type: AWS::Lambda::Function}\n";
    Document d = load_document("t.yaml", text);
    Template t(d);
    Resolver r(t);
    ConditionLogic logic(r);
    // 2^14 assignments exceed the bound: undecided, so possible, although All and None contradict.
    CHECK(logic.satisfiable(guard({{"All", true}, {"None", true}})));
  }
}
