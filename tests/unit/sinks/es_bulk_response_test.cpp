#include "sinks/es_bulk_response.hpp"

#include <catch2/catch.hpp>

namespace {

using farad::sinks::BulkItemOutcome;
using farad::sinks::BulkRequestOutcome;
using farad::sinks::classify_bulk_item;
using farad::sinks::classify_bulk_status;
using farad::sinks::parse_bulk_response;

}  // namespace

TEST_CASE("bulk request statuses: parse, retry, split or fail") {
  struct Row {
    long status;
    BulkRequestOutcome outcome;
  };
  const Row rows[] = {
      {200, BulkRequestOutcome::Parse},  {201, BulkRequestOutcome::Parse},
      {429, BulkRequestOutcome::Retry},  {500, BulkRequestOutcome::Retry},
      {502, BulkRequestOutcome::Retry},  {503, BulkRequestOutcome::Retry},
      {504, BulkRequestOutcome::Retry},  {408, BulkRequestOutcome::Retry},
      {401, BulkRequestOutcome::Retry},  {403, BulkRequestOutcome::Retry},
      {413, BulkRequestOutcome::Split},  {400, BulkRequestOutcome::Failed},
      {404, BulkRequestOutcome::Failed}, {406, BulkRequestOutcome::Failed},
  };
  for (const Row& row : rows) {
    INFO(row.status);
    CHECK(classify_bulk_status(row.status) == row.outcome);
  }
}

TEST_CASE("bulk item statuses: 409 is done for create only") {
  struct Row {
    int status;
    const char* action;
    BulkItemOutcome outcome;
  };
  const Row rows[] = {
      {200, "index", BulkItemOutcome::Done},    {201, "index", BulkItemOutcome::Done},
      {201, "create", BulkItemOutcome::Done},   {409, "create", BulkItemOutcome::Done},
      {409, "index", BulkItemOutcome::Failed},  {429, "index", BulkItemOutcome::Retry},
      {429, "create", BulkItemOutcome::Retry},  {503, "index", BulkItemOutcome::Retry},
      {500, "create", BulkItemOutcome::Retry},  {400, "index", BulkItemOutcome::Failed},
      {404, "create", BulkItemOutcome::Failed},
  };
  for (const Row& row : rows) {
    INFO(row.status << " " << row.action);
    CHECK(classify_bulk_item(row.status, row.action) == row.outcome);
  }
}

TEST_CASE("bulk responses are read item by item, in request order") {
  const std::string body = R"({"took":3,"errors":true,"items":[
    {"create":{"_index":"i","_id":"a","status":201,"result":"created"}},
    {"create":{"_index":"i","_id":"b","status":409,"error":{"type":"version_conflict_engine_exception","reason":"exists"}}},
    {"create":{"_index":"i","_id":"c","status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},
    {"create":{"_index":"i","_id":"d","status":400,"error":{"type":"document_parsing_exception","reason":"bad"}}},
    {"create":{"_index":"i","_id":"e","status":503,"error":{"type":"unavailable_shards_exception","reason":"x"}}}]})";
  const auto response = parse_bulk_response(body, 5, "create");
  REQUIRE(response.ok());
  REQUIRE(response.items.size() == 5);
  CHECK(response.items[0].outcome == BulkItemOutcome::Done);
  CHECK(response.items[0].error.empty());
  CHECK(response.items[1].outcome == BulkItemOutcome::Done);
  CHECK(response.items[2].outcome == BulkItemOutcome::Retry);
  CHECK(response.items[3].outcome == BulkItemOutcome::Failed);
  CHECK(response.items[3].status == 400);
  CHECK(response.items[3].error == R"({"reason":"bad","type":"document_parsing_exception"})");
  CHECK(response.items[4].outcome == BulkItemOutcome::Retry);

  // Under `index`, the same 409 is final.
  CHECK(parse_bulk_response(body, 5, "index").items[1].outcome == BulkItemOutcome::Failed);
}

TEST_CASE("unusable bulk responses are reported, not guessed at") {
  CHECK_FALSE(parse_bulk_response("<html>", 1, "index").ok());
  CHECK_FALSE(parse_bulk_response("[]", 1, "index").ok());
  CHECK_FALSE(parse_bulk_response(R"({"errors":false})", 1, "index").ok());
  const auto short_answer =
      parse_bulk_response(R"({"errors":false,"items":[{"index":{"status":201}}]})", 2, "index");
  CHECK(short_answer.problem == "the bulk response has 1 items for 2 documents");
  // An item without a status is retried: nothing says it was stored.
  const auto odd = parse_bulk_response(R"({"errors":true,"items":[{"index":{}}]})", 1, "index");
  REQUIRE(odd.ok());
  CHECK(odd.items[0].outcome == BulkItemOutcome::Retry);
}
