#!/usr/bin/env python3
"""farad side of scripts/bench/ingest (Python standard library only).

Subcommands:
  define URL SCRIPT            define and enable task `rollup` from SCRIPT through the task API
  wait-processed URL LINES SECONDS
                               wait until the task's stream node has processed LINES points;
                               prints the seconds waited
  report SUMMARY.json [DOCS]   print the markdown table; with DOCS, replace the marked section
"""
import http.client
import json
import sys
import time
import urllib.parse

from influxdb_helper import bullet, paragraph, replace_docs_section

DOCS_BEGIN = "<!-- scripts/bench/ingest: begin -->"
DOCS_END = "<!-- scripts/bench/ingest: end -->"


def connect(url):
    parsed = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)


def define(url, script_path):
    with open(script_path) as f:
        script = f.read()
    conn = connect(url)
    conn.request("POST", "/kapacitor/v1/tasks", json.dumps(
        {"id": "rollup", "type": "stream", "script": script, "status": "enabled"}),
        {"Content-Type": "application/json"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit("farad: define answered %d %s" % (response.status, body[:500]))


def processed(url):
    conn = connect(url)
    conn.request("GET", "/kapacitor/v1/tasks/rollup")
    response = conn.getresponse()
    task = json.loads(response.read())
    nodes = task["stats"]["node-stats"]
    return nodes.get("stream0", {}).get("processed", 0)


def wait_processed(url, lines, seconds):
    start = time.monotonic()
    deadline = start + float(seconds)
    while time.monotonic() < deadline:
        if processed(url) >= int(lines):
            print("%.3f" % (time.monotonic() - start))
            return
        time.sleep(0.02)
    sys.exit("farad: only %d of %s points processed after %s s" % (processed(url), lines, seconds))


def mib(kib):
    return "%s MiB" % format(round(kib / 1024, 1), ",")


def render(s):
    influx, farad = s["influxdb"], s["farad"]
    lines = farad["ingest"]["lines"]
    influx_rate = lines / influx["ingest"]["seconds"]
    farad_ack_rate = lines / farad["ingest"]["seconds"]
    farad_rate = lines / farad["seconds_processed"]
    rows = [
        ("InfluxDB %s `/write`" % influx["version"], "%.2f" % influx["ingest"]["seconds"],
         format(round(influx_rate), ","), "%.1f" % influx["cpu_seconds"], mib(influx["peak_rss_kib"]),
         "1.0", "1.0"),
        ("farad serve: acknowledged (logged)", "%.2f" % farad["ingest"]["seconds"],
         format(round(farad_ack_rate), ","), "", "", "%.1f" % (farad_ack_rate / influx_rate), ""),
        ("**farad serve: processed by the rollup task**", "**%.2f**" % farad["seconds_processed"],
         "**%s**" % format(round(farad_rate), ","), "%.1f" % farad["cpu_seconds"],
         "**%s**" % mib(farad["peak_rss_kib"]), "**%.1f**" % (farad_rate / influx_rate),
         "%.1f" % (influx["peak_rss_kib"] / farad["peak_rss_kib"])),
    ]
    table = ["| server | wall s | lines/s | CPU s | peak RSS | lines/s vs InfluxDB "
             "| InfluxDB RSS / farad |", "|---|---:|---:|---:|---:|---:|---:|"]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    ratio = farad_rate / influx_rate
    notes = [
        "Target: farad ingests at least 4× InfluxDB's lines/s (measured %.1f×: %s)."
        % (ratio, "met" if ratio >= 4 else "not met"),
        "%s lines (%s devices × %s interfaces, one day at 60 s) in %d gzip bodies of %d lines, "
        "%d concurrent keep-alive clients (one Python process: %.1f CPU s for InfluxDB's run, "
        "%.1f for farad's; %d and %d retries on 503/500)."
        % (format(lines, ","), s["devices"], s["ifaces"], farad["ingest"]["bodies"],
           s["lines_per_body"], s["clients"], influx["ingest"]["client_cpu_seconds"],
           farad["ingest"]["client_cpu_seconds"], influx["ingest"]["retries"],
           farad["ingest"]["retries"]),
        "1-minute load average %.1f before, %.1f after, on %d cores (the machine is shared: "
        "wall times stretch, CPU s less so)." % (s["load_before"], s["load_after"], s["cores"]),
    ]
    return "\n".join(table), notes


def report(summary_path, docs_path=None):
    with open(summary_path) as f:
        s = json.load(f)
    table, notes = render(s)
    print(table)
    print()
    for note in notes:
        print("- " + note)
    if not docs_path:
        return

    section = "\n".join([
        DOCS_BEGIN,
        "## Ingest: farad serve and InfluxDB %s, same bodies, same clients" % s["influxdb"]["version"],
        "",
        "```sh",
        s["command"],
        "```",
        "",
        paragraph(
            "The same generated SNMP day, cut into %d-line gzip bodies, is POSTed to `/write` by "
            "%d concurrent keep-alive clients, first to a private InfluxDB (throwaway data "
            "directory, `inmem` index), then to `farad serve` (write-ahead log with `fsync = "
            "\"interval\"`, the main job `examples/snmp_rollup.tick` enabled with a fileOut "
            "output). InfluxDB's time is until the last body is acknowledged; farad's until the "
            "rollup task has processed every point (its acknowledgement, after the log append, "
            "comes earlier and is shown too). Peak RSS is each server's `VmHWM`; CPU s its user + "
            "system time. Measured %s on the %d-core development machine:"
            % (s["lines_per_body"], s["clients"], s["date"], s["cores"])),
        "",
        table,
        "",
    ] + [bullet(note) for note in notes] + [DOCS_END])
    replace_docs_section(docs_path, DOCS_BEGIN, DOCS_END, section)


COMMANDS = {"define": define, "wait-processed": wait_processed, "report": report}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
