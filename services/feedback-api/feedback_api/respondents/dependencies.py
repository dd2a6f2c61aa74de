"""Request-level helpers of the public side: the token signer and per-address limiters, one of
each per app (a limiter remembers a Redis outage between requests)."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from feedback_api.config import FeedbackSettings
from feedback_api.respondents.tokens import RespondentTokens
from otklik_kit.ratelimit import FixedWindowLimiter

DAY_SECONDS = 86400


def respondent_tokens(request: Request) -> RespondentTokens:
    state = request.app.state
    tokens: RespondentTokens | None = getattr(state, "respondent_tokens", None)
    if tokens is None:
        settings: FeedbackSettings = state.settings
        tokens = state.respondent_tokens = RespondentTokens(settings.pages_secret())
    return tokens


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limiter(
    name: str, limit: Callable[[FeedbackSettings], int], window_seconds: int
) -> Callable[[Request], FixedWindowLimiter]:
    attribute = f"limiter_{name.replace('-', '_')}"

    def dependency(request: Request) -> FixedWindowLimiter:
        state = request.app.state
        found: FixedWindowLimiter | None = getattr(state, attribute, None)
        if found is None or found.redis is not state.redis:
            found = FixedWindowLimiter(
                state.redis, name=name, limit=limit(state.settings), window_seconds=window_seconds
            )
            setattr(state, attribute, found)
        return found

    return dependency


Tokens = Annotated[RespondentTokens, Depends(respondent_tokens)]
ClientAddress = Annotated[str, Depends(client_address)]
SurveyAnswerLimiter = Annotated[
    FixedWindowLimiter,
    Depends(limiter("survey-responses", lambda s: s.survey_rate_limit_per_minute, 60)),
]
SurveyTokenLimiter = Annotated[
    FixedWindowLimiter,
    Depends(limiter("survey-tokens", lambda s: s.survey_tokens_per_address_per_day, DAY_SECONDS)),
]
PageTokenLimiter = Annotated[
    FixedWindowLimiter,
    Depends(limiter("page-tokens", lambda s: s.rating_tokens_per_address_per_day, DAY_SECONDS)),
]
RatingLimiter = Annotated[
    FixedWindowLimiter,
    Depends(limiter("touchpoint-ratings", lambda s: s.survey_rate_limit_per_minute, 60)),
]
