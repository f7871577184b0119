// Help text of each command: what it does, its flags and an example.
#include "cli/commands.hpp"

namespace farad::cli {

std::string command_help(const std::string& command) {
  if (command == "check") {
    return R"(Usage: farad check SCRIPT... [--type stream|batch] [--vars FILE] [--dbrp db.rp]... [--spec]

Compiles each TICKscript as Kapacitor would define it as a task. Prints nothing and exits 0 when
every script is valid; otherwise prints every error as `file:line:col: error: message` with the
source line and a caret, and exits 1.

  --type stream|batch  task type when the script does not name `stream` or `batch`
  --vars FILE          values for declared vars, Kapacitor's JSON shape:
                       {"period": {"type": "duration", "value": "5m"}}
                       Without it the script is checked as a template: a declared var
                       without a value (`var period duration`) is not an error; with it,
                       every declared var must have a value.
  --dbrp db.rp         the task's database and retention policy (repeatable); not allowed
                       together with dbrp statements in the script
  --spec               print the compiled task (nodes, properties, edges, vars) as JSON

Example: farad check examples/snmp_rollup.tick
)";
  }
  if (command == "fmt") {
    return R"(Usage: farad fmt SCRIPT [-w]
       farad fmt -w SCRIPT...

Prints the script in canonical format (Kapacitor's tickfmt style): one chain step per line,
nodes indented 4 spaces under their chain, properties 8; comments kept. Formatting is
idempotent and never changes what the script compiles to.

  -w   rewrite the files in place instead of printing

Example: farad fmt -w examples/snmp_rollup.tick
)";
  }
  if (command == "dot") {
    return R"(Usage: farad dot SCRIPT [--type stream|batch] [--vars FILE] [--dbrp db.rp]... [--name NAME]

Prints the task's DAG in Graphviz DOT, as Kapacitor shows it (`digraph NAME { a -> b; }`),
with Kapacitor's node names (stream0, from1, window2, ...).

  --name NAME   the graph's name (default: the script's file name without extension)
  --type, --vars, --dbrp as for check

Example: farad dot examples/snmp_rollup.tick | dot -Tsvg > rollup.svg
)";
  }
  if (command == "run") {
    return R"(Usage: farad run SCRIPT --input FILE... [--dbrp db.rp]... [--precision s|ms|u|ns]
                 [--vars FILE] [--type stream|batch] [--output FILE] [--httpout DIR]
                 [--stats FILE] [--flush] [--config FILE] [--start T [--stop T]]

Runs the task offline over recorded data, in data time, as Kapacitor would replay it.

  --input FILE    repeatable; the format follows the extension:
                    .srpl   Kapacitor stream recording (db, rp, point lines; gzip allowed)
                    .brpl   Kapacitor batch recording: the i-th .brpl feeds the i-th query node
                    other   line protocol (.gz allowed), attributed to the task's first dbrp
  --precision P   timestamp precision of line protocol and .srpl inputs (default ns)
  --rec-time      keep the recorded times of .srpl/.brpl inputs. By default they are replayed
                  as `kapacitor replay` does: shifted so that each recording's first point
                  falls on the replay clock's start (per query for .brpl)
  --replay-start T  the replay clock's start, RFC3339 (default 1971-01-01T00:00:00Z, the
                  clock of Kapacitor's own test harness); line protocol is never shifted
  --output FILE   output nodes (influxDBOut, httpPost, alert, ...) do not contact anything:
                  every point reaching one is written to FILE as line protocol
  --httpout DIR   at the end, DIR/<endpoint>.json holds what Kapacitor's
                  GET /kapacitor/v1/tasks/<task>/<endpoint> would return
  --stats FILE    at the end, one JSON object per node, one per line: name, processed,
                  emitted, errors, working_cardinality and the node's own counters
                  (e.g. counterRate's wraps, restarts, gaps, dropped_late, equal_time)
  --flush         emit windows still open at the end of input (Kapacitor does not)
  --config FILE   write to the services FILE configures (farad serve's config): es() sends
                  to its [[elasticsearch]] cluster, spooling under [storage] data-dir, and
                  waits at the end until the cluster has acknowledged every document
  --start T, --stop T  (batch tasks, with --config; RFC3339) run the task's queries against
                  its [[influxdb]] server for every scheduled window whose tick falls in
                  (start, stop] and that has ended (stop defaults to now), in tick order, as
                  `kapacitor record batch` collects them; --input may then be left out
  --type, --vars, --dbrp as for check

Example: farad run examples/snmp_rollup.tick --input day.lp --output rollup.lp
)";
  }
  if (command == "test") {
    return R"(Usage: farad test PATH...

Runs script test cases. A case is a folder with script.tick, its input (input.lp, input.srpl or
input*.brpl), and what it must produce: expected.lp (points written by output nodes, line
protocol with ns times; floats compared to 1e-9 relative), expected/<endpoint>.json (httpOut),
or expected.error (`LINE:COL message`). Optional: vars.json (Kapacitor's vars shape) and args
(extra flags such as --dbrp db.rp --precision s --flush). PATH may be a case or a folder of cases.

Prints one line per case, then `N passed, N failed`; exits 1 if any case failed.
See docs/testing.md.

Example: farad test tests/golden
)";
  }
  if (command == "gen") {
    return R"(Usage: farad gen snmp [flags]

Writes SNMP interface counters as line protocol, shaped like Telegraf's snmp input polling the
IF-MIB interface table: measurement `interface`, tags agent_host, hostname, ifIndex, ifName,
fields ifHCInOctets, ifHCOutOctets. Deterministic: the same flags and seed give the same bytes.
With --truth it also writes the exact expected rollup, in the JSON lines format of the reference
generator snmpgen.py (see src/datagen/README.md): a meta line, then per window, variant and
series a row with the mean per-second rate of each counter field (`mean`, `count`), the window
START as `time`/`start_ns` and its end as `stop_ns`. Variants: non_negative (a counter that fell
gives no rate), wrap_corrected (a fall is a wrap, 2^64 or 2^32 for ifIn/OutOctets, when that
rate is below --wrap-ceiling, else a restart from 0) and, with --uptime, uptime_aware (a reboot
when sysUpTime did not advance by the elapsed time within 5 s; any other fall is a wrap).
Durations: 60s, 5m, 1d, 1h30m, or plain seconds.

  --devices N           SNMP agents (default 10)
  --ifaces M            interfaces per agent, one series each (default 8)
  --interval D          poll period (default 60s)
  --start T             first poll, RFC3339 or epoch seconds (default 2017-04-11T00:00:00Z)
  --duration D          polls at start + k*interval before start + D (default 1d)
  --seed S              integer or any text (default 1)
  --precision P         timestamp unit: ns, us, ms or s (default ns)
  --wrap32              add the 32-bit ifInOctets/ifOutOctets, which wrap at 2^32
  --unsigned            write integers as 123u instead of 123i
  --uptime              add sysUpTime (1/100 s since the device booted, wraps at 2^32)
  --reset-prob P        per device and poll: reboot before the poll, counters restart at 0
  --gap-prob P          per device and poll: the poll is missing
  --jitter D            poll instant = nominal + U[0, D), D < interval (default 0)
  --shuffle-window D    deliver each device poll up to D late: bounded out-of-order lines
  --out FILE            line protocol (default standard output; FILE.gz is gzipped)
  --truth FILE          write the expected rollup there
  --truth-period D      rollup window, aligned to the epoch (default 1d)
  --wrap-ceiling R      bytes/s; a faster apparent wrap is a restart (default 1.25e8)
  --tw-mean             add tw_mean to every row: sum of deltas / sum of seconds covered
  --stats               print line count and speed on stderr

Example: farad gen snmp --devices 400 --ifaces 24 --out day.lp.gz --truth day.truth
)";
  }
  if (command == "config") {
    return R"(Usage: farad config [--config FILE] [--bind ADDR:PORT] [--data-dir DIR]

Prints the daemon's effective configuration as TOML: the defaults, overridden by FILE, then by
the flags. Every option is printed with its value under a comment that documents it and its
default; the output is a valid config file. Errors name the file, line and key, and exit 1.
See docs/configuration.md.

  --config FILE      TOML config file (sections [http], [storage], [wal], [checkpoint],
                     [logging], [[elasticsearch]], [[influxdb]])
  --bind ADDR:PORT   overrides [http] bind-address (default 127.0.0.1:9092)
  --data-dir DIR     overrides [storage] data-dir (default ./farad-data)

Example: farad config > farad.toml
)";
  }
  if (command == "serve") {
    return R"(Usage: farad serve [--config FILE] [--bind ADDR:PORT] [--data-dir DIR]

Runs the daemon. Bodies written to /write (InfluxDB 1.x), /kapacitor/v1/write and
/api/v2/write are appended to the write-ahead log in DIR/wal before they are acknowledged,
then processed in log order by the enabled tasks whose dbrps they match. Tasks are managed
with Kapacitor's task API (/kapacitor/v1/tasks) and kept in DIR/tasks; every [checkpoint]
interval and at shutdown each task's state is saved in DIR/checkpoints, and a restart resumes
from there, replaying the log. fileOut paths are relative to DIR. SIGTERM or SIGINT stops
accepting writes, processes what is queued, checkpoints and exits 0. Port 0 picks a free port;
the log line "listening on ADDR:PORT" names it.

  --config FILE      TOML config file (see farad config)
  --bind ADDR:PORT   overrides [http] bind-address (default 127.0.0.1:9092)
  --data-dir DIR     overrides [storage] data-dir (default ./farad-data)

Example: farad serve --config farad.toml
)";
  }
  if (const std::string text = client_command_help(command); !text.empty()) return text;
  return {};
}

}  // namespace farad::cli
