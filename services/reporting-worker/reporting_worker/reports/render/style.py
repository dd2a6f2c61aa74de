"""Colours shared by the charts, the page and the PDF, so a number looks the same everywhere."""

INK = "#1f2933"
MUTED = "#7b8794"
PRIMARY = "#1f5fa8"
SECONDARY = "#9fc2e7"
# ratings 1…5: red through amber to green
RATING_COLORS = ["#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"]
NO_DATA = "#cfd8dc"
PLAN_COLORS = {
    "done": "#2e7d32",
    "in_progress": "#1f5fa8",
    "overdue": "#c62828",
    "planned": NO_DATA,
}


def csat_color(percent: float | None) -> str:
    """A CSAT (0–100 %) on the same red-to-green scale as the ratings."""
    if percent is None:
        return NO_DATA
    thresholds = (50, 65, 80, 90)
    return RATING_COLORS[sum(percent >= limit for limit in thresholds)]


def score_color(score: float | None) -> str:
    """An average rating (1–5) on the same scale."""
    if score is None:
        return NO_DATA
    thresholds = (2.5, 3.3, 4.0, 4.5)
    return RATING_COLORS[sum(score >= limit for limit in thresholds)]


def hex_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


# light tints of the rating colours, for table cells that carry dark text
TINTS = dict(
    zip(RATING_COLORS, ["#f8c9c9", "#fddcbc", "#fdeeb0", "#dcedc8", "#b9dfbb"], strict=True)
)


def tint(color: str) -> str:
    return TINTS.get(color, "#eceff1")
