"""Russian number formatting for report text: decimal commas, percentages, plural forms."""


def number(value: float, digits: int = 1) -> str:
    """12 → «12», 3.25 → «3,3» (digits=1), -0.0 → «0»."""
    rounded = round(value, digits)
    if rounded == int(rounded):
        return str(abs(int(rounded)) if rounded == 0 else int(rounded))
    return f"{rounded:.{digits}f}".rstrip("0").replace(".", ",")


def percent(value: float) -> str:
    return f"{number(value)} %"


def plural(count: int, one: str, few: str, many: str) -> str:
    """The noun form for a count: 1 оценка, 3 оценки, 5 оценок, 21 оценка, 11 оценок."""
    tail = abs(count) % 100
    if 11 <= tail <= 14:
        return many
    if tail % 10 == 1:
        return one
    if 2 <= tail % 10 <= 4:
        return few
    return many


def counted(count: int, one: str, few: str, many: str) -> str:
    return f"{count} {plural(count, one, few, many)}"
