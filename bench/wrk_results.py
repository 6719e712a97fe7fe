"""Reads wrk's --latency output: requests/s, p50/p99 in ms, answers, and any non-2xx or socket errors."""

from __future__ import annotations

import re


def ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse(path: str) -> tuple[float, float, float, int, str]:
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    problems = []
    if bad:
        problems.append(f"{bad.group(1)} non-2xx")
    if errors and any(int(x) for x in errors.groups()):
        problems.append("socket errors " + "/".join(errors.groups()) + " (connect/read/write/timeout)")
    return rps, p50, p99, total, ", ".join(problems) or "none"


def prepend(results_md: str, table: str) -> None:
    """Puts `table` first under the results marker of bench/RESULTS.md."""
    marker = "<!-- results, newest first -->"
    text = open(results_md, encoding="utf-8").read()
    if marker not in text:
        text = text.rstrip("\n") + "\n\n" + marker + "\n"
    head, tail = text.split(marker, 1)
    rest = tail.lstrip("\n")
    open(results_md, "w", encoding="utf-8").write(head + marker + "\n\n" + table + "\n" + ("\n" + rest if rest else ""))
