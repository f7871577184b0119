#include <catch2/catch.hpp>

#include "nodes/node_kinds.hpp"
#include "nodes/registry.hpp"
#include "run_script.hpp"

namespace {

// The group id of the batch that leaves the query node, "|" for the measurement separator.
std::string group_after_query(const std::string& query_properties, farad::model::Batch batch,
                              bool recorded_by_name = false) {
  const auto spec = farad::test::compile_script(
      "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)" +
      query_properties + "|httpOut('out')");
  std::string id;
  farad::runtime::NodeFactory factory =
      [&](const farad::compile::NodeSpec& node,
          farad::runtime::TaskContext& context) -> std::unique_ptr<farad::runtime::Node> {
    if (node.type != "httpOut") return farad::nodes::node_factory()(node, context);
    struct Probe : farad::runtime::Node {
      Probe(const farad::compile::NodeSpec& s, farad::runtime::TaskContext& c, std::string& out)
          : Node(s, c), out_(out) {}
      void on_batch(farad::model::Batch&& b, int) override {
        out_ = context_.interner.id(b.group);
        for (char& c : out_) {
          if (c == '\n') c = '|';
        }
      }
      std::string& out_;
    };
    return std::make_unique<Probe>(node, context, id);
  };
  farad::runtime::Task task(spec, factory);
  if (recorded_by_name) {
    // A recording's `byname`: the reader interns the group by measurement.
    farad::model::Dimensions dims{{}, true};
    for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
    batch.group = task.context().interner.intern(batch.name, batch.tags, dims);
  }
  task.push_batch(0, std::move(batch));
  return id;
}

}  // namespace

TEST_CASE("query groups each batch by all its tags, as Kapacitor's results are", "[nodes]") {
  farad::model::Batch batch;
  batch.name = "cpu";
  batch.tags = {{"dc", "x"}, {"host", "a"}};
  batch.points.push_back({{{"v", 1.0}}, {{"dc", "x"}, {"host", "a"}}, 0});
  // The batch arrives without a group: it leaves grouped by its (sorted) tags.
  CHECK(group_after_query(".groupBy('host', 'dc')", batch) == "dc=x,host=a");
  CHECK(group_after_query(".groupBy('host', 'dc').groupByMeasurement()", batch) ==
        "cpu|dc=x,host=a");
  // A recording made by measurement keeps it.
  CHECK(group_after_query(".groupBy('host', 'dc')", batch, true) == "cpu|dc=x,host=a");
  batch.tags.clear();
  CHECK(group_after_query("", batch).empty());
  CHECK(group_after_query(".groupByMeasurement()", batch) == "cpu");
}
