"""kapacitorLoopback in farad serve: the points one task writes back enter the daemon's ingest
and reach a task of the loopback's dbrp (renamed and tagged); a loop onto the task's own dbrp
does not start, with Kapacitor's message.

usage: loopback_test.py FARAD"""

import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from influxdb_out_test import Serve, fail, wait_until  # noqa: E402

WRITER = """dbrp "telegraf"."autogen"
stream|from().measurement('cpu')|eval(lambda: "value" * 2.0).as('double')
    |kapacitorLoopback().database('loop').retentionPolicy('autogen')
        .measurement('cpu2').tag('via', 'loop')
"""
READER = """dbrp "loop"."autogen"
stream|from().measurement('cpu2')|window().period(1h).every(1h)|count('double')|httpOut('out')
"""
LOOP = """dbrp "loop"."autogen"
stream|from()|kapacitorLoopback().database('loop').retentionPolicy('autogen')
"""


def main():
    farad = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="farad-loopback-") as workdir:
        config = os.path.join(workdir, "farad.toml")
        open(config, "w").close()
        serve = Serve(farad, workdir, config)
        try:
            for task, script in (("writer", WRITER), ("reader", READER), ("loop", LOOP)):
                status, answer = serve.request("POST", "/kapacitor/v1/tasks", json.dumps(
                    {"id": task, "type": "stream", "script": script, "status": "enabled"}))
                if status != 200:
                    fail("define %s answered %d %s" % (task, status, answer))
            lines = [b"cpu,host=a value=%d %d\n" % (i, 1600000000 + 60 * i) for i in range(70)]
            serve.write(lines)

            def counted():
                status, answer = serve.request("GET", "/kapacitor/v1/tasks/reader/out")
                series = json.loads(answer).get("series") if status == 200 else None
                return series[0] if series else None
            series = wait_until("the reader's first window", counted)
            if series["name"] != "cpu2" or series.get("tags", {}) != {}:
                fail("reader saw %s" % series)
            values = dict(zip(series["columns"], series["values"][0]))
            if values["count"] != 60:
                fail("the first hour counted %s looped-back points, expected 60" % values)
            status, answer = serve.request("GET", "/kapacitor/v1/tasks/loop")
            task = json.loads(answer)
            if task["executing"] or task["error"] != "loop detected on dbrp: {loop autogen}":
                fail("the looping task: executing %s, error %r" % (task["executing"],
                                                                  task["error"]))
            stats = serve.node_stats("writer", "kapacitor_loopback3")
            if stats.get("points_written") != len(lines):
                fail("writer's points_written %s, expected %d" % (stats, len(lines)))
        finally:
            serve.stop()
    print("ok: looped-back points reach the loopback dbrp's task; a loop does not start")


if __name__ == "__main__":
    main()
