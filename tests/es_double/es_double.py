#!/usr/bin/env python3
"""A faithful Elasticsearch test double: the documented _bulk contract, documents kept by _id.

Elasticsearch 7.x/8.x as documented: POST /_bulk and /<index>/_bulk (NDJSON pairs ending with a
newline; `index` creates (201) or replaces (200), `create` answers 409
version_conflict_engine_exception when the _id exists, `delete`; the answer is 200 with took,
errors and items in request order, each with its own status and error; lower-case index names
only (400 invalid_index_name_exception); a field whose JSON type differs from the index's dynamic
mapping is a 400 document_parsing_exception), GET /<index>/_doc/<id>, GET [/<pattern>]/_count,
PUT/GET /_index_template/<name>, GET /.
Failure scripting (the tests' control endpoint): POST /_double/faults with a JSON list, each
fault applied to the next `times` bulks in turn (-1: until DELETE /_double/faults):
  {"kind": "status", "status": 429|503, "times": n}  the whole bulk refused, nothing stored
  {"kind": "items", "status": 429|503|400, "every": k, "times": n}  every k-th item fails
  {"kind": "slow", "seconds": s, "times": n}  stored, answered s seconds later
  {"kind": "close", "times": n}  connection closed without an answer, nothing stored
GET /_double/state: counters, and each stored _id with its number of successful writes.
Run: es_double.py [--port N] (prints "listening on 127.0.0.1:PORT"), or import EsDouble.
"""

import argparse
import fnmatch
import json
import re
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BAD_INDEX = re.compile(r"^[_\-+]|[A-Z\\/*?\"<>| ,#:]")


def json_kind(value):
    """The dynamic-mapping family of a JSON value (bool before int: bool is an int in Python)."""
    for kind, types in (("boolean", bool), ("number", (int, float)), ("string", str),
                        ("object", dict)):
        if isinstance(value, types):
            return kind
    return None


def bad_request(reason):
    return 400, {"error": {"type": "illegal_argument_exception", "reason": reason}, "status": 400}


class Store:
    """Indices of documents by _id, their dynamic mappings, templates, counters and faults."""

    def __init__(self):
        self.lock = threading.Lock()
        self.indices = {}    # index -> {id: {"source": dict, "version": n}}
        self.mappings = {}   # index -> {field: kind}
        self.templates = {}
        self.writes = {}     # (index, id) -> successful index/create operations
        self.faults = []
        self.counters = {"bulk_requests": 0, "bulk_items": 0, "refused_requests": 0,
                         "failed_items": 0, "conflicts": 0, "closed": 0, "slow": 0}

    def take_fault(self):
        with self.lock:
            while self.faults and self.faults[0].get("times", 1) == 0:
                self.faults.pop(0)
            if not self.faults:
                return None
            fault = self.faults[0]
            if fault.get("times", 1) > 0:
                fault["times"] = fault.get("times", 1) - 1
            return dict(fault)

    def mapping_error(self, index, source):
        mapping = self.mappings.setdefault(index, {})
        for field, value in source.items():
            kind = json_kind(value)
            known = mapping.get(field)
            if known is not None and kind is not None and known != kind:
                return ("document_parsing_exception",
                        "failed to parse field [%s] of type [%s]" % (field, known))
        for field, value in source.items():
            kind = json_kind(value)
            if kind is not None:
                mapping.setdefault(field, kind)
        return None

    def apply(self, action, meta, source):
        """One bulk item; returns its result object (with status and maybe error)."""
        index = meta.get("_index")
        doc_id = meta.get("_id") or uuid.uuid4().hex
        result = {"_index": index, "_id": doc_id}

        def error(status, kind, reason):
            result.update(status=status, error={"type": kind, "reason": reason,
                                                "index": index})
            return result

        if not index or BAD_INDEX.search(index):
            return error(400, "invalid_index_name_exception",
                         "Invalid index name [%s], must be lowercase" % index)
        docs = self.indices.setdefault(index, {})
        if action == "delete":
            found = docs.pop(doc_id, None)
            result.update(status=200 if found else 404,
                          result="deleted" if found else "not_found")
            return result
        if not isinstance(source, dict):
            return error(400, "document_parsing_exception", "failed to parse: not an object")
        if action == "create" and doc_id in docs:
            self.counters["conflicts"] += 1
            return error(409, "version_conflict_engine_exception",
                         "[%s]: version conflict, document already exists" % doc_id)
        problem = self.mapping_error(index, source)
        if problem:
            return error(400, *problem)
        version = docs[doc_id]["version"] + 1 if doc_id in docs else 1
        docs[doc_id] = {"source": source, "version": version}
        self.writes[(index, doc_id)] = self.writes.get((index, doc_id), 0) + 1
        result.update(status=201 if version == 1 else 200, _version=version,
                      result="created" if version == 1 else "updated")
        return result

    def bulk(self, body, default_index, fault):
        lines = body.split(b"\n")[:-1]
        items, i = [], 0
        every = fault.get("every", 1) if fault and fault["kind"] == "items" else 0
        while i < len(lines):
            try:
                action_line = json.loads(lines[i])
                (action, meta), = action_line.items()
            except (ValueError, AttributeError):
                return bad_request("Malformed action/metadata line [%d]" % (i + 1))
            i += 1
            source = None
            if action != "delete":
                if i >= len(lines):
                    return bad_request("source line missing")
                try:
                    source = json.loads(lines[i])
                except ValueError:
                    source = "unparseable"
                i += 1
            meta = dict(meta)
            meta.setdefault("_index", default_index)
            self.counters["bulk_items"] += 1
            if every and len(items) % every == every - 1:
                status = fault["status"]
                kind = "es_rejected_execution_exception" if status == 429 else (
                    "unavailable_shards_exception" if status >= 500 else "mapper_exception")
                result = {"_index": meta["_index"], "_id": meta.get("_id"), "status": status,
                          "error": {"type": kind, "reason": "scripted failure"}}
            else:
                result = self.apply(action, meta, source)
            if result["status"] >= 300 and not (action == "create" and result["status"] == 409):
                self.counters["failed_items"] += 1
            items.append({action: result})
        errors = any(next(iter(item.values()))["status"] >= 300 for item in items)
        return 200, {"took": 1, "errors": errors, "items": items}

    def count(self, pattern):
        patterns = pattern.split(",") if pattern else ["*"]
        return sum(len(docs) for index, docs in self.indices.items()
                   if any(fnmatch.fnmatchcase(index, p) for p in patterns))

    def state(self):
        return {"counters": dict(self.counters),
                "documents": {"%s/%s" % key: n for key, n in self.writes.items()
                              if key[1] in self.indices.get(key[0], {})},
                "templates": self.templates}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    store = None

    def log_message(self, *args):  # quiet
        pass

    def not_found(self):
        self.reply(404, {"error": "no handler for " + self.path, "status": 404})

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        store = self.store
        with store.lock:
            if not parts:
                return self.reply(200, {"name": "es-double", "version": {"number": "8.11.0"}})
            if parts == ["_double", "state"]:
                return self.reply(200, store.state())
            if parts[-1] == "_count" and len(parts) <= 2:
                return self.reply(200, {"count": store.count(parts[0] if len(parts) == 2
                                                             else "")})
            if len(parts) == 2 and parts[0] == "_index_template":
                found = [{"name": parts[1], "index_template": store.templates[parts[1]]}] if (
                    parts[1] in store.templates) else []
                return self.reply(200 if found else 404, {"index_templates": found})
            if len(parts) == 3 and parts[1] == "_doc":
                doc = store.indices.get(parts[0], {}).get(parts[2])
                if doc is None:
                    return self.reply(404, {"_index": parts[0], "_id": parts[2], "found": False})
                return self.reply(200, {"_index": parts[0], "_id": parts[2], "found": True,
                                        "_version": doc["version"], "_source": doc["source"]})
        self.not_found()

    def do_PUT(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        body = self.body()
        if len(parts) == 2 and parts[0] == "_index_template":
            with self.store.lock:
                self.store.templates[parts[1]] = json.loads(body)
            return self.reply(200, {"acknowledged": True})
        self.not_found()

    def do_DELETE(self):
        if self.path == "/_double/faults":
            with self.store.lock:
                self.store.faults = []
            return self.reply(200, {"acknowledged": True})
        self.not_found()

    def do_POST(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        body = self.body()
        store = self.store
        if parts == ["_double", "faults"]:
            with store.lock:
                store.faults.extend(json.loads(body))
            return self.reply(200, {"acknowledged": True})
        if not parts or parts[-1] != "_bulk" or len(parts) > 2:
            return self.not_found()
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip()
        if content_type not in ("application/x-ndjson", "application/json"):
            return self.reply(406, {"error": "Content-Type header [%s] is not supported"
                                    % content_type, "status": 406})
        fault = store.take_fault()
        with store.lock:
            store.counters["bulk_requests"] += 1
            if fault and fault["kind"] in ("close", "status"):
                store.counters["closed" if fault["kind"] == "close" else "refused_requests"] += 1
        if fault and fault["kind"] == "close":
            self.close_connection = True
            return self.connection.shutdown(2)
        if fault and fault["kind"] == "status":
            kind = "es_rejected_execution_exception" if fault["status"] == 429 else "unavailable"
            return self.reply(fault["status"], {"error": {"type": kind, "reason": "scripted"},
                                                "status": fault["status"]})
        if not body.endswith(b"\n"):
            return self.reply(*bad_request(
                "The bulk request must be terminated by a newline [\\n]"))
        with store.lock:
            status, answer = store.bulk(body, parts[0] if len(parts) == 2 else None, fault)
        if fault and fault["kind"] == "slow":
            store.counters["slow"] += 1
            time.sleep(fault["seconds"])
        self.reply(status, answer)


class EsDouble:
    """The double on 127.0.0.1; stop() and start() again keep the documents and the port."""

    def __init__(self, port=0):
        self.store = Store()
        self.port = port
        self.server = None

    def start(self):
        handler = type("BoundHandler", (Handler,), {"store": self.store})
        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.server.daemon_threads = True
        default_handle_error = self.server.handle_error
        # A client that gave up (farad's request timeout) is expected: no traceback for it.
        self.server.handle_error = lambda request, address: None if isinstance(
            sys.exc_info()[1], ConnectionError) else default_handle_error(request, address)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    double = EsDouble(parser.parse_args().port).start()
    print("listening on 127.0.0.1:%d" % double.port, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    sys.exit(main())
