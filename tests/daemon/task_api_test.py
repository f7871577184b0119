#!/usr/bin/env python3
"""farad serve's task API over sockets: templates, PATCH, httpOut, /debug/vars, restart.

Usage: task_api_test.py FARAD

Starts `farad serve` on a free port in a temporary data directory, defines a template and a task
from it, a plain task, writes points and reads them back through the httpOut endpoints; PATCHes
the plain task (a bad script is refused and changes nothing, a good one reloads it with a fresh
state) and the template (its task is reloaded); reads ingress and node statistics from
/kapacitor/v1/debug/vars; stops with SIGTERM and starts again: the template, the tasks and their
patched definitions are back and executing.
"""

import json
import os
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from serve_process import ServeProcess  # noqa: E402

TIMEOUT = 30  # seconds for any one wait

TEMPLATE = """dbrp "telegraf"."autogen"

// the measurement to serve
var measurement string

stream
    |from()
        .measurement(measurement)
    |httpOut('last')
"""

PLAIN = """dbrp "telegraf"."autogen"

stream
    |from()
        .measurement('cpu')
    |httpOut('plain')
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Server(ServeProcess):
    def __init__(self, farad, workdir):
        super().__init__(farad, ["--data-dir", os.path.join(workdir, "data")],
                         os.path.join(workdir, "serve.log"), TIMEOUT)

    def json(self, method, path, body=None, expect=200):
        status, answer = self.request(method, path, body)
        if status != expect:
            fail("%s %s answered %d (expected %d): %s" % (method, path, status, expect, answer))
        return json.loads(answer) if answer else None

    def write(self, lines):
        status, answer = self.request("POST", "/write?db=telegraf&rp=autogen&precision=s", lines)
        if status != 204:
            fail("write answered %d: %s" % (status, answer))

    def stop(self):
        code = self.signal(signal.SIGTERM)
        if code != 0:
            fail("SIGTERM: exit code %d\n%s" % (code, self.text()))


def wait_for(what, check):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.02)
    fail("timed out waiting for " + what)


def series(server, task, endpoint):
    return server.json("GET", "/kapacitor/v1/tasks/%s/%s" % (task, endpoint))["series"]


def values(server, task, endpoint):
    found = series(server, task, endpoint)
    return [(s["name"], row[1]) for s in found or [] if s for row in s["values"]]


def ingress(page, measurement):
    for stat in page["kapacitor"].values():
        tags = stat["tags"]
        if (stat["name"] == "ingress" and tags["database"] == "telegraf"
                and tags["retention_policy"] == "autogen" and tags["measurement"] == measurement):
            return stat["values"]["points_received"]
    return 0


def main():
    farad = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="farad-task-api-")
    server = Server(farad, workdir)

    template = server.json("POST", "/kapacitor/v1/templates", {"id": "serve", "script": TEMPLATE})
    if template["vars"] != {"measurement": {"type": "string", "value": None,
                                            "description": "the measurement to serve"}}:
        fail("template vars: %s" % template["vars"])
    task = server.json("POST", "/kapacitor/v1/tasks", {
        "id": "from_template", "template-id": "serve", "status": "enabled",
        "vars": {"measurement": {"type": "string", "value": "mem"}}})
    if task["template-id"] != "serve" or not task["executing"]:
        fail("task from template: %s" % task)
    server.json("POST", "/kapacitor/v1/tasks", {"id": "plain", "script": PLAIN,
                                                "status": "enabled"})

    server.write("cpu value=1 1\nmem value=2 2\n")
    wait_for("the plain task's httpOut", lambda: values(server, "plain", "plain") == [("cpu", 1)])
    wait_for("the template task's httpOut",
             lambda: values(server, "from_template", "last") == [("mem", 2)])

    # A bad script is refused with its diagnostic; the task keeps running as it was.
    status, answer = server.request("PATCH", "/kapacitor/v1/tasks/plain",
                                    {"script": PLAIN.replace("httpOut", "httpOt")})
    if status != 400 or "httpOt" not in json.loads(answer)["error"]:
        fail("bad PATCH answered %d %s" % (status, answer))
    if values(server, "plain", "plain") != [("cpu", 1)]:
        fail("a refused PATCH changed the task")
    # A good one reloads it: fresh state, the new measurement.
    patched = server.json("PATCH", "/kapacitor/v1/tasks/plain",
                          {"script": PLAIN.replace("'cpu'", "'disk'")})
    if not patched["executing"] or series(server, "plain", "plain") is not None:
        fail("the patched task was not reloaded: %s" % patched)
    server.write("cpu value=3 3\ndisk value=4 4\n")
    wait_for("the patched task's httpOut", lambda: values(server, "plain", "plain") == [("disk", 4)])

    # A template update reloads the task made from it.
    server.json("PATCH", "/kapacitor/v1/templates/serve",
                {"script": TEMPLATE.replace("'last'", "'latest'")})
    status, _ = server.request("GET", "/kapacitor/v1/tasks/from_template/last")
    if status != 404:
        fail("the old endpoint still answers %d after the template update" % status)
    server.write("mem value=5 5\n")
    wait_for("the reloaded template task",
             lambda: values(server, "from_template", "latest") == [("mem", 5)])

    page = server.json("GET", "/kapacitor/v1/debug/vars")
    if page["num_tasks"] != 2 or page["num_enabled_tasks"] != 2:
        fail("debug vars counts: %s" % page)
    if (ingress(page, "cpu"), ingress(page, "mem"), ingress(page, "disk")) != (2, 2, 1):
        fail("ingress statistics: %s" % page["kapacitor"])
    nodes = [s for s in page["kapacitor"].values()
             if s["name"] == "nodes" and s["tags"]["task"] == "plain"]
    if sorted(s["tags"]["node"] for s in nodes) != ["from1", "http_out2", "stream0"]:
        fail("node statistics of plain: %s" % nodes)
    server.stop()

    # Everything is back after a restart, with the patched definitions.
    server = Server(farad, workdir)
    shown = server.json("GET", "/kapacitor/v1/templates/serve")
    if "'latest'" not in shown["script"]:
        fail("template after restart: %s" % shown)
    listed = server.json("GET", "/kapacitor/v1/tasks")["tasks"]
    if [(t["id"], t["executing"], t["template-id"]) for t in listed] != [
            ("from_template", True, "serve"), ("plain", True, "")]:
        fail("tasks after restart: %s" % listed)
    if "'disk'" not in listed[1]["script"]:
        fail("plain task script after restart: %s" % listed[1]["script"])
    server.write("disk value=6 6\n")
    wait_for("the plain task after restart",
             lambda: values(server, "plain", "plain") == [("disk", 6)])
    server.stop()
    shutil.rmtree(workdir)
    print("ok")


if __name__ == "__main__":
    main()
