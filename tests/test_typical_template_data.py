"""Integrity of the typical optimization plan template shipped as reference data.

The JSON (``plans_api/templates/data/typical-v1.json``) must reproduce the source document
(seed ``000_c9b0b0ba56aa9a7f.txt``, a tab-separated table) completely and exactly: every numbered
row once, with its text, its «Результат» cell and its footnote marks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "services" / "plans-api" / "plans_api" / "templates" / "data" / "typical-v1.json"
SEED = REPO.parent / "shared" / "seeds" / "000_c9b0b0ba56aa9a7f.txt"

# Counted by hand from the document.
EXPECTED_SECTIONS = 5
EXPECTED_GROUPS = 4  # 2.3, 2.4, 2.5, 2.6
EXPECTED_LEAF_ITEMS = 42
EXPECTED_FOOTNOTES = 6  # "*" on the title, 1..5 in the table

SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5"}
RESULT_KINDS = {
    "order",
    "departmental_act",
    "npa_amendment",
    "implementation_report",
    "analytical_report",
    "instruction",
    "conclusion",
}
NODE_KEYS = {"number", "kind", "text", "result", "result_kinds", "footnotes", "children"}
OPTIONAL_NODE_KEYS = {"control_point"}

Node = dict[str, Any]


def _norm(text: str) -> str:
    """Collapse whitespace (line-wrap artefacts of the source) and the gap a removed mark leaves."""
    return " ".join(text.split()).replace(" ,", ",")


def _norm_result(text: str) -> str:
    """Results: also ignore spacing around the «/» separator ("НПА /отчет" in the source)."""
    return "/".join(part.strip() for part in _norm(text).split("/"))


def _strip_marks(text: str) -> tuple[str, list[str]]:
    marks: list[str] = []
    for char, mark in SUPERSCRIPTS.items():
        if char in text:
            marks.append(mark)
            text = text.replace(char, " ")
    return _norm(text), marks


def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def _walk(nodes: list[Node], depth: int = 0) -> list[tuple[int, Node]]:
    out: list[tuple[int, Node]] = []
    for node in nodes:
        out.append((depth, node))
        out.extend(_walk(node["children"], depth + 1))
    return out


def _is_number_cell(cell: str) -> bool:
    parts = cell.split(".")
    return cell.endswith(".") and len(parts) >= 2 and all(p.isdigit() for p in parts[:-1])


def _parse_seed() -> tuple[list[str], dict[str, Any]]:
    """Rows of the seed table in order: number -> text, result, marks; plus the header parts."""
    if not SEED.is_file():
        pytest.skip(f"seed document not found at {SEED}")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("№ п/п"))
    before = [line.strip() for line in lines[:header] if line.strip()]
    order: list[str] = []
    raw: dict[str, dict[str, str]] = {}
    footnotes: dict[str, str] = {}
    last = ""
    for line in lines[header + 1 :]:
        if "\t" in line:
            cells = line.split("\t")
            assert len(cells) == 6, line
            first = cells[0].strip()
            if first:
                assert _is_number_cell(first), line
                last = first[:-1]
                assert last not in raw, f"duplicate row {last} in the seed"
                order.append(last)
                raw[last] = {"text": cells[1], "result": cells[5]}
            else:  # a row continued after a page break
                raw[last]["text"] += " " + cells[1]
                raw[last]["result"] += " " + cells[5]
        elif line.strip():
            stripped = line.strip()
            assert stripped[0] in SUPERSCRIPTS, line
            footnotes[SUPERSCRIPTS[stripped[0]]] = _norm(stripped[1:])
    rows: dict[str, Any] = {}
    for number in order:
        text, text_marks = _strip_marks(raw[number]["text"])
        result, result_marks = _strip_marks(raw[number]["result"])
        rows[number] = {"text": text, "result": result, "marks": text_marks + result_marks}
    head = {"title": before[0], "star": before[1], "preamble": _norm(" ".join(before[2:]))}
    return order, {"rows": rows, "footnotes": footnotes, "head": head}


def test_header_fields() -> None:
    data = _load()
    assert data["code"] == "typical"
    assert data["version"] == 1
    assert data["title"] == (
        "Типовой план мероприятий по оптимизации государственных услуг (сервисов) "
        "по результатам самопроверки"
    )
    assert "«да»" in data["preamble"]
    assert "«не применимо»" in data["preamble"]
    assert "не включаются" in data["preamble"]


def test_top_level_is_sections_1_to_5() -> None:
    nodes = _load()["nodes"]
    assert [n["number"] for n in nodes] == [str(i) for i in range(1, EXPECTED_SECTIONS + 1)]
    assert all(n["kind"] == "section" for n in nodes)


def test_node_shape_and_kinds() -> None:
    data = _load()
    walked = _walk(data["nodes"])
    for depth, node in walked:
        assert NODE_KEYS <= set(node) <= NODE_KEYS | OPTIONAL_NODE_KEYS, node["number"]
        assert isinstance(node["text"], str)
        assert node["text"]
        assert node["text"] == _norm(node["text"]), node["number"]
        assert node["result"] == _norm(node["result"]), node["number"]
        for char in SUPERSCRIPTS:
            assert char not in node["text"]
            assert char not in node["result"]
        assert set(node["result_kinds"]) <= RESULT_KINDS, node["number"]
        assert len(set(node["result_kinds"])) == len(node["result_kinds"])
        if not node["result"]:
            assert node["result_kinds"] == [], node["number"]
        if depth == 0:
            assert node["kind"] == "section"
        elif node["children"]:
            assert node["kind"] == "group", node["number"]
        else:
            assert node["kind"] == "item", node["number"]
        if "control_point" in node:
            assert node["control_point"] == "survey_report"
            assert node["kind"] == "item"


def test_result_kinds_follow_result_text() -> None:
    phrase_kinds = {
        "ведомственный акт": "departmental_act",
        "внесение изменений в нпа": "npa_amendment",
        "отчет о реализации": "implementation_report",
    }
    for _, node in _walk(_load()["nodes"]):
        expected: list[str] = []
        for part in filter(None, (p.strip().lower() for p in node["result"].split("/"))):
            expected.append("order" if part.startswith("приказ") else phrase_kinds[part])
        assert node["result_kinds"] == expected, node["number"]


def test_numbering_is_hierarchical_and_in_order() -> None:
    def check(nodes: list[Node], prefix: str) -> None:
        for index, node in enumerate(nodes, start=1):
            expected = f"{prefix}.{index}" if prefix else str(index)
            assert node["number"] == expected
            check(node["children"], expected)

    check(_load()["nodes"], "")


def test_counts() -> None:
    data = _load()
    walked = [node for _, node in _walk(data["nodes"])]
    kinds = [node["kind"] for node in walked]
    assert kinds.count("section") == EXPECTED_SECTIONS
    assert kinds.count("group") == EXPECTED_GROUPS
    assert kinds.count("item") == EXPECTED_LEAF_ITEMS
    assert len(data["footnotes"]) == EXPECTED_FOOTNOTES


def test_footnote_references_resolve() -> None:
    data = _load()
    marks = [f["mark"] for f in data["footnotes"]]
    assert len(marks) == len(set(marks))
    assert all(f["text"] == _norm(f["text"]) and f["text"] for f in data["footnotes"])
    used = {mark for _, node in _walk(data["nodes"]) for mark in node["footnotes"]}
    assert used <= set(marks)
    # every footnote is referenced by a node, except "*" which belongs to the title
    assert set(marks) - used == {"*"}


def test_matches_seed_document() -> None:
    order, seed = _parse_seed()
    data = _load()
    walked = [node for _, node in _walk(data["nodes"])]
    assert [node["number"] for node in walked] == order
    for node in walked:
        row = seed["rows"][node["number"]]
        assert node["text"] == row["text"], node["number"]
        assert _norm_result(node["result"]) == _norm_result(row["result"]), node["number"]
        assert node["footnotes"] == row["marks"], node["number"]

    head = seed["head"]
    assert head["title"] == data["title"] + "*"
    assert head["star"].startswith("* - ")
    by_mark = {f["mark"]: f["text"] for f in data["footnotes"]}
    assert by_mark == {"*": _norm(head["star"][len("* - ") :]), **seed["footnotes"]}
    assert data["preamble"] == head["preamble"]
