"""The respondent token a browser keeps: in a cookie, and in each form (for browsers that keep
no cookies). A fresh one is issued only when neither holds a valid token, and fresh ones are
limited per client address."""

from fastapi import Request
from starlette.responses import Response

from feedback_api.respondents.tokens import RespondentTokens
from otklik_kit.errors import TooManyRequests
from otklik_kit.ratelimit import FixedWindowLimiter

PAGES_COOKIE = "otklik_respondent"


def given_token(tokens: RespondentTokens, *candidates: object, scope: str, days: int) -> str | None:
    """The first candidate that is a valid token of the scope (a form's, then a cookie's)."""
    for candidate in candidates:
        if isinstance(candidate, str) and tokens.valid(candidate, scope, days=days):
            return candidate
    return None


async def token_for_page(
    request: Request,
    tokens: RespondentTokens,
    limiter: FixedWindowLimiter,
    *,
    cookie: str,
    scope: str,
    days: int,
    limit_key: str,
) -> str:
    """The browser's token, or a fresh one; TooManyRequests when the address has had its fresh
    tokens for the day."""
    held = given_token(tokens, request.cookies.get(cookie), scope=scope, days=days)
    if held is not None:
        return held
    retry_after = await limiter.hit(limit_key)
    if retry_after is not None:
        raise TooManyRequests(retry_after, "Too many fresh respondent tokens from this address")
    return tokens.issue(scope, days=days).token


def keep_token(
    response: Response, request: Request, token: str, *, cookie: str, path: str, days: int
) -> None:
    response.set_cookie(
        cookie,
        token,
        max_age=days * 86400,
        path=path,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
