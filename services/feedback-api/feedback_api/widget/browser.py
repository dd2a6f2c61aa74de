"""The rules of posts with a publishable key (a portal widget in a citizen's browser): from one
of the key's origins only, and a limit per client address, since one key serves everyone."""

from typing import Any

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.ratelimit import FixedWindowLimiter

WRONG_ORIGIN = "This publishable key is not for the site the request comes from"


def widget_limiter(state: Any) -> FixedWindowLimiter:
    """One limiter per app and Redis client; it remembers a Redis outage between requests."""
    limiter: FixedWindowLimiter | None = getattr(state, "widget_limiter", None)
    if limiter is None or limiter.redis is not state.redis:
        settings: FeedbackSettings = state.settings
        limiter = FixedWindowLimiter(
            state.redis,
            name="widget-posts",
            limit=settings.widget_rate_limit_per_minute,
            window_seconds=60,
        )
        state.widget_limiter = limiter
    return limiter


def origin_allowed(principal: Principal, origin: str | None) -> bool:
    """A publishable key posts from its origins only; a backend's key (`feedback:write`, no
    origins) from anywhere; a publishable key without origins from nowhere."""
    if principal.origins is None:
        return principal.has(Scope.FEEDBACK_WRITE)
    return origin is not None and origin in principal.origins


async def address_wait(state: Any, principal: Principal, address: str) -> int | None:
    """Seconds to wait when the address is over the widget limit; None to go ahead."""
    if principal.origins is None:
        return None
    return await widget_limiter(state).hit(f"address:{address}")
