"""Reports over 10 million feedback rows (placeholder until the dataset part lands)."""

from benchmarks.results import Row


def run(server: str, *, rows: int) -> list[Row]:
    del server, rows
    return []
