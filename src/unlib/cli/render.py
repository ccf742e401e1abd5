"""Human-readable output of the CLI (rich tables); programs use ``--json`` instead."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from unlib.ingest.report import IngestReport
from unlib.model import LANGUAGE_NAMES
from unlib.symbols import body_name

console = Console(highlight=False, soft_wrap=False)


def ingest_report(report: IngestReport) -> None:
    actions = report.actions()
    console.print(
        f"[bold]Ingested {report.ingested}[/bold] file(s) in {report.seconds:.1f} s "
        f"({report.chars:,} characters); "
        f"[bold]{len(report.already_present)}[/bold] already present; "
        f"[bold]{len(report.rejected)}[/bold] rejected."
    )
    if actions:
        described = ", ".join(f"{n} {a.replace('-', ' ')}" for a, n in sorted(actions.items()))
        console.print(f"  {described}")
    if report.recovered:
        console.print(f"  Re-indexed {report.recovered:,} passages left by an interrupted run.")
    if report.needs_ocr:
        console.print(f"[yellow]{len(report.needs_ocr)} file(s) have no text layer (needs OCR):")
        for path in report.needs_ocr:
            console.print(f"  {escape(path)}")
    warned = [f for f in report.filed if f.warnings]
    if warned:
        console.print(f"[yellow]{len(warned)} file(s) ingested with warnings:")
        for filed in warned:
            for warning in filed.warnings:
                console.print(f"  {escape(filed.path)}: {escape(warning)}")
    if report.rejected:
        table = Table(title="Rejected (originals kept in quarantine)", title_justify="left")
        table.add_column("file", overflow="fold")
        table.add_column("reason", overflow="fold")
        for rejection in report.rejected:
            table.add_row(escape(rejection.path), escape(rejection.reason))
        console.print(table)


def _snippet(hit: dict[str, Any]) -> Text:
    text = Text()
    cursor = 0
    snippet = hit["snippet"]
    for start, end in hit["highlights"]:
        text.append(snippet[cursor:start])
        text.append(snippet[start:end], style="bold yellow")
        cursor = end
    text.append(snippet[cursor:])
    return text


def search_result(result: dict[str, Any]) -> None:
    total = result["total"]
    if not result["results"]:
        console.print(f"No documents match {escape(result['query'])!s}.")
        for hint in result.get("suggestions", []):
            console.print(f"  try: {escape(hint)}")
        return
    first = (result["page"] - 1) * result["per_page"] + 1
    last = first + len(result["results"]) - 1
    relaxed = " (no document has all the words; showing any-word matches)"
    console.print(
        f"[bold]{total:,}[/bold] document(s); showing {first}–{last}"
        + (relaxed if result.get("relaxed") else "")
    )
    for item in result["results"]:
        header = Text()
        header.append(item["id"], style="bold cyan")
        header.append(f"  [{', '.join(item['languages'])}]", style="magenta")
        if item.get("date"):
            header.append(f"  {item['date']}", style="dim")
        console.print(header)
        if item.get("title"):
            console.print(Text("  " + item["title"]))
        for hit in item["hits"]:
            where = f"  {hit['lang']}"
            if hit.get("paragraph"):
                where += f" ¶{hit['paragraph']}"
            console.print(Text(where + ": ", style="dim") + _snippet(hit))
    facets = result.get("facets", {})
    if facets:
        parts = []
        for name, values in facets.items():
            shown = ", ".join(f"{v['value']} {v['count']}" for v in values[:6])
            if shown:
                parts.append(f"{name}: {shown}")
        console.print(Text("  ·  ".join(parts), style="dim"))


def work_record(record: dict[str, Any]) -> None:
    console.print(Text(record["id"], style="bold cyan"))
    if record.get("title"):
        console.print(Text(record["title"], style="bold"))
    facts = [
        ("type", record.get("type")),
        ("body", record.get("body_name") or record.get("body")),
        ("session", record.get("session")),
        ("date", record.get("date")),
        ("adopted", record.get("adopted")),
        ("meeting", record.get("meeting")),
        ("agenda items", ", ".join(record.get("agenda_items") or [])),
    ]
    for name, value in facts:
        if value:
            console.print(f"  {name}: {escape(str(value))}")
    table = Table(title="Language versions", title_justify="left")
    for column in ("lang", "title", "passages", "files"):
        table.add_column(column, overflow="fold")
    for version in record["versions"]:
        files = "\n".join(f"{f['name']} ({f['format']}, {f['size']:,} B)" for f in version["files"])
        flag = " [needs OCR]" if version["needs_ocr"] else ""
        table.add_row(
            version["lang"],
            escape((version["title"] or "") + flag),
            str(version["passages"]),
            escape(files),
        )
    console.print(table)
    for label, links in (("Cites", record["cites"]), ("Cited by", record["cited_by"])):
        if not links:
            continue
        console.print(f"[bold]{label}[/bold] ({len(links)}):")
        for link in links:
            status = "" if link["resolved"] else " [dim](not in this library)[/dim]"
            title = f" — {escape(link['title'])}" if link.get("title") else ""
            console.print(f"  {escape(link['symbol'])}{title}{status}")


def work_line(line: dict[str, Any]) -> None:
    langs = ",".join(line["languages"])
    title = (line.get("title") or "").replace("\n", " ")
    console.print(
        Text(f"{line['id']}\t{langs}\t{line.get('date') or '-'}\t{title[:100]}"), soft_wrap=True
    )


def _counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.split()[-1])
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(escape(str(key)), f"{value:,}")
    return table


def stats(data: dict[str, Any]) -> None:
    console.print(
        f"[bold]{data['works']:,}[/bold] documents ({data['works_with_symbol']:,} with a symbol), "
        f"{data['versions']:,} language versions, {data['files']:,} files, "
        f"{data['passages']:,} passages, {data['characters']:,} characters"
    )
    citations = data["citations"]
    console.print(
        f"citations: {citations['total']:,} ({citations['resolved']:,} to documents held here); "
        f"needs OCR: {data['needs_ocr']}; rejected files: {data['rejected']}"
    )
    if data.get("unindexed_versions"):
        console.print(
            f"[yellow]{data['unindexed_versions']} version(s) not yet in the search index: "
            "run `unlib ingest` again or `unlib reindex`."
        )
    named = {
        "languages": {k: f"{k} {LANGUAGE_NAMES.get(k, '')}".strip() for k in data["languages"]},
        "bodies": {k: f"{k} {body_name(k) or ''}".strip() for k in data["bodies"]},
    }
    for title, key in (("By language", "languages"), ("By body", "bodies"), ("By type", "types")):
        if data.get(key):
            labels = named.get(key, {})
            counts = {labels.get(k, k): v for k, v in data[key].items()}
            console.print(_counts_table(title, counts))
    if data.get("years"):
        by_year = ", ".join(f"{year}: {count}" for year, count in data["years"].items())
        console.print(Text("By year: " + by_year))
    console.print(
        f"index: {data['index']['passages']:,} entries, {data['index']['bytes'] / 1e6:,.1f} MB; "
        f"data folder: {escape(data['data_dir'])}"
    )


def settings(rows: list[dict[str, Any]]) -> None:
    table = Table(title="Settings (unlib.toml, or the environment variable)", title_justify="left")
    for column in ("name", "value", "env", "help"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["name"], escape(str(row["value"])), row["env"], escape(row["help"]))
    console.print(table)
