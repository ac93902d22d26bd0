#!/usr/bin/env python3
"""Times whole processes side by side: median wall-clock seconds of each command over ROUNDS rounds.

    time_processes.py ROUNDS NAME=COMMAND [NAME=COMMAND ...]

Each round runs every command once, in the order given, so that a machine whose load changes
during the run (shared cores) slows all of them alike; one warm-up round comes first and is not
counted. Output goes to /dev/null. Prints one line per command (median, quartiles, min and the
median CPU seconds of the process and its children) and, last, `median NAME=<seconds>` lines for
scripts to read. A command that fails stops the run with its exit code and error output.
"""
import resource
import statistics
import subprocess
import sys
import time


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(f"failed ({done.returncode}): {command}\n{done.stderr.decode(errors='replace')}")
        sys.exit(done.returncode)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    rounds = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    wall = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    for _, command in commands:
        run(command)
    for _ in range(rounds):
        for name, command in commands:
            w, c = run(command)
            wall[name].append(w)
            cpu[name].append(c)
    width = max(len(name) for name, _ in commands)
    for name, _ in commands:
        q1, median, q3 = statistics.quantiles(wall[name], n=4) if rounds > 1 else [wall[name][0]] * 3
        print(f"  {name:<{width}}  median {statistics.median(wall[name]):7.3f} s   quartiles {q1:.3f}-{q3:.3f}"
              f"   min {min(wall[name]):.3f}   cpu {statistics.median(cpu[name]):.3f} s")
    for name, _ in commands:
        print(f"median {name}={statistics.median(wall[name]):.4f}")


if __name__ == "__main__":
    main()
