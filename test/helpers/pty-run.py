#!/usr/bin/env python3
"""pty-run STEPS COMMAND...: runs COMMAND on a new pseudo-terminal, as its
controlling terminal and its stdin, stdout and stderr (what `docker run -it`
gives PID 1), plays STEPS against the terminal, and prints one JSON object:
{"output": what the terminal showed, "status": exit status, "failed": step or null}.

STEPS is a JSON list of:
  ["expect", text, seconds]  wait until the output shows text (after the previous match)
  ["send", text]             type text (e.g. "\\u0003" is Ctrl-C)
  ["sleep", seconds]
  ["signal-init", signum]    signal COMMAND's child (the init, under unshare --fork)
"""
import json
import os
import pty
import select
import signal
import sys
import time

steps = json.loads(sys.argv[1])
command = sys.argv[2:]
pid, master = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

output = b""
open_ = True


def pump(timeout):
    global output, open_
    if not open_:
        time.sleep(timeout)
        return
    ready, _, _ = select.select([master], [], [], timeout)
    if ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b""
        if data:
            output += data
        else:
            open_ = False


def child_of(parent):
    with open(f"/proc/{parent}/task/{parent}/children") as f:
        return int(f.read().split()[0])


failed = None
seen = 0  # "expect" looks only at what came after the previous match
for step in steps:
    kind = step[0]
    if kind == "expect":
        deadline = time.time() + step[2]
        while output.find(step[1].encode(), seen) < 0 and time.time() < deadline:
            pump(0.02)
        found = output.find(step[1].encode(), seen)
        if found < 0:
            failed = step
            break
        seen = found + len(step[1].encode())
    elif kind == "send":
        os.write(master, step[1].encode())
    elif kind == "sleep":
        end = time.time() + step[1]
        while time.time() < end:
            pump(0.02)
    elif kind == "signal-init":
        os.kill(child_of(pid), step[1])

status = None
deadline = time.time() + 20
while time.time() < deadline:
    pump(0.02)
    done, raw = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(raw)
        for _ in range(10):
            pump(0.01)
        break
if status is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
print(json.dumps({"output": output.decode("utf-8", "replace"), "status": status, "failed": failed}))
