"""The benchmark's figures and its plain-text report (also written as Markdown)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bench.ledger import Accounting
from bench.traffic import percentile

if TYPE_CHECKING:
    from bench.webhook_bench import Phase

# Issue 5's targets, all against stock Rasa in the same run where they compare.
TARGETS = {
    "throughput_vs_stock": 3.0,
    "p99_ms": 50.0,
    "p99_rate": 200.0,
    "first_answer_s": 5.0,
    "service_rss_mb": 200.0,
    "soak_growth_mb": 10.0,
}

NOT_LIKE_FOR_LIKE = (
    "Not like for like: Faro stores every message durably (inbox, then a turn that writes\n"
    "state and outbox rows in one transaction), identifies the language, answers in five\n"
    "languages and delivers through the Bot API from its outbox; the stock bot keeps its\n"
    "trackers in memory and answers in Spanish inside its HTTP response."
)


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def phase_figures(phase: Phase, accounting: Accounting, nlu_down: Sequence[str]) -> dict[str, Any]:
    """The figures of one phase: counts, rate, latencies, errors, CPU."""
    run = phase.run
    samples = run.samples
    answered = [s for s in samples if s.replied_at is not None]
    first = [s.replied_at - s.started for s in answered if s.replied_at is not None]
    complete = [s.completed_at - s.started for s in answered if s.completed_at is not None]
    responses = [s.finished - s.started for s in samples if s.status is not None]
    ends = [s.completed_at for s in answered if s.completed_at is not None]
    wall = (max(ends) - run.started) if ends else max(run.ended - run.started, 1e-9)
    http = Counter(str(s.status) for s in samples if s.status is not None and s.status != 200)
    transport = Counter(s.error or "?" for s in samples if s.status is None)
    odd = [s for s in samples if s.kind != "text"]
    starts = sorted(s.started for s in samples)
    span = starts[-1] - starts[0] if len(starts) > 1 else 0.0
    figures: dict[str, Any] = {
        "kind": phase.kind,
        "offered_rate": phase.rate,
        "concurrency": phase.concurrency,
        "scheduled": run.scheduled,
        "sent": len(samples),
        "dropped_by_bench": run.dropped,
        "unfinished": run.unfinished,
        "answered": len(answered),
        "missed": run.scheduled - len(answered),
        "wall_s": round(wall, 2),
        "msgs_per_s": round(len(answered) / max(wall, 1e-9), 1),
        "achieved_send_rate": round((len(starts) - 1) / span, 1) if span > 0 else None,
        "latency_ms": {
            "p50": _ms(percentile(first, 50)),
            "p90": _ms(percentile(first, 90)),
            "p99": _ms(percentile(first, 99)),
            "max": _ms(max(first) if first else None),
            "all_replies_p99": _ms(percentile(complete, 99)),
        },
        "webhook_http_ms": {
            "p50": _ms(percentile(responses, 50)),
            "p99": _ms(percentile(responses, 99)),
            "max": _ms(max(responses) if responses else None),
        },
        "http_errors": dict(http),
        "transport_errors": dict(transport),
        "send_lag_p99_ms": _ms(percentile(run.send_lags, 99)),
        "odd_inputs": [sum(1 for s in odd if s.replied_at is not None), len(odd)],
        "nlu_unavailable_replies": sum(
            1
            for s in answered
            if s.first_reply and nlu_down and s.first_reply.startswith(tuple(nlu_down))
        ),
        "replies": accounting.as_dict(),
        "cpu_cores_used": phase.cores,
        "queue_empty_after_s": round(phase.settle_s, 1) if phase.settle_s is not None else None,
        "queue_emptied": phase.settled,
    }
    return figures


# -- formatting ----------------------------------------------------------------------------------


def fmt(value: Any, unit: str = "") -> str:
    """A figure for the report: thousands separated, one decimal, n/a for None."""
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = f"{value:,.1f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return f"{text}{unit}"


def _ratio(faro: Any, stock: Any) -> str:
    if not isinstance(faro, int | float) or not isinstance(stock, int | float) or stock == 0:
        return "n/a"
    return f"{faro / stock:.2f}x"


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    for row in rows:
        cells = [
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _phase_title(name: str, figures: dict[str, Any]) -> str:
    if figures["kind"] == "open":
        return f"{name[:1]} {figures['offered_rate']:g}/s"
    return name


def _errors(counter: dict[str, int]) -> str:
    return str(sum(counter.values())) if counter else "0"


def phase_table(result: dict[str, Any], *, faro: bool) -> str:
    """One column per phase, one row per figure."""
    phases: dict[str, dict[str, Any]] = result["phases"]
    names = list(phases)
    header = ["figure", *(_phase_title(n, phases[n]) for n in names)]

    def row(label: str, get: Any) -> list[str]:
        return [label, *(get(phases[n]) for n in names)]

    def lat(key: str) -> Any:
        return lambda f: fmt(f["latency_ms"][key])

    rows = [
        row(
            "load",
            lambda f: (
                f"closed, {f['concurrency']}"
                if f["kind"] == "closed"
                else f"open, {f['offered_rate']:g}/s"
            ),
        ),
        row("messages sent / answered", lambda f: f"{fmt(f['sent'])} / {fmt(f['answered'])}"),
        row("missed (not every reply arrived)", lambda f: fmt(f["missed"])),
        row("wall time, s (to the last reply)", lambda f: fmt(f["wall_s"])),
        row("throughput, answered msg/s", lambda f: fmt(f["msgs_per_s"])),
        row("achieved send rate, msg/s", lambda f: fmt(f["achieved_send_rate"])),
        row("reply latency p50, ms", lat("p50")),
        row("reply latency p90, ms", lat("p90")),
        row("reply latency p99, ms", lat("p99")),
        row("reply latency max, ms", lat("max")),
        row("last reply of a turn p99, ms", lat("all_replies_p99")),
        row(
            "webhook HTTP p50 / p99, ms",
            lambda f: f"{fmt(f['webhook_http_ms']['p50'])} / {fmt(f['webhook_http_ms']['p99'])}",
        ),
        row(
            "non-200 / no HTTP answer",
            lambda f: f"{_errors(f['http_errors'])} / {_errors(f['transport_errors'])}",
        ),
    ]
    if faro:
        rep = "replies"
        rows += [
            row("replies expected (outbox rows)", lambda f: fmt(f[rep]["expected_replies"])),
            row(
                "replies delivered / missing",
                lambda f: f"{fmt(f[rep]['delivered_replies'])} / {fmt(f[rep]['missing_replies'])}",
            ),
            row(
                "duplicated / unexpected deliveries",
                lambda f: (
                    f"{fmt(f[rep]['duplicated_deliveries'])} / "
                    f"{fmt(f[rep]['unexpected_deliveries'])}"
                ),
            ),
            row("out-of-order deliveries", lambda f: fmt(f[rep]["out_of_order_deliveries"])),
            row("200 but not stored (lost)", lambda f: fmt(f[rep]["lost"])),
            row("stored, still pending at end", lambda f: fmt(f[rep]["pending"])),
            row("handled, no reply queued", lambda f: fmt(f[rep]["no_reply_queued"])),
            row("outbox rows failed", lambda f: fmt(sum(f[rep]["failed_rows"].values()))),
            row("'NLU unavailable' replies", lambda f: fmt(f["nlu_unavailable_replies"])),
            row("queue empty, s after last reply", lambda f: fmt(f["queue_empty_after_s"])),
        ]
    rows += [
        row("odd inputs answered", lambda f: f"{f['odd_inputs'][0]}/{f['odd_inputs'][1]}"),
        row("bench send lag p99, ms", lambda f: fmt(f["send_lag_p99_ms"])),
    ]
    roles = list(next(iter(phases.values()))["cpu_cores_used"]) if phases else []
    for role in roles:
        rows.append(row(f"CPU cores: {role}", lambda f, r=role: fmt(f["cpu_cores_used"].get(r))))
    mem_roles = list(next(iter(phases.values()))["rss_peak_mb"]) if phases else []
    for role in mem_roles:
        rows.append(row(f"peak RSS {role}, MB", lambda f, r=role: fmt(f["rss_peak_mb"].get(r))))
    return table(rows, header)


def _target_rows(report: dict[str, Any]) -> list[list[str]]:
    faro = report["faro"]
    phases = faro["phases"]
    stock = report.get("stock")
    rows: list[list[str]] = []
    a = phases.get("A")
    if a is not None:
        stock_a = stock["phases"]["A"]["msgs_per_s"] if stock else None
        wanted = TARGETS["throughput_vs_stock"]
        ratio = a["msgs_per_s"] / stock_a if stock_a else None
        rows.append(
            [
                "throughput (A)",
                f">= {wanted:g}x stock" + (f" = {wanted * stock_a:,.0f} msg/s" if stock_a else ""),
                f"{fmt(a['msgs_per_s'])} msg/s" + (f" ({ratio:.2f}x)" if ratio else ""),
                ("met" if ratio >= wanted else "NOT met")
                if ratio is not None
                else "n/a (no stock)",
            ]
        )
    rate = TARGETS["p99_rate"]
    b = phases.get(f"B{rate:g}")
    if b is not None:
        p99 = b["latency_ms"]["p99"]
        ok = p99 is not None and p99 <= TARGETS["p99_ms"] and b["missed"] == 0
        rows.append(
            [
                f"p99 at {rate:g} msg/s, none missed",
                f"<= {TARGETS['p99_ms']:g} ms, 0",
                f"{fmt(p99)} ms, {fmt(b['missed'])} missed",
                "met" if ok else "NOT met",
            ]
        )
    first = faro["start"]["first_answer_s"]
    rows.append(
        [
            "cold start to first answer",
            f"<= {TARGETS['first_answer_s']:g} s",
            f"{fmt(first)} s",
            "met" if first is not None and first <= TARGETS["first_answer_s"] else "NOT met",
        ]
    )
    peak = faro["memory"]["service"]["peak_mb"]
    no_rasa = not faro["memory"]["nlu_server_seen"]
    rows.append(
        [
            "service peak RSS, no Rasa server",
            f"<= {TARGETS['service_rss_mb']:g} MB",
            f"{fmt(peak)} MB" + ("" if no_rasa else " (a Rasa server ran)"),
            "met" if peak <= TARGETS["service_rss_mb"] and no_rasa else "NOT met",
        ]
    )
    soak = faro.get("soak") or {}
    growth = soak.get("growth_mb")
    if soak:
        rows.append(
            [
                f"soak RSS growth after warm-up ({fmt(report['run']['soak'])} msgs)",
                f"<= +{TARGETS['soak_growth_mb']:g} MB",
                f"{growth:+.1f} MB" if growth is not None else "n/a",
                "met" if growth is not None and growth <= TARGETS["soak_growth_mb"] else "NOT met",
            ]
        )
    return rows


def _comparison_rows(report: dict[str, Any]) -> list[list[str]]:
    faro, stock = report["faro"], report["stock"]
    rows = []
    for name, figures in faro["phases"].items():
        other = stock["phases"].get(name)
        if other is None:
            continue
        title = _phase_title(name, figures)
        if figures["kind"] == "closed":
            rows.append(
                [
                    f"{title}: answered msg/s",
                    fmt(figures["msgs_per_s"]),
                    fmt(other["msgs_per_s"]),
                    _ratio(figures["msgs_per_s"], other["msgs_per_s"]),
                ]
            )
        for key in ("p50", "p99"):
            rows.append(
                [
                    f"{title}: latency {key}, ms",
                    fmt(figures["latency_ms"][key]),
                    fmt(other["latency_ms"][key]),
                    _ratio(figures["latency_ms"][key], other["latency_ms"][key]),
                ]
            )
        if figures["kind"] == "open":
            rows.append([f"{title}: missed", fmt(figures["missed"]), fmt(other["missed"]), ""])
    service = faro["memory"]["service"]["peak_mb"]
    nlu = faro["memory"]["nlu"]["peak_mb"]
    total = round(service + nlu, 1)
    stock_mb = stock["memory"]["stock"]["peak_mb"]
    rows.append(
        ["peak RSS, all its processes, MB", fmt(total), fmt(stock_mb), _ratio(total, stock_mb)]
    )
    return rows


PROFILE_VIEWS = {
    "gil": "the thread holding the GIL (the Python work; one core at most)",
    "active": "every thread not idle (adds SQLite and sockets without the GIL, and GIL waits)",
}


def _profile_lines(profile: dict[str, Any], phase: dict[str, Any] | None) -> list[str]:
    lines: list[str] = []
    answered = phase["answered"] if phase else 0
    for view, what in PROFILE_VIEWS.items():
        data = profile.get(view)
        if not data:
            continue
        lines += [
            f"py-spy, {data['rate_hz']} samples/s, {what}:",
            f"{data['samples']:,} samples (raw stacks: {data.get('raw', 'n/a')})",
            "",
        ]
        # Samples / rate = seconds sampled; per answered message of the profiled phase.
        per_message = data["samples"] / data["rate_hz"] * 1000 / answered if answered else None
        if per_message is not None:
            lines += [
                f"  {per_message:.1f} ms per answered message in all; by stage of the path:",
                "",
            ]
        else:
            lines += ["  by stage of the path:", ""]
        stage_rows = [
            [
                item["what"],
                f"{item['share'] * 100:.1f} %",
                f"{item['share'] * per_message:.2f}" if per_message is not None else "n/a",
            ]
            for item in data.get("stages", [])
        ]
        lines += [table(stage_rows, ["", "share", "ms/msg"]), ""]
        sections = [
            ("threads", "by thread"),
            ("packages", "self time by package (where the CPU was)"),
            ("self", "self time by function"),
            ("inclusive_bot", "inclusive time of Faro's own functions (bot/)"),
        ]
        for key, title in sections:
            rows = [[item["what"][:110], f"{item['share'] * 100:.1f} %"] for item in data[key]]
            lines += [f"  {title}", "", table(rows, ["", "share"]), ""]
    return lines


def render(report: dict[str, Any]) -> str:
    """The plain-text report."""
    run = report["run"]
    box = run["machine"]
    rates = ", ".join(f"{r:g}" for r in run["rates"])
    lines = [
        "Faro webhook benchmark",
        "======================",
        f"date       {run['date']}",
        f"commit     {run['commit']}",
        f"command    {run['command']}",
        f"machine    {box['nproc']} CPUs ({box['cpu_model']}), {box['memory_mb']:,} MB RAM",
        f"load       before: {run['load_before']}",
        f"           after:  {run['load_after']}",
        f"wall time  {fmt(run.get('wall_s'))} s for the whole run",
        f"settings   A: {run['messages']:,} messages, {run['concurrency']} senders (closed loop); "
        f"B: {rates} msg/s for {run['duration']:g} s each (open loop);",
        f"           warm-up {run['warmup']}; profile {run['profile_messages']:,} messages; "
        f"soak {run['soak']:,} messages (RSS after {run['soak_warmup']:,})",
        f"limits     {run['platform_rate_limits']}",
        "",
        "A message is answered when every reply its turn queued (Faro's outbox rows) reached",
        "the fake Bot API as a sendMessage (for stock Rasa: when its HTTP response carried the",
        "reply). Reply latency runs from the client starting to send the webhook to the first",
        "of those replies. Faro's webhook answers 200 before any reply exists. The bench, the",
        "fake Bot API and the bots share this machine's CPUs.",
        "",
    ]
    faro = report["faro"]
    start, restart = faro["start"], faro.get("restart") or {}
    nlu = (
        "a Rasa server child"
        if faro["memory"]["nlu_server_seen"]
        else "no Rasa server (in-process)"
    )
    lines += [
        f"Faro: Telegram webhook, {faro['database']}, NLU: {nlu}",
        "  start (fresh database): webhook takes messages after "
        f"{fmt(start['webhook_accepted_s'])} s, healthy after {fmt(start['healthy_s'])} s,",
        f"  first answer after {fmt(start['first_answer_s'])} s",
        f"  restart (same database): first answer after {fmt(restart.get('first_answer_s'))} s",
    ]
    if not faro["replies_checked"]:
        lines.append("  (replies NOT checked against Faro's outbox: only first replies were seen)")
    lines += ["", phase_table(faro, faro=True), ""]
    mem = faro["memory"]
    lines += [
        "Faro memory (RSS, MB)",
        "",
        table(
            [
                ["service: idle after start", fmt(mem["service"]["idle_mb"])],
                ["service: peak over all phases", fmt(mem["service"]["peak_mb"])],
                ["service: at rest after A, B and profile", fmt(mem["service"].get("rest_mb"))],
                ["service: idle after the restart", fmt(mem["service"].get("restarted_idle_mb"))],
                [
                    "Rasa server: peak",
                    fmt(mem["nlu"]["peak_mb"]) if mem["nlu_server_seen"] else "none ran",
                ],
            ],
            ["", "MB"],
        ),
        "",
    ]
    soak = faro.get("soak")
    if soak:
        lines += [
            f"Soak (on the restarted process): {run['soak']:,} messages, each from a new person,",
            "each text with two new words",
            "",
            table(
                [
                    [
                        f"service RSS after warm-up ({soak['warmup_messages']:,} msgs)",
                        fmt(soak["after_warmup_mb"]),
                    ],
                    ["service RSS at the end", fmt(soak["end_mb"])],
                    ["growth", fmt(soak["growth_mb"])],
                    ["trend after warm-up, MB per 10,000 messages", fmt(soak["trend_mb_per_10k"])],
                    ["peak during the soak", fmt(soak["peak_mb"])],
                    ["at rest after the soak", fmt(soak.get("at_rest_after_mb"))],
                ],
                ["", "MB"],
            ),
            "",
        ]
    lines += [
        "Faro against the targets (issue 5)",
        "",
        table(_target_rows(report), ["target", "wanted", "measured", ""]),
        "",
    ]
    stock = report.get("stock")
    if stock:
        source = "from bench/.cache" if stock["model_cached"] else "trained for this run"
        lines += [
            f"Stock Rasa: REST channel, RulePolicy, same pipeline and data; {stock['languages']};",
            f"model {stock['model']} ({source}); answering {stock['start_s']} s after start",
            "",
            phase_table(stock, faro=False),
            "",
            "Faro vs stock Rasa, same messages, same machine, one after the other",
            "",
            table(_comparison_rows(report), ["figure", "Faro", "stock Rasa", "Faro / stock"]),
            "",
            NOT_LIKE_FOR_LIKE,
            "",
        ]
    else:
        lines += ["Stock Rasa: skipped (--skip-stock)", ""]
    profile = faro.get("profile")
    if profile:
        lines += ["Where the service's time goes (profiled phase; its own figures are above)", ""]
        lines += _profile_lines(profile, faro["phases"].get("profile"))
    return "\n".join(lines).rstrip() + "\n"


def markdown(report: dict[str, Any], text: str) -> str:
    """The report as Markdown: a heading, the command, and the text report verbatim."""
    run = report["run"]
    return (
        f"# Faro webhook benchmark, {run['date']}\n\n"
        f"Command: `{run['command']}` at commit `{run['commit']}`.\n\n"
        f"```text\n{text}```\n"
    )
