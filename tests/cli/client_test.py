#!/usr/bin/env python3
"""The farad CLI client (Kapacitor's verbs) against a real `farad serve`.

Usage: client_test.py FARAD

Starts `farad serve` on a free port in a temporary directory, then drives the CLI with
$FARAD_URL and with -url: define from .tick files (with -dbrp and -vars), list tasks (Kapacitor's
table), enable with a glob, show (layout, vars table, DOT with node statistics that must match
the points written to /write), disable, define again (an update of an enabled task, reloaded),
reload, delete with a glob, and errors (unknown task, a compile error, an unreachable server).
Templates, stats, recordings and replays are exercised too. Every wait is bounded.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from serve_process import ServeProcess  # noqa: E402

TIMEOUT = 60  # seconds for any one wait or command


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Server(ServeProcess):
    def __init__(self, farad, workdir):
        super().__init__(farad, ["--data-dir", os.path.join(workdir, "data")],
                         os.path.join(workdir, "serve.log"), TIMEOUT)

    def write(self, lines):
        request = urllib.request.Request(
            self.url + "/write?db=telegraf&rp=autogen&precision=s", data=lines.encode(),
            method="POST")
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            if response.status != 204:
                fail("write answered %d" % response.status)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            fail("farad serve did not stop on SIGTERM:\n" + self.text())
        self.log.close()
        if code != 0:
            fail("farad serve exited with %d on SIGTERM:\n%s" % (code, self.text()))


class Cli:
    def __init__(self, farad, url, workdir):
        self.farad, self.url, self.workdir = farad, url, workdir

    def run(self, *args, env_url=True, expect=0):
        """Runs `farad ARGS` with FARAD_URL set (or not); checks the exit status."""
        env = dict(os.environ)
        env.pop("FARAD_URL", None)
        if env_url:
            env["FARAD_URL"] = self.url
        result = subprocess.run([self.farad] + list(args), capture_output=True, text=True,
                                env=env, cwd=self.workdir, timeout=TIMEOUT)
        ok = result.returncode == 0 if expect == 0 else result.returncode != 0
        if not ok:
            fail("farad %s: exit %d (expected %s)\nstdout:\n%s\nstderr:\n%s" % (
                " ".join(args), result.returncode, "0" if expect == 0 else "non-zero",
                result.stdout, result.stderr))
        return result


def write_file(workdir, name, text):
    path = os.path.join(workdir, name)
    with open(path, "w") as f:
        f.write(text)
    return name


CPU_SCRIPT = """stream
    |from()
        .measurement('cpu')
    |where(lambda: "usage" > %s)
    |httpOut('high')
"""

MEM_SCRIPT = """var threshold = 50.0
var period = 1m

stream
    |from()
        .measurement('mem')
    |where(lambda: "used" > threshold)
    |window()
        .period(period)
        .every(period)
    |count('used')
    |httpOut('count')
"""


def task_table(rows):
    """Kapacitor's `list tasks` table for rows of (id, type, status, executing, dbrps)."""
    width = max([2] + [len(row[0]) for row in rows]) + 1
    line = "%-" + str(width) + "s%-10s%-10s%-10s%s\n"
    out = line % ("ID", "Type", "Status", "Executing", "Databases and Retention Policies")
    for row in sorted(rows):
        out += line % row
    return out


def show_fields(text):
    """`show` output: the one-line fields (ID:, Status:, ...) and the sections after them."""
    fields = {}
    for line in text.split("\nTICKscript:\n")[0].splitlines():
        key, _, value = line.partition(": ")
        fields[key] = value
    return fields


def dot_section(text):
    if "\nDOT:\n" not in text:
        fail("no DOT: section in\n" + text)
    return text.split("\nDOT:\n", 1)[1]


def node_stats(dot, node):
    """The attributes of `node` in a DOT with statistics, as a dict."""
    match = re.search(r"^%s \[(.*)\];$" % re.escape(node), dot, re.M)
    if not match:
        fail("no statistics for %s in\n%s" % (node, dot))
    return dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))


def wait_for_stats(cli, task, node, key, value):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        shown = cli.run("show", task).stdout
        if node_stats(dot_section(shown), node).get(key) == str(value):
            return shown
        time.sleep(0.1)
    fail("%s %s never reached %s=%s:\n%s" % (task, node, key, value, shown))


def main():
    farad = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="farad-cli-")
    server = Server(farad, workdir)
    cli = Cli(farad, server.url, workdir)
    try:
        check_tasks(cli, server, workdir)
        check_errors(cli, workdir)
        check_templates(cli, workdir)
        check_stats(cli)
        check_replay_from_log(cli, server)
        check_record_replay(cli, server, workdir)
    finally:
        if server.process.poll() is None:
            server.stop()
    version = cli.run("version", env_url=False).stdout
    if not re.fullmatch(r"farad \d+\.\d+\.\d+\n", version):
        fail("version printed %r" % version)
    shutil.rmtree(workdir)  # kept for inspection when a check fails
    print("PASS")


def check_tasks(cli, server, workdir):
    write_file(workdir, "cpu.tick", CPU_SCRIPT % "10.0")
    write_file(workdir, "mem.tick", MEM_SCRIPT)
    write_file(workdir, "mem_vars.json", json.dumps(
        {"threshold": {"type": "float", "value": 80.5},
         "period": {"type": "duration", "value": "10s"}}))

    # Through $FARAD_URL, and through -url before and after the command without it.
    cli.run("define", "cpu_high", "-tick", "cpu.tick", "-type", "stream",
            "--dbrp", "telegraf.autogen")
    cli.run("-url", server.url, "define", "mem_high", "-tick", "mem.tick", "-dbrp",
            '"telegraf"."autogen"', "-vars", "mem_vars.json", env_url=False)
    dbrps = '["telegraf"."autogen"]'
    listed = cli.run("list", "tasks", "-url", server.url, env_url=False).stdout
    expected = task_table([("cpu_high", "stream", "disabled", "false", dbrps),
                           ("mem_high", "stream", "disabled", "false", dbrps)])
    if listed != expected:
        fail("list tasks:\n%s\nexpected:\n%s" % (listed, expected))
    if cli.run("list", "tasks", "cpu*").stdout != task_table(
            [("cpu_high", "stream", "disabled", "false", dbrps)]):
        fail("list tasks with a pattern")

    cli.run("enable", "*_high")
    listed = cli.run("list", "tasks").stdout
    if listed != task_table([("cpu_high", "stream", "enabled", "true", dbrps),
                             ("mem_high", "stream", "enabled", "true", dbrps)]):
        fail("list tasks after enable:\n" + listed)

    usages = [5.0, 12.5, 30.0, 9.0, 11.0, 50.0]
    high = sum(1 for u in usages if u > 10.0)
    server.write("".join("cpu,host=a usage=%s %d\n" % (u, 1700000000 + i)
                         for i, u in enumerate(usages)))
    shown = wait_for_stats(cli, "cpu_high", "where2", "processed", len(usages))
    fields = show_fields(shown)
    want = {"ID": "cpu_high", "Error": "", "Template": "", "Type": "stream", "Status": "enabled",
            "Executing": "true", "Databases Retention Policies": dbrps}
    for key, value in want.items():
        if fields.get(key) != value:
            fail("show %s: %r, expected %r\n%s" % (key, fields.get(key), value, shown))
    for key in ("Created", "Modified", "LastEnabled"):
        if not re.fullmatch(r"\d\d [A-Z][a-z]{2} \d\d \d\d:\d\d UTC", fields.get(key, "")):
            fail("show %s: %r is not RFC822" % (key, fields.get(key)))
    if "|where(lambda: \"usage\" > 10.0)" not in shown:
        fail("show: no TICKscript\n" + shown)
    dot = dot_section(shown)
    if not dot.startswith('digraph cpu_high {\ngraph [throughput="') or \
            not re.search(r'^graph \[throughput="\d+\.\d\d points/s"\];$', dot, re.M):
        fail("show: DOT header\n" + dot)
    where = node_stats(dot, "where2")
    if where.get("emitted") != str(high) or where.get("errors") != "0" or \
            "working_cardinality" not in where or "avg_exec_time_ns" not in where:
        fail("where2 statistics %s, expected emitted=%d\n%s" % (where, high, dot))
    if not re.search(r'^from1 -> where2 \[processed="%d"\];$' % len(usages), dot, re.M):
        fail("edge from1 -> where2 should carry processed=%d\n%s" % (len(usages), dot))
    if not re.search(r'^where2 -> http_out3 \[processed="%d"\];$' % high, dot, re.M):
        fail("edge where2 -> http_out3 should carry processed=%d\n%s" % (high, dot))
    # Nodes in walk order, each once, sinks included.
    nodes = re.findall(r"^(\w+) \[", dot, re.M)
    if nodes != ["graph", "stream0", "from1", "where2", "http_out3"]:
        fail("DOT nodes %s\n%s" % (nodes, dot))

    shown = cli.run("show", "mem_high").stdout
    vars_table = shown.split("\nVars:\n", 1)[1].split("\nDOT:\n", 1)[0] if "\nVars:\n" in shown \
        else fail("show mem_high: no Vars\n" + shown)
    expected_vars = ("%-30s%-10s%-40s\n" % ("Name", "Type", "Value") +
                     "%-30s%-10s%-40s\n" % ("period", "duration", "10s") +
                     "%-30s%-10s%-40s" % ("threshold", "float", "80.5"))
    if vars_table != expected_vars:
        fail("show mem_high vars:\n%r\nexpected:\n%r" % (vars_table, expected_vars))

    cli.run("disable", "cpu_high")
    shown = cli.run("show", "cpu_high").stdout
    fields = show_fields(shown)
    if fields["Status"] != "disabled" or fields["Executing"] != "false":
        fail("show after disable:\n" + shown)
    if dot_section(shown) != ("digraph cpu_high {\nstream0 -> from1;\nfrom1 -> where2;\n"
                              "where2 -> http_out3;\n}\n"):
        fail("a stopped task shows the plain DOT:\n" + dot_section(shown))

    # Update of an enabled task: new script, still enabled and executing (reloaded).
    cli.run("enable", "cpu_high")
    write_file(workdir, "cpu2.tick", CPU_SCRIPT % "20.0")
    cli.run("define", "cpu_high", "-tick", "cpu2.tick")
    shown = cli.run("show", "cpu_high").stdout
    fields = show_fields(shown)
    if '"usage" > 20.0' not in shown or fields["Status"] != "enabled" or \
            fields["Executing"] != "true" or fields["Databases Retention Policies"] != dbrps:
        fail("show after define update:\n" + shown)
    # The reload started the task afresh: no point has reached it since.
    if node_stats(dot_section(shown), "where2").get("processed") != "0":
        fail("define of an enabled task did not reload it:\n" + shown)
    server.write("cpu,host=b usage=25.0 1700000100\n")
    wait_for_stats(cli, "cpu_high", "where2", "emitted", 1)
    cli.run("reload", "cpu_high")
    if node_stats(dot_section(cli.run("show", "cpu_high").stdout), "where2").get("processed") \
            != "0":
        fail("reload did not restart the task")
    cli.run("define", "cpu_high", "-tick", "cpu.tick", "-no-reload")
    shown = cli.run("show", "cpu_high").stdout
    if '"usage" > 10.0' not in shown or show_fields(shown)["Status"] != "enabled":
        fail("define -no-reload:\n" + shown)

    cli.run("delete", "tasks", "cpu_*", "nothing_matches*")
    listed = cli.run("list", "tasks").stdout
    if listed != task_table([("mem_high", "stream", "enabled", "true", dbrps)]):
        fail("list tasks after delete:\n" + listed)


def check_errors(cli, workdir):
    result = cli.run("show", "no_such_task", expect=1)
    if result.returncode != 1 or "no task exists" not in result.stderr:
        fail("show of an unknown task: exit %d, stderr %r" % (result.returncode, result.stderr))
    write_file(workdir, "bad.tick", "stream\n    |from()\n        .measurement('cpu')\n"
                                    "    |window().period(10)\n")
    result = cli.run("define", "bad", "-tick", "bad.tick", "-dbrp", "telegraf.autogen", expect=1)
    # The server's rendered diagnostic: position, message, the source line and a caret.
    if not re.search(r":4:22: error: .*period.*\n.*\|window\(\)\.period\(10\)\n +\^", result.stderr):
        fail("define of a bad script, stderr:\n" + result.stderr)
    if "bad" in cli.run("list", "tasks").stdout.split():
        fail("a bad script was defined")
    result = cli.run("list", "tasks", "-url", "http://127.0.0.1:1", expect=1)
    if not result.stderr.startswith("farad list: "):
        fail("unreachable server: " + result.stderr)
    result = cli.run("list", "things", expect=1)
    if "cannot list 'things'" not in result.stderr:
        fail("list of an unknown kind: " + result.stderr)
    result = cli.run("define", "x", "-tick", "missing.tick", expect=1)
    if "open missing.tick: no such file or directory" not in result.stderr:
        fail("define with a missing file: " + result.stderr)


def check_templates(cli, workdir):
    write_file(workdir, "tmpl.tick", "var measurement string\nvar limit = 10.0\n\nstream\n"
                                     "    |from()\n        .measurement(measurement)\n"
                                     "    |where(lambda: \"value\" > limit)\n"
                                     "    |httpOut('out')\n")
    cli.run("define-template", "gen_tmpl", "-tick", "tmpl.tick", "-type", "stream")
    listed = cli.run("list", "templates").stdout
    expected = "%-9s%-10s%-40s\n" % ("ID", "Type", "Vars") + \
        "%-9s%-10s%-40s\n" % ("gen_tmpl", "stream", "limit,measurement")
    if listed != expected:
        fail("list templates:\n%r\nexpected:\n%r" % (listed, expected))
    shown = cli.run("show-template", "gen_tmpl").stdout
    if not shown.startswith("ID: gen_tmpl\nError: \nType: stream\n") or \
            "%-30s%-10s%-40s%-40s\n" % ("measurement", "string", "<required>", "") not in shown:
        fail("show-template:\n" + shown)
    write_file(workdir, "disk_vars.json", json.dumps(
        {"measurement": {"type": "string", "value": "disk"}}))
    cli.run("define", "disk_task", "-template", "gen_tmpl", "-vars", "disk_vars.json",
            "-dbrp", "telegraf.autogen")
    shown = cli.run("show", "disk_task").stdout
    if show_fields(shown)["Template"] != "gen_tmpl" or \
            "%-30s%-10s%-40s\n" % ("measurement", "string", "disk") not in shown:
        fail("show of a task from a template:\n" + shown)
    cli.run("delete", "tasks", "disk_task")
    cli.run("delete", "templates", "gen_*")
    if cli.run("list", "templates").stdout != "ID Type      Vars" + " " * 36 + "\n":
        fail("list templates after delete:\n" + cli.run("list", "templates").stdout)


def check_stats(cli):
    general = cli.run("stats", "general").stdout
    if not re.search(r"^Tasks:\s{24}1\s*$", general, re.M) or "Version:" not in general:
        fail("stats general:\n" + general)
    ingress = cli.run("stats", "ingress").stdout
    # 6 + 1 cpu points written in check_tasks.
    if not re.search(r"^telegraf\s+autogen\s+cpu\s+7$", ingress, re.M):
        fail("stats ingress:\n" + ingress)


def check_replay_from_log(cli, server):
    """farad's replay -task -start -stop: the points of the log in that range, into the task."""
    cli.run("disable", "mem_high")
    # mem points: 3 above the threshold (80.5), in one 10s window, then one closing it.
    server.write("mem used=90 1700002000\nmem used=10 1700002001\nmem used=95 1700002002\n"
                 "mem used=99 1700002003\nmem used=1 1700002015\n")
    result = cli.run("replay", "-task", "mem_high", "-start", "2023-11-14T22:46:00Z",
                     "-stop", "2023-11-14T22:47:00Z", "-replay-id", "log1", "-rec-time")
    if result.stdout != "log1\n":
        fail("replay from the log: %r %r" % (result.stdout, result.stderr))
    listed = cli.run("list", "replays").stdout
    expected = "%-5s%-9s%-10s%-9s%-8s" % ("ID", "Task", "Recording", "Status", "Clock")
    rows = listed.splitlines()
    if len(rows) != 2 or not rows[0].startswith(expected + "Date") or \
            not rows[1].startswith("%-5s%-9s%-10s%-9s%-8s" % ("log1", "mem_high", "", "finished",
                                                              "fast")):
        fail("list replays:\n%s" % listed)
    result = cli.run("replay", "-task", "mem_high", "-start", "yesterday", expect=1)
    if "RFC3339" not in result.stderr:
        fail("replay with a bad time: " + result.stderr)
    result = cli.run("replay", "-task", "no_such_task", "-start", "2023-11-14T22:46:00Z",
                     expect=1)
    if not result.stderr.strip():
        fail("replay into an unknown task printed no error")
    cli.run("delete", "replays", "log?")
    if cli.run("list", "replays").stdout.count("\n") != 1:
        fail("delete replays left some")


def check_record_replay(cli, server, workdir):
    """Kapacitor's record stream then replay -recording."""
    cli.run("enable", "mem_high")
    recorder = subprocess.Popen(
        [cli.farad, "record", "stream", "-task", "mem_high", "-duration", "1m",
         "-recording-id", "rec1", "-url", server.url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        now = int(time.time())
        # Stream recordings stop in data time: the last point, past the stop, ends it.
        server.write("mem used=91 %d\nmem used=92 %d\nmem used=93 %d\n"
                     % (now, now + 1, now + 3600))
        out, err = recorder.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        fail("record stream did not finish within %ds of its last point" % TIMEOUT)
    finally:
        if recorder.poll() is None:
            recorder.kill()
            recorder.wait()
    if recorder.returncode != 0 or out != "rec1\n":
        fail("record stream: exit %d, %r %r" % (recorder.returncode, out, err))
    rows = cli.run("list", "recordings").stdout.splitlines()
    if len(rows) != 2 or not rows[0].startswith("ID   Type    Status    Size      Date") or \
            not re.match(r"rec1 stream  finished  \d+ B +\d\d [A-Z][a-z]{2} \d\d ", rows[1]):
        fail("list recordings:\n" + "\n".join(rows))
    result = cli.run("replay", "-recording", "rec1", "-task", "mem_high", "-replay-id", "rp1")
    if result.stdout != "rp1\n":
        fail("replay: %r %r" % (result.stdout, result.stderr))
    result = cli.run("replay", "-recording", "no_such_recording", "-task", "mem_high", expect=1)
    if not result.stderr.strip():
        fail("replay of an unknown recording printed no error")
    cli.run("delete", "replays", "rp*")
    cli.run("delete", "recordings", "rec?")
    if cli.run("list", "replays").stdout.count("\n") != 1 or \
            cli.run("list", "recordings").stdout.count("\n") != 1:
        fail("delete recordings/replays left some")


if __name__ == "__main__":
    main()
