#!/usr/bin/env python3
"""Talks to server_harness over real sockets: http.client (keep-alive, gzip, limits, 503) and,
when `client` is given, Debian's python3-influxdb client library."""
import gzip
import http.client
import subprocess
import sys


def start(harness, limit):
    proc = subprocess.Popen([harness, str(limit)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline().split()
    assert first[0] == "port", first
    return proc, int(first[1])


def finish(proc):
    out, _ = proc.communicate("stop\n", timeout=30)
    assert proc.returncode == 0, proc.returncode
    return [line.split("|") for line in out.splitlines()]


def check(condition, what):
    if not condition:
        print("FAIL:", what)
        sys.exit(1)


def raw_client(harness):
    proc, port = start(harness, 2000)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    # Several requests on one keep-alive connection.
    conn.request("GET", "/ping")
    r = conn.getresponse(); r.read()
    check(r.status == 204 and r.getheader("X-Influxdb-Version"), "ping")
    sock = conn.sock
    conn.request("POST", "/write?db=telegraf&precision=s", body=b"cpu,host=a v=1 10\ncpu,host=b v=2 11\n")
    r = conn.getresponse(); r.read()
    check(r.status == 204, "plain write %d" % r.status)
    conn.request("POST", "/write?db=telegraf&rp=week", body=gzip.compress(b"mem free=3i 12\n"),
                 headers={"Content-Encoding": "gzip"})
    r = conn.getresponse(); r.read()
    check(r.status == 204, "gzip write %d" % r.status)
    check(conn.sock is sock, "keep-alive: the connection was reused")
    conn.request("POST", "/write?db=telegraf", body=b"ok v=1 13\nbroken\n")
    r = conn.getresponse(); body = r.read().decode()
    check(r.status == 400 and "partial write: unable to parse 'broken'" in body, "partial " + body)
    conn.request("POST", "/write?db=full", body=b"m v=1 1\n")
    r = conn.getresponse(); r.read()
    check(r.status == 503 and r.getheader("Retry-After") == "1", "queue full %d" % r.status)
    conn.request("POST", "/query", body="q=CREATE+DATABASE+%22telegraf%22",
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse(); body = r.read().decode()
    check(r.status == 200 and body.strip() == '{"results":[{"statement_id":0}]}', "create database " + body)
    # Above the body limit: 413 before the body is read, then the connection closes.
    conn.request("POST", "/write?db=telegraf", body=b"m v=1 1\n" * 300)
    r = conn.getresponse(); r.read()
    check(r.status == 413, "oversize %d" % r.status)
    conn.close()
    points = finish(proc)
    check(sorted((p[0], p[1], p[2], p[3]) for p in points) == [
        ("telegraf", "", "cpu", "10000000000"), ("telegraf", "", "cpu", "11000000000"),
        ("telegraf", "", "ok", "13"), ("telegraf", "week", "mem", "12")], "points %r" % points)


def influxdb_client(harness):
    from influxdb import InfluxDBClient
    proc, port = start(harness, 1000000)
    client = InfluxDBClient(host="127.0.0.1", port=port, database="snmp", timeout=10)
    client.create_database("snmp")
    check(client.ping(), "client ping")
    ok = client.write_points([
        {"measurement": "ifx", "tags": {"if": "eth0"}, "time": 1700000000, "fields": {"in": 5.0, "out": 7}},
        {"measurement": "ifx", "tags": {"if": "eth1"}, "time": 1700000001, "fields": {"in": 6.0}},
    ], time_precision="s", retention_policy="raw")
    check(ok, "write_points")
    points = finish(proc)
    check(sorted(points) == [["snmp", "raw", "ifx", "1700000000000000000", "2"],
                             ["snmp", "raw", "ifx", "1700000001000000000", "1"]], "points %r" % points)


if __name__ == "__main__":
    harness, mode = sys.argv[1], sys.argv[2]
    {"raw": raw_client, "influxdb": influxdb_client}[mode](harness)
    print("ok")
