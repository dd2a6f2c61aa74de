"""A progress bar per phase of the demo (count, rate, ETA) and messages that do not break it."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm


@dataclass
class Progress:
    enabled: bool = True
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def phase(self, name: str, total: int | None, unit: str = "") -> Iterator["Bar"]:
        """A bar for one phase; its duration is kept in `timings`."""
        started = time.monotonic()
        bar: tqdm[Any] = tqdm(
            total=total,
            desc=f"{name:<12}",
            unit=f" {unit}" if unit else "it",
            unit_scale=bool(unit) and (total or 0) >= 10_000,
            disable=not self.enabled,
            dynamic_ncols=True,
            smoothing=0.05,
        )
        try:
            yield Bar(bar)
        finally:
            bar.close()
            self.timings[name] = time.monotonic() - started

    def say(self, text: str) -> None:
        if self.enabled:
            tqdm.write(text)


@dataclass
class Bar:
    bar: "tqdm[Any]"

    def tick(self) -> None:
        self.bar.update(1)

    def add(self, count: int) -> None:
        self.bar.update(count)

    def show(self, value: int) -> None:
        """Moves the bar to an absolute value (a count polled from an API)."""
        self.bar.update(value - self.bar.n)
