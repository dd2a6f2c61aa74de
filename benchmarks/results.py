"""The one table of a run: figure, ours, the reference measured in the same run, ratio, target."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    figure: str
    ours: str
    reference: str = "—"
    ratio: str = "—"
    target: str = "—"
    met: bool | None = None  # None: no target, a figure to know

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "**no**", None: "—"}[self.met]


HEADER = ("figure", "ours", "reference (same run)", "ratio", "target", "met?")


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        cells = (row.figure, row.ours, row.reference, row.ratio, row.target, row.verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plain(rows: list[Row]) -> str:
    table = [HEADER] + [
        (r.figure, r.ours, r.reference, r.ratio, r.target, r.verdict.strip("*")) for r in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(table):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def rate(value: float, unit: str = "/s") -> str:
    if value >= 10_000:
        return f"{value / 1000:,.1f} k{unit}"
    return f"{value:,.0f}{unit}"


def ratio(ours: float, reference: float) -> str:
    return f"{ours / reference:.2f}×" if reference else "—"


def mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"
