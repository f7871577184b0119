#!/usr/bin/env python3
"""Client side of scripts/bench/influxdb (Python standard library only).

Subcommands:
  free-ports N                 print N free TCP ports on 127.0.0.1
  bodies LP OUT LINES          split LP into LINES-line bodies, gzip each (level 6, as Telegraf's
                               Go gzip default), write them back to back to OUT (a valid gzip
                               file of the whole input) and OUT.idx (offset, size, lines per body)
  wait URL SECONDS             wait until GET URL/ping answers 204
  ingest URL BODIES CLIENTS    CREATE DATABASE telegraf, then POST every body to
                               /write?db=telegraf&rp=autogen with CLIENTS concurrent keep-alive
                               connections; prints a JSON summary (wall and client CPU seconds)
  query URL START_NS STOP_NS OUT
                               run the rollup query once per counter field, save the rows as JSON
                               lines to OUT; prints a JSON summary (seconds per query)
  compare INFLUX_ROWS FARAD_LP PERIOD_NS
                               compare InfluxDB's rows with farad's (Kapacitor-mode) output;
                               prints a JSON summary
  report SUMMARY.json [DOCS]   print the markdown table; with DOCS, replace the marked section
"""
import gzip
import json
import os
import resource
import socket
import sys
import textwrap
import threading
import time
import datetime
import http.client
import urllib.parse

FIELDS = ("ifHCInOctets", "ifHCOutOctets")
DOCS_BEGIN = "<!-- scripts/bench/influxdb: begin -->"
DOCS_END = "<!-- scripts/bench/influxdb: end -->"


def free_ports(count):
    sockets = []
    for _ in range(int(count)):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    print(" ".join(str(s.getsockname()[1]) for s in sockets))
    for s in sockets:
        s.close()


def bodies(lp_path, out_path, lines_per_body):
    lines_per_body = int(lines_per_body)
    tmp = out_path + ".tmp"
    index = []
    offset = 0
    with open(lp_path, "rb") as src, open(tmp, "wb") as out:
        while True:
            chunk = [line for _, line in zip(range(lines_per_body), src)]
            if not chunk:
                break
            body = gzip.compress(b"".join(chunk), compresslevel=6, mtime=0)
            out.write(body)
            index.append((offset, len(body), len(chunk)))
            offset += len(body)
    with open(out_path + ".idx", "w") as idx:
        for entry in index:
            idx.write("%d %d %d\n" % entry)
    os.replace(tmp, out_path)


def split_url(url):
    parsed = urllib.parse.urlsplit(url)
    return parsed.hostname, parsed.port


def request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response.status, response.read()


def influxql(conn, statement, **params):
    params["q"] = statement
    form = urllib.parse.urlencode(params)
    status, payload = request(conn, "POST", "/query", form,
                              {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        sys.exit("influxdb: %s -> HTTP %d %s" % (statement, status, payload[:500]))
    result = json.loads(payload)
    for statement_result in result.get("results", []):
        if "error" in statement_result:
            sys.exit("influxdb: %s -> %s" % (statement, statement_result["error"]))
    return result


def wait(url, seconds):
    host, port = split_url(url)
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(host, port, timeout=2)
            status, _ = request(conn, "GET", "/ping")
            if status == 204:
                return
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit("influxdb: no answer on %s/ping after %s s" % (url, seconds))


def ingest(url, bodies_path, clients):
    host, port = split_url(url)
    with open(bodies_path + ".idx") as idx:
        index = [tuple(map(int, line.split())) for line in idx]
    influxql(http.client.HTTPConnection(host, port), "CREATE DATABASE telegraf")

    next_body = iter(index)
    lock = threading.Lock()
    failures = []
    retries = [0]
    fd = os.open(bodies_path, os.O_RDONLY)
    headers = {"Content-Encoding": "gzip", "Content-Type": "text/plain; charset=utf-8"}

    def client():
        conn = http.client.HTTPConnection(host, port, timeout=600)
        while True:
            with lock:
                entry = next(next_body, None)
            if entry is None or failures:
                return
            offset, size, _ = entry
            body = os.pread(fd, size, offset)
            # Telegraf retries a failed write; only a server busy compacting (cache full,
            # write queue full) is retried here, anything else stops the run.
            for attempt in range(100):
                status, payload = request(conn, "POST", "/write?db=telegraf&rp=autogen", body,
                                          headers)
                if status == 204:
                    break
                if status not in (500, 503) or attempt == 99:
                    failures.append("HTTP %d %s" % (status, payload[:300]))
                    return
                with lock:
                    retries[0] += 1
                time.sleep(0.05)

    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(int(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    if failures:
        sys.exit("influxdb: write failed: %s" % failures[0])
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    print(json.dumps({"seconds": seconds, "client_cpu_seconds": cpu, "bodies": len(index),
                      "lines": sum(entry[2] for entry in index), "retries": retries[0]}))


def rfc3339(ns):
    seconds = datetime.datetime.fromtimestamp(ns // 10**9, datetime.timezone.utc)
    return seconds.strftime("%Y-%m-%dT%H:%M:%SZ")


def rollup_query(field, start_ns, stop_ns):
    # The outer WHERE too: without it InfluxQL fills every day from the first one up to now.
    where = "time >= '%s' AND time < '%s'" % (rfc3339(start_ns), rfc3339(stop_ns))
    return ("SELECT mean(r) FROM (SELECT non_negative_derivative(%s, 1s) AS r FROM interface "
            "WHERE %s GROUP BY *) WHERE %s GROUP BY time(1d), *" % (field, where, where))


def query(url, start_ns, stop_ns, out_path):
    host, port = split_url(url)
    conn = http.client.HTTPConnection(host, port, timeout=3600)
    summary = {"queries": {}, "seconds": 0.0}
    with open(out_path, "w") as out:
        for field in FIELDS:
            statement = rollup_query(field, int(start_ns), int(stop_ns))
            start = time.monotonic()
            result = influxql(conn, statement, db="telegraf", epoch="ns")
            seconds = time.monotonic() - start
            rows = 0
            for series in result["results"][0].get("series", []):
                column = series["columns"].index("mean")
                for values in series["values"]:
                    out.write(json.dumps({"field": field, "tags": series.get("tags", {}),
                                          "time": values[0], "mean": values[column]}) + "\n")
                    rows += 1
            summary["queries"][field] = {"statement": statement, "seconds": seconds,
                                         "rows": rows}
            summary["seconds"] += seconds
    print(json.dumps(summary))


def parse_line_protocol(line):
    """Parses farad's output lines: measurement,tags mean=FLOAT time (no escapes in this data)."""
    series, fields, stamp = line.split(" ")
    measurement, *tags = series.split(",")
    values = dict(pair.split("=", 1) for pair in fields.split(","))
    return measurement, dict(tag.split("=", 1) for tag in tags), float(values["mean"]), int(stamp)


def compare(influx_rows_path, farad_lp_path, period_ns):
    period_ns = int(period_ns)

    def key(field, tags, start_ns):
        return (field, tuple(sorted(tags.items())), start_ns)

    influx = {}
    nulls = 0
    with open(influx_rows_path) as rows:
        for line in rows:
            row = json.loads(line)
            if row["mean"] is None:
                nulls += 1
                continue
            influx[key(row["field"], row["tags"], row["time"])] = row["mean"]
    farad = {}
    with open(farad_lp_path) as lines:
        for line in lines:
            field, tags, mean, end_ns = parse_line_protocol(line.rstrip("\n"))
            # Kapacitor stamps a window's batch at the window's end, InfluxQL at its start.
            farad[key(field, tags, end_ns - period_ns)] = mean
    common = influx.keys() & farad.keys()
    equal = sum(1 for k in common if influx[k] == farad[k])
    max_relative = 0.0
    for k in common:
        a, b = influx[k], farad[k]
        if a != b:
            max_relative = max(max_relative, abs(a - b) / max(abs(a), abs(b)))
    print(json.dumps({"influx_rows": len(influx), "influx_null_rows": nulls,
                      "farad_rows": len(farad), "common_rows": len(common), "equal_rows": equal,
                      "only_influx": len(influx.keys() - farad.keys()),
                      "only_farad": len(farad.keys() - influx.keys()),
                      "max_relative_difference": max_relative,
                      "agree": len(common) == len(influx) == len(farad) and equal == len(common)
                      and len(common) > 0}))


def mib(kib):
    return "%s MiB" % format(round(kib / 1024, 1), ",")


def ratio(a, b):
    return "%.1f" % (a / b) if b else "–"


def render(s):
    influx = s["influxdb"]
    cmp = s["compare"]
    total = influx["ingest"]["seconds"] + influx["query"]["seconds"]
    kap, main = s["farad_kapacitor"], s["farad_main"]
    agree = ("**yes**: %d of %d rows exactly equal" % (cmp["equal_rows"], cmp["influx_rows"])
             if cmp["agree"] else
             "**no**: %d of %d InfluxDB rows equal (%d farad rows), max relative difference %.3g"
             % (cmp["equal_rows"], cmp["influx_rows"], cmp["farad_rows"],
                cmp["max_relative_difference"]))
    rows = [
        ("InfluxDB ingest (%s lines, %d bodies, %d clients)"
         % (format(influx["ingest"]["lines"], ","), influx["ingest"]["bodies"], s["clients"]),
         "%.2f" % influx["ingest"]["seconds"], "%.1f" % influx["ingest_cpu_seconds"], "", "", "",
         ""),
        ("InfluxDB rollup query (%d fields, one query each)" % len(influx["query"]["queries"]),
         "%.2f" % influx["query"]["seconds"], "%.1f" % influx["query_cpu_seconds"], "", "", "",
         ""),
        ("**InfluxDB total** (ingest + query)", "**%.2f**" % total,
         "%.1f" % (influx["ingest_cpu_seconds"] + influx["query_cpu_seconds"]),
         "**%s**" % mib(influx["peak_rss_kib"]), "1.0", "1.0", "reference"),
        ("farad, Kapacitor-mode task (`scripts/bench/kapacitor_rollup.tick`)",
         "%.2f" % kap["seconds"], "%.1f" % kap["cpu_seconds"], mib(kap["peak_rss_kib"]),
         ratio(total, kap["seconds"]), ratio(influx["peak_rss_kib"], kap["peak_rss_kib"]), agree),
        ("farad, main job (`examples/snmp_rollup.tick`)", "**%.2f**" % main["seconds"],
         "%.1f" % main["cpu_seconds"], "**%s**" % mib(main["peak_rss_kib"]),
         "**%s**" % ratio(total, main["seconds"]),
         "**%s**" % ratio(influx["peak_rss_kib"], main["peak_rss_kib"]), "not compared"),
    ]
    table = ["| run | wall s | CPU s | peak RSS | InfluxDB time / run | InfluxDB RSS / run "
             "| values vs InfluxDB |", "|---|---:|---:|---:|---:|---:|---|"]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    queries = "\n".join(q["statement"] for q in influx["query"]["queries"].values())
    time_ratio = total / main["seconds"]
    rss_ratio = influx["peak_rss_kib"] / main["peak_rss_kib"]
    notes = [
        "Target for the main job: at least 50× less time than InfluxDB's ingest + query "
        "(measured %.1f×: %s) and at most a twentieth of its peak memory (measured 1/%.1f: %s)."
        % (time_ratio, "met" if time_ratio >= 50 else "not met", rss_ratio,
           "met" if rss_ratio >= 20 else "not met"),
        "%s lines (%s devices × %s interfaces, %s day%s at 60 s), %s MB of line protocol."
        % (format(influx["ingest"]["lines"], ","), s["devices"], s["ifaces"], s["days"],
           "" if s["days"] == 1 else "s",
           format(round(s["data_bytes"] / 1e6), ",")),
        "Ingest client: %.1f CPU s of its own for %.1f s of wall time (bodies pre-gzipped, %d "
        "retries)." % (influx["ingest"]["client_cpu_seconds"], influx["ingest"]["seconds"],
                       influx["ingest"]["retries"]),
        "Query seconds per field: %s." % ", ".join(
            "%s %.2f" % (f, q["seconds"]) for f, q in influx["query"]["queries"].items()),
        "1-minute load average %.1f before the InfluxDB run, %.1f after the farad runs, on %d "
        "cores (other work on the machine stretches wall times; CPU s is less affected)."
        % (s["load_before"], s["load_after"], s["cores"]),
        "Values: %d InfluxDB rows, %d farad rows, %d in both, %d exactly equal, max relative "
        "difference %.3g." % (cmp["influx_rows"], cmp["farad_rows"], cmp["common_rows"],
                              cmp["equal_rows"], cmp["max_relative_difference"]),
    ]
    return "\n".join(table), queries, notes


def paragraph(text):
    return textwrap.fill(text, width=100, break_on_hyphens=False, break_long_words=False)


def bullet(text):
    return textwrap.fill(text, width=100, initial_indent="- ", subsequent_indent="  ",
                         break_on_hyphens=False, break_long_words=False)


def replace_docs_section(docs_path, begin, end, section):
    """Puts `section` (which starts with `begin` and ends with `end`) in place of the text
    between those markers in docs_path, or appends it."""
    with open(docs_path) as f:
        text = f.read()
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(docs_path, "w") as f:
        f.write(text)
    print("\nwrote the section to %s" % docs_path)


def report(summary_path, docs_path=None):
    with open(summary_path) as f:
        s = json.load(f)
    table, queries, notes = render(s)
    print(table)
    print()
    for note in notes:
        print("- " + note)
    if not docs_path:
        return
    section = "\n".join([
        DOCS_BEGIN,
        "## Side by side with InfluxDB %s" % s["influxdb"]["version"],
        "",
        "```sh",
        s["command"],
        "```",
        "",
        paragraph(
            "InfluxDB (Debian's `influxd`, its own throwaway data directory, bound to 127.0.0.1, "
            "default `inmem` index) ingests the generated line protocol through `/write` in "
            "%d-line gzip bodies from %d concurrent keep-alive clients, as Telegraf sends it; "
            "then it runs the rollup as InfluxQL, one query per counter:"
            % (s["lines_per_body"], s["clients"])),
        "",
        "```sql",
        queries,
        "```",
        "",
        paragraph(
            "farad runs the same file twice with `--flush`: the same computation written as a "
            "plain Kapacitor task (`scripts/bench/kapacitor_rollup.tick`, grouped by all four "
            "tags like `GROUP BY *`; its daily means must equal InfluxDB's bit for bit once "
            "Kapacitor's window-end time is mapped to InfluxDB's window start), and the main job "
            "`examples/snmp_rollup.tick`. Wall time and peak RSS come from `/usr/bin/time` for "
            "farad, from the client's clock and `VmHWM` of `influxd` for InfluxDB; CPU s is "
            "user + system time (`influxd`'s from `/proc`). Measured %s on the %d-core "
            "development machine:" % (s["date"], s["cores"])),
        "",
        table,
        "",
    ] + [bullet(note) for note in notes] + [DOCS_END])
    replace_docs_section(docs_path, DOCS_BEGIN, DOCS_END, section)


COMMANDS = {"free-ports": free_ports, "bodies": bodies, "wait": wait, "ingest": ingest,
            "query": query, "compare": compare, "report": report}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
