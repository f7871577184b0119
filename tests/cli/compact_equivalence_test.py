#!/usr/bin/env python3
"""`farad run` with and without compact points (FARAD_NO_COMPACT=1) must not differ.

Usage: compact_equivalence_test.py FARAD MAIN_JOB_SCRIPT

Generates a few hours of SNMP counters (`farad gen snmp`, out of order, with resets, gaps,
32-bit counters and sysUpTime), splits them into two input files, adds bad lines, lines with
a string field, a series key with escapes and a measurement with many fields, then runs a
set of scripts twice over both files: once as `farad run` chooses (compact points wherever
the task takes them) and once with FARAD_NO_COMPACT=1 (Points everywhere). The --output and
--stats files, the exit codes and stderr must be byte-identical.
"""

import os
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = 120  # seconds for any one command


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(command, env=None):
    result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=env)
    return result.returncode, result.stdout, result.stderr


HEADER = 'dbrp "telegraf"."autogen"\n\n'

# name -> script (after the dbrp line). Only stream, from, counterRate, window and rollup have
# known reads, so every script ends in a rollup: the task then reads only some fields and
# `farad run` feeds it compact points, except where noted. Short windows keep the rollups
# close to the individual rates.
SCRIPTS = {
    "lateness_heartbeat_uptime": """
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifHCInOctets', 'ifInOctets')
        .width(64, 32)
        .uptime('sysUpTime')
        .heartbeat(1m)
        .lateness(30s)
        .as('hc_bps', 'in_bps')
    |window()
        .period(30s)
        .every(30s)
    |rollup('hc_bps', 'in_bps')
        .counts()
    |influxDBOut()
""",
    "window_rollup_counts": """
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifHCInOctets', 'ifHCOutOctets')
        .ceiling(125000000.0)
        .lateness(60s)
        .as('in_bps', 'out_bps')
    |window()
        .period(10m)
        .every(10m)
        .align()
    |rollup('in_bps', 'out_bps')
        .counts()
    |influxDBOut()
""",
    "window_lateness_rollup": """
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host')
        .truncate(1s)
    |window()
        .period(5m)
        .every(5m)
        .align()
        .lateness(45s)
    |rollup('ifHCInOctets', 'ifOutOctets')
        .counts()
    |influxDBOut()
""",
    "window_by_count_rollup": """
stream
    |from()
        .measurement('interface')
        .groupBy('ifName')
    |window()
        .periodCount(7)
        .everyCount(7)
    |rollup('ifHCOutOctets')
    |influxDBOut()
""",
    # A where lambda: the task keeps every field and takes Points.
    "where_falls_back_to_points": """
stream
    |from()
        .measurement('interface')
        .where(lambda: "ifName" != 'Gi0/2')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifHCInOctets')
        .lateness(30s)
        .as('in_bps')
    |window()
        .period(1m)
        .every(1m)
    |rollup('in_bps')
    |influxDBOut()
""",
    "group_by_star": """
stream
    |from()
        .measurement('interface')
        .groupBy(*)
    |counterRate('ifHCOutOctets')
        .lateness(20s)
        .as('out_bps')
    |window()
        .period(1m)
        .every(1m)
    |rollup('out_bps')
        .counts()
    |influxDBOut()
""",
    # ifAlias is a string on the lines that have it: those lines travel as Points.
    "string_field_observed": """
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |window()
        .period(1m)
        .every(1m)
    |rollup('ifHCInOctets', 'ifAlias')
        .counts()
    |influxDBOut()
""",
    # .details(): counterRate takes Points, from still gets compact ones.
    "details_no_compact_after": """
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifInOctets', 'ifHCOutOctets')
        .width(32, 64)
        .ceiling(125000000.0)
        .lateness(30s)
        .as('in_bps', 'out_bps')
        .details()
    |window()
        .period(1m)
        .every(1m)
    |rollup('in_bps', 'out_bps')
        .timeWeighted()
        .counts()
    |influxDBOut()
""",
    # Five input fields and four rates: more than a compact point holds, counterRate goes on
    # with Points.
    "more_fields_than_compact_holds": """
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifHCInOctets', 'ifHCOutOctets', 'ifInOctets', 'ifOutOctets')
        .width(64, 64, 32, 32)
        .uptime('sysUpTime')
        .lateness(30s)
        .as('a', 'b', 'c', 'd')
    |window()
        .period(30s)
        .every(30s)
    |rollup('a', 'b', 'c', 'd')
        .counts()
    |influxDBOut()
""",
    # Seven fields on some lines: those lines travel as Points.
    "many_fields_measurement": """
stream
    |from()
        .measurement('many')
        .groupBy('host')
    |window()
        .period(10m)
        .every(10m)
    |rollup('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7')
        .counts()
    |influxDBOut()
""",
    # Two children of counterRate (a copy for the first), two froms under the stream.
    "two_branches": """
var rates = stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifHCInOctets')
        .lateness(30s)
        .as('in_bps')

rates
    |window()
        .period(10m)
        .every(10m)
    |rollup('in_bps')
    |influxDBOut()

rates
    |window()
        .period(30s)
        .every(30s)
    |rollup('in_bps')
        .counts()
    |influxDBOut()

stream
    |from()
        .measurement('many')
    |window()
        .period(5m)
        .every(5m)
    |rollup('f1')
    |influxDBOut()
""",
}


def bad_lines(t):
    """Rejected lines: their errors must be reported the same, between the same points."""
    return [
        "interface,agent_host=10.0.0.1,ifName=Gi0/1 ifHCInOctets= %d" % (t + 11),
        "interface,agent_host=10.0.0.1,ifName=Gi0/1 ifHCInOctets=1i 12a",
        "interface,agent_host=10.0.0.1,ifName=Gi0/1,ifName=x ifHCInOctets=1i %d" % (t + 12),
        "interface,agent_host=10.0.0.1,ifName=Gi0/1 ifHCInOctets=1i,=2i %d" % (t + 13),
        "interface,agent_host= ifHCInOctets=1i %d" % (t + 14),
    ]


def extra_lines(k, at):
    """The k-th group of extra lines, at about time `at`: string fields, an escaped series
    key and a measurement with 7 fields."""
    lines = []
    # A string field where a counter is expected: the node's type error, on Points.
    if k % 13 == 5:
        lines.append('interface,agent_host=10.0.0.2,ifName=Gi0/1 ifHCInOctets="oops" %d' % at)
    # An observed string field: the line cannot be compact.
    lines.append(
        'interface,agent_host=10.0.0.9,ifName=Gi0/9 ifHCInOctets=%di,ifHCOutOctets=%di,'
        'ifAlias="%s" %d' % (1000 * k * k, 500 * k, "up" if k % 3 else "down", at))
    # A series key with escapes: never remembered by the reader's memo.
    lines.append(
        "interface,agent_host=10.0.0.8,ifName=Gi0/8\\ uplink ifHCInOctets=%di,"
        "ifHCOutOctets=%di,ifInOctets=%di,ifOutOctets=%di,sysUpTime=%di %d" %
        (7000 * k, 3000 * k, (2**32 - 50000 + 900 * k) % 2**32, 40 * k, 100 * k * 30, at))
    # Seven observed fields: more than a compact point holds.
    lines.append(
        "many,host=h%d f1=%d,f2=%di,f3=%du,f4=%d.5,f5=%di,f6=%d,f7=%di %d" %
        (k % 2, k, k, k, k, -k, k * 2, k * 3, at))
    # The same measurement with fewer fields: compact.
    lines.append("many,host=h%d f1=%d,f7=%di %d" % (k % 2, k + 100, k, at + 1))
    return lines


def split_with_extras(data):
    """Two inputs: the generated lines with the extra ones among them (at the time of the
    line before), cut in the middle; the second with CRLF line ends."""
    generated = data.splitlines()
    merged = []
    k = 0
    for i, line in enumerate(generated):
        merged.append(line)
        at = int(line.rsplit(" ", 1)[1]) + 7
        if i == 20:
            merged.extend(bad_lines(at))
        if i % 9 == 4:
            merged.extend(extra_lines(k, at))
            k += 1
    merged.insert(len(merged) // 3, "# a comment")
    merged.insert(len(merged) // 3, "")
    middle = len(merged) // 2
    return "\n".join(merged[:middle]) + "\n", "\r\n".join(merged[middle:]) + "\r\n"


def run_both(farad, script_path, inputs, workdir, name, flush):
    results = []
    for compact in (True, False):
        tag = "%s-%s%s" % (name, "compact" if compact else "points", "-flush" if flush else "")
        output = os.path.join(workdir, tag + ".out.lp")
        stats = os.path.join(workdir, tag + ".stats.jsonl")
        command = [farad, "run", script_path, "--output", output, "--stats", stats]
        for path in inputs:
            command += ["--input", path]
        if flush:
            command.append("--flush")
        env = dict(os.environ)
        env.pop("FARAD_NO_COMPACT", None)
        if not compact:
            env["FARAD_NO_COMPACT"] = "1"
        code, _, stderr = run(command, env)
        with open(output, "rb") as f:
            out_bytes = f.read()
        with open(stats, "rb") as f:
            stats_bytes = f.read()
        results.append((code, out_bytes, stats_bytes, stderr))
    (code_a, out_a, stats_a, err_a), (code_b, out_b, stats_b, err_b) = results
    what = "%s%s" % (name, " --flush" if flush else "")
    if code_a != 0:
        fail("%s: farad run exited with %d:\n%s" % (what, code_a, err_a.decode()))
    if code_a != code_b:
        fail("%s: exit codes differ: %d vs %d" % (what, code_a, code_b))
    if out_a != out_b:
        fail("%s: outputs differ (see %s-*.out.lp)" % (what, os.path.join(workdir, name)))
    if stats_a != stats_b:
        fail("%s: stats differ:\n%s\n---\n%s" % (what, stats_a.decode(), stats_b.decode()))
    if err_a != err_b:
        fail("%s: stderr differs:\n%s\n---\n%s" % (what, err_a.decode(), err_b.decode()))
    return out_a, stats_a, err_a


def main():
    if len(sys.argv) != 3:
        fail("usage: compact_equivalence_test.py FARAD MAIN_JOB_SCRIPT")
    farad, main_job = sys.argv[1], sys.argv[2]
    workdir = tempfile.mkdtemp(prefix="farad-compact-")
    data_path = os.path.join(workdir, "gen.lp")
    code, _, err = run([farad, "gen", "snmp", "--devices", "3", "--ifaces", "3", "--interval",
                        "10s", "--duration", "3h", "--uptime", "--wrap32", "--reset-prob", "0.01",
                        "--gap-prob", "0.02", "--jitter", "3s", "--shuffle-window", "40s",
                        "--seed", "compact", "--out", data_path])
    if code != 0:
        fail("farad gen snmp: " + err.decode())
    with open(data_path) as f:
        data = f.read()
    part1, part2 = split_with_extras(data)
    inputs = [os.path.join(workdir, "part1.lp"), os.path.join(workdir, "part2.lp")]
    for path, text in zip(inputs, (part1, part2)):
        with open(path, "w", newline="") as f:
            f.write(text)

    with open(main_job) as f:
        main_text = f.read()
    scripts = {"main_job": main_text,
               "main_job_10m": main_text.replace("var period = 1d", "var period = 10m")}
    if scripts["main_job_10m"] == main_text:
        fail("the main job no longer has `var period = 1d`: update this test")
    for name, body in SCRIPTS.items():
        scripts[name] = HEADER + body.lstrip("\n")

    checked = 0
    for name, text in scripts.items():
        script_path = os.path.join(workdir, name + ".tick")
        with open(script_path, "w") as f:
            f.write(text)
        for flush in (False, True):
            out, stats, err = run_both(farad, script_path, inputs, workdir, name, flush)
            # Not vacuous: every script gives output with --flush, and the bad lines are seen.
            if flush and not out:
                fail("%s --flush: no output at all" % name)
            if not stats:
                fail("%s: no stats" % name)
            if err.count(b": error: ") < 5:
                fail("%s: the rejected lines are not reported:\n%s" % (name, err.decode()))
            checked += 1
    print("ok: %d runs of %d scripts identical with and without compact points" %
          (checked, len(scripts)))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
