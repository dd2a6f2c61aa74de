"""Checks of the HTTP contract shared by the services' tests."""

import httpx


def assert_no_content(response: httpx.Response) -> None:
    """A 204 as RFC 9110 has it: no body, and so nothing to name a Content-Type of."""
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert "content-type" not in response.headers, response.headers
