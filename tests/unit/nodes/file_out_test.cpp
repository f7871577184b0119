#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "run_script.hpp"

namespace {

namespace fs = std::filesystem;
using farad::model::Point;
using farad::runtime::Task;

/// A fresh directory under the temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("farad-file-out-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter.fetch_add(1)));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// `name` inside the directory, as a string for a script.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Point> points_of(const std::string& lines) {
  std::vector<Point> points;
  farad::io::parse_lines(lines, farad::io::Precision::Second, 0,
                         [&](const farad::io::LineView& view) {
                           points.push_back(farad::io::to_point(view, "db", "rp"));
                         });
  return points;
}

std::unique_ptr<Task> new_task(const std::shared_ptr<const farad::compile::TaskSpec>& spec) {
  return std::make_unique<Task>(spec, farad::nodes::node_factory(), nullptr);
}

/// Runs `spec` over `points`, crashing before each point whose index is in `crashes`: the state
/// is saved, a few more points are processed and written (work the checkpoint does not hold),
/// the task is dropped, and a new task restored from the state replays from the saved position.
void run_with_crashes(const std::shared_ptr<const farad::compile::TaskSpec>& spec,
                      const std::vector<Point>& points, const std::set<size_t>& crashes) {
  auto task = new_task(spec);
  for (size_t i = 0; i < points.size(); ++i) {
    if (crashes.count(i)) {
      const std::string state = task->save_state();
      for (size_t lost = i; lost < std::min(points.size(), i + 3); ++lost) {
        task->push_point(points[lost]);
      }
      task = new_task(spec);
      task->restore_state(state);
    }
    task->push_point(points[i]);
  }
  task->finish(false);
}

const std::string kInput =
    "cpu,host=a value=1 1\n"
    "cpu,host=b value=10 1\n"
    "cpu,host=a value=3 2\n"
    "cpu,host=b value=14 3\n"
    "cpu,host=a value=4 4\n"
    "cpu,host=a value=8 5\n"
    "cpu,host=b value=15 6\n"
    "cpu,host=a value=9 7\n"
    "cpu,host=b value=20 8\n"
    "cpu,host=a value=10 9\n";

/// Two files: stateful stream output as line protocol, windowed batches as JSON lines.
std::string crash_script(const TempDir& dir) {
  return "var data = stream|from().measurement('cpu').groupBy('host')\n"
         "data|derivative('value').unit(1s)|fileOut('" +
         dir.file("rate.lp") +
         "')\n"
         "data|window().period(3s).every(3s).align()|mean('value')|fileOut('" +
         dir.file("mean.json") + "').format('json')\n";
}

}  // namespace

TEST_CASE("fileOut writes line protocol with nanosecond times, shaped, not to the sink",
          "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.lp");
  const auto run = farad::test::run_script(
      "stream|from().measurement('cpu')|fileOut('" + path +
          "').measurement('m').tag('site', 'east')",
      "cpu,host=a value=1.5 1\ncpu,host=b count=2i,ok=true,text=\"x y\" 2\n");
  CHECK(read_file(path) ==
        "m,host=a,site=east value=1.5 1000000000\n"
        "m,host=b,site=east count=2i,ok=true,text=\"x y\" 2000000000\n");
  CHECK(run.output.empty());
}

TEST_CASE("fileOut writes JSON lines", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.json");
  farad::test::run_script(
      "stream|from().measurement('cpu')|fileOut('" + path + "').format('json')",
      "cpu,host=a,dc=x value=1.5,n=-2i,ok=false,s=\"q\\\"<\" 1\ncpu v=1e21 2\n");
  CHECK(read_file(path) ==
        "{\"time\":\"1970-01-01T00:00:01Z\",\"measurement\":\"cpu\","
        "\"tags\":{\"dc\":\"x\",\"host\":\"a\"},"
        "\"fields\":{\"n\":-2,\"ok\":false,\"s\":\"q\\\"\\u003c\",\"value\":1.5}}\n"
        "{\"time\":\"1970-01-01T00:00:02Z\",\"measurement\":\"cpu\",\"tags\":{},"
        "\"fields\":{\"v\":1e+21}}\n");
}

TEST_CASE("fileOut writes each point of a batch under the batch's name", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.lp");
  farad::test::run_script(
      "stream|from().measurement('cpu')|window().period(2s).every(2s)"
      "|fileOut('" +
          path + "')",
      "cpu,host=a v=1 0\ncpu,host=a v=2 1\ncpu,host=a v=3 2\n");
  CHECK(read_file(path) == "cpu,host=a v=1 0\ncpu,host=a v=2 1000000000\n");
}

TEST_CASE("fileOut drops and counts a point with a non-finite float", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.lp");
  const auto run = farad::test::run_script(
      "stream|from().measurement('cpu')|eval(lambda: \"v\" / 0.0).as('r')|fileOut('" + path + "')",
      "cpu v=1 1\ncpu v=0 2\ncpu v=-1 3\n");
  CHECK(read_file(path).empty());
  CHECK(run.report.back().stats.errors == 3);
}

TEST_CASE("fileOut creates parent directories, and the file only at the first point", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("a/b/out.lp");
  const std::string script = "stream|from().measurement('cpu')|fileOut('" + path + "')";
  farad::test::run_script(script, "mem v=1 1\n");
  CHECK_FALSE(fs::exists(path));
  farad::test::run_script(script, "cpu v=1 1\n");
  CHECK(read_file(path) == "cpu v=1 1000000000\n");
}

TEST_CASE("fileOut appends to the output of an earlier run", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.lp");
  const std::string script = "stream|from().measurement('cpu')|fileOut('" + path + "')";
  farad::test::run_script(script, "cpu v=1 1\n");
  farad::test::run_script(script, "cpu v=2 2\n");
  CHECK(read_file(path) == "cpu v=1 1000000000\ncpu v=2 2000000000\n");
}

TEST_CASE("fileOut output after crashes and replays is that of an uninterrupted run", "[nodes]") {
  const std::vector<Point> points = points_of(kInput);
  TempDir reference;
  run_with_crashes(farad::test::compile_script(crash_script(reference)), points, {});
  const std::string rates = read_file(reference.file("rate.lp"));
  const std::string means = read_file(reference.file("mean.json"));
  REQUIRE(std::count(rates.begin(), rates.end(), '\n') == 8);
  REQUIRE(std::count(means.begin(), means.end(), '\n') == 5);

  SECTION("one crash, before each point") {
    for (size_t crash = 0; crash < points.size(); ++crash) {
      CAPTURE(crash);
      TempDir dir;
      run_with_crashes(farad::test::compile_script(crash_script(dir)), points, {crash});
      CHECK(read_file(dir.file("rate.lp")) == rates);
      CHECK(read_file(dir.file("mean.json")) == means);
    }
  }
  SECTION("a crash before every point of one run") {
    TempDir dir;
    std::set<size_t> every;
    for (size_t i = 0; i < points.size(); ++i) every.insert(i);
    run_with_crashes(farad::test::compile_script(crash_script(dir)), points, every);
    CHECK(read_file(dir.file("rate.lp")) == rates);
    CHECK(read_file(dir.file("mean.json")) == means);
  }
}

TEST_CASE("fileOut restore cuts the file back to the checkpoint", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.lp");
  const auto spec =
      farad::test::compile_script("stream|from().measurement('cpu')|fileOut('" + path + "')");
  const std::vector<Point> points = points_of("cpu v=1 1\ncpu v=2 2\n");
  auto task = new_task(spec);
  task->push_point(points[0]);
  const std::string state = task->save_state();
  CHECK(read_file(path) == "cpu v=1 1000000000\n");  // saving writes what is buffered
  task->push_point(points[1]);
  task->finish(false);
  REQUIRE(read_file(path) == "cpu v=1 1000000000\ncpu v=2 2000000000\n");
  task = new_task(spec);
  task->restore_state(state);
  CHECK(read_file(path) == "cpu v=1 1000000000\n");
}

TEST_CASE("fileOut restore creates a missing file for an empty checkpoint", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("sub/out.lp");
  const auto spec =
      farad::test::compile_script("stream|from().measurement('cpu')|fileOut('" + path + "')");
  const std::string state = new_task(spec)->save_state();
  REQUIRE_FALSE(fs::exists(path));
  new_task(spec)->restore_state(state);
  CHECK(fs::exists(path));
  CHECK(fs::file_size(path) == 0);
}

TEST_CASE("fileOut restore refuses a file shorter than the checkpoint", "[nodes]") {
  TempDir dir;
  const std::string path = dir.file("out.lp");
  const auto spec =
      farad::test::compile_script("stream|from().measurement('cpu')|fileOut('" + path + "')");
  auto task = new_task(spec);
  task->push_point(points_of("cpu v=1 1\n")[0]);
  const std::string state = task->save_state();  // 19 bytes: "cpu v=1 1000000000\n"
  task.reset();
  fs::resize_file(path, 5);
  CHECK_THROWS_WITH(new_task(spec)->restore_state(state),
                    "file_out2: " + path +
                        " is 5 bytes long, shorter than the 19 bytes it had at the checkpoint: "
                        "output written before the checkpoint is lost");
  fs::remove(path);
  CHECK_THROWS_WITH(new_task(spec)->restore_state(state),
                    Catch::Contains(path + " is 0 bytes long, shorter than the 19 bytes"));
}

TEST_CASE("fileOut restore refuses a checkpoint of another file", "[nodes]") {
  TempDir dir;
  const std::string script = "stream|from().measurement('cpu')|fileOut('";
  const auto state =
      new_task(farad::test::compile_script(script + dir.file("a.lp") + "')"))->save_state();
  CHECK_THROWS_WITH(
      new_task(farad::test::compile_script(script + dir.file("b.lp") + "')"))->restore_state(state),
      "file_out2: the checkpoint is for file " + dir.file("a.lp") + ", the script writes " +
          dir.file("b.lp"));
}
