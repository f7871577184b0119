"""`farad serve` for the socket tests: started on a free port (it logs "listening on ADDR"),
its output appended to a log file that may hold earlier runs, and plain HTTP requests to it.

Test scripts in tests/<folder>/ import it after `sys.path.insert(0, <tests folder>)`.
"""

import http.client
import json
import re
import subprocess
import sys
import time

LISTENING = re.compile(r"listening on 127\.0\.0\.1:(\d+)")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def wait_until(what, condition, timeout=60, poll=0.05):
    """The first true value of condition(), polled; fails the test after `timeout` seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(poll)
    fail("timed out waiting for " + what)


class ServeProcess:
    def __init__(self, farad, args, log_path, timeout=60):
        """Runs `farad serve --bind 127.0.0.1:0 ARGS...`; returns once it listens."""
        self.log_path = log_path
        self.timeout = timeout
        try:
            before = len(LISTENING.findall(self.text()))
        except FileNotFoundError:
            before = 0
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen([farad, "serve", "--bind", "127.0.0.1:0", *args],
                                        stdout=self.log, stderr=self.log)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                self.fail("farad serve exited with %d:\n%s" % (self.process.returncode,
                                                               self.text()))
            found = LISTENING.findall(self.text())
            if len(found) > before:
                self.port = int(found[-1])
                self.url = "http://127.0.0.1:%d" % self.port
                return
            time.sleep(0.02)
        self.fail("farad serve did not start:\n" + self.text())

    @staticmethod
    def fail(message):
        print("FAIL: " + message)
        sys.exit(1)

    def text(self):
        with open(self.log_path, "r", errors="replace") as f:
            return f.read()

    def request(self, method, path, body=None, headers=None):
        """One request on its own connection: (status, body bytes). A body that is neither
        bytes nor text is sent as JSON."""
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def signal(self, sig):
        """Sends `sig` and waits for the exit; returns the exit code."""
        self.process.send_signal(sig)
        code = self.process.wait(timeout=self.timeout)
        self.log.close()
        return code
