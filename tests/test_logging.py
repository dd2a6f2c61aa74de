"""The JSON log lines of a real process: fields, extras, errors, and nothing lost at exit."""

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import logging, sys, time
    from otklik_kit.observability.context import set_request_id
    from otklik_kit.observability.logging import configure_logging

    configure_logging("feedback-api")
    set_request_id("4f1c")
    log = logging.getLogger("otklik.access")
    log.info("request", extra={"method": "POST", "status": 201, "unusual": object()})
    log.error("failed now")
    sys.stdout.write("MARK\\n")  # the error is out before this; the INFO line was too
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("boom")
    log.info("bad \\ud800 text")
    for n in range(2000):
        log.info("line %d", n)
    """
)


def test_log_lines_are_json_with_the_request_id_and_none_is_lost_at_exit() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=True
    )

    lines = done.stdout.splitlines()
    mark = lines.index("MARK")
    before = [json.loads(line) for line in lines[:mark]]
    after = [json.loads(line) for line in lines[mark + 1 :]]
    assert [entry["message"] for entry in before] == ["request", "failed now"]
    request = before[0]
    assert request["level"] == "INFO"
    assert request["service"] == "feedback-api"
    assert request["request_id"] == "4f1c"
    assert (request["method"], request["status"]) == ("POST", 201)
    assert request["unusual"].startswith("<object object")
    assert request["time"].endswith("+00:00")
    assert "ZeroDivisionError" in after[0]["exc_info"]
    assert after[1]["message"] == "bad \ud800 text"
    assert [entry["message"] for entry in after[2:]] == [f"line {n}" for n in range(2000)]
    assert done.stderr == ""
