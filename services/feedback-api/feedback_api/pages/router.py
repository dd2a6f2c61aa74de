"""Citizens' pages: a touchpoint's rating page behind its short link and the private answer
page. HTML for browsers, no API key; not part of the JSON API's contract."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import RedirectResponse, Response

from feedback_api.answers import service as answers
from feedback_api.answers.links import ANSWER_PREFIX, answer_path
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.pages import rating, views
from feedback_api.pages.forms import new_form_key, opened_at
from feedback_api.pages.links import RATING_PREFIX
from feedback_api.pages.rating_form import CRITERIA_FIELDS, parse_rating_form, rule_errors
from feedback_api.pages.render import FormValues, asset, message_page, page
from feedback_api.pages.respondent_cookie import (
    PAGES_COOKIE,
    given_token,
    keep_token,
    token_for_page,
)
from feedback_api.pages.targets import RatingTarget, rating_target
from feedback_api.respondents.dependencies import (
    ClientAddress,
    PageTokenLimiter,
    RatingLimiter,
    Tokens,
)
from feedback_api.respondents.tokens import PAGES_SCOPE, PAGES_TOKEN_DAYS
from otklik_kit.db import DbSession
from otklik_kit.errors import (
    Conflict,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
    UnprocessableEntity,
)
from otklik_shared.vocab import CRITERION_LABELS, Criterion

router = APIRouter(include_in_schema=False)
Code = Annotated[str, Path(max_length=200)]
AnswerToken = Annotated[str, Path(max_length=200)]
COMMENT_MAX = 2000


@router.get("/assets/{name}")
async def page_asset(name: Annotated[str, Path(max_length=40)]) -> Response:
    found = asset(name)
    return found if found is not None else Response(status_code=404)


def _rating_page(
    target: RatingTarget,
    respondent: str,
    *,
    values: FormValues | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    values = values or FormValues()
    field_ids = {name: f"{name}-1" for name in ("rating", *CRITERIA_FIELDS)}
    field_ids["service"] = "service-1"
    return page(
        "rating.html",
        status_code=status_code,
        agency_name=target.agency.name,
        touchpoint_name=target.touchpoint.name,
        action=RATING_PREFIX + target.code + _query(target),
        form_key=new_form_key(),
        respondent=respondent,
        services=target.services,
        preset_stage=target.stage.value if target.stage else None,
        stages=target.stage_choices(),
        criteria=[(c.value, CRITERION_LABELS[c]) for c in Criterion],
        criteria_open=any(values.get(f) for f in CRITERIA_FIELDS)
        or any(f in errors for f in CRITERIA_FIELDS),
        values=values,
        errors=errors,
        field_ids=field_ids,
    )


def _query(target: RatingTarget) -> str:
    parts = []
    if len(target.services) == 1 and target.services[0].code:
        parts.append(f"s={target.services[0].code}")
    if target.stage:
        parts.append(f"stage={target.stage.value}")
    return "?" + "&".join(parts) if parts else ""


@router.get("/r/{code}")
async def rating_page(
    request: Request,
    session: DbSession,
    tokens: Tokens,
    limiter: PageTokenLimiter,
    address: ClientAddress,
    code: Code,
    s: Annotated[str | None, Query(max_length=200)] = None,
    stage: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """A touchpoint's rating form (the target of its QR code)."""
    try:
        target = await rating_target(session, code, service_code=s, stage=stage)
    except NotFound:
        return views.not_found("Страница оценки")
    try:
        respondent = await token_for_page(
            request,
            tokens,
            limiter,
            cookie=PAGES_COOKIE,
            scope=PAGES_SCOPE,
            days=PAGES_TOKEN_DAYS,
            limit_key=address,
        )
    except TooManyRequests as error:
        return views.too_many(error, target.agency.name)
    response = _rating_page(target, respondent)
    keep_token(response, request, respondent, cookie=PAGES_COOKIE, path="/", days=PAGES_TOKEN_DAYS)
    return response


@router.post("/r/{code}")
async def post_rating(
    request: Request,
    session: DbSession,
    tokens: Tokens,
    limiter: RatingLimiter,
    address: ClientAddress,
    code: Code,
    s: Annotated[str | None, Query(max_length=200)] = None,
    stage: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The rating form's post: redirects to the thank-you page (the feedback's answer page)."""
    try:
        target = await rating_target(session, code, service_code=s, stage=stage)
    except NotFound:
        return views.not_found("Страница оценки")
    form = await request.form()
    values = FormValues.of(form)
    values.pop("respondent", None)
    again = RATING_PREFIX + target.code + _query(target)
    retry_after = await limiter.hit(f"address:{address}")
    if retry_after is not None:
        return views.too_many(TooManyRequests(retry_after), target.agency.name)
    respondent = given_token(
        tokens,
        form.get("respondent"),
        request.cookies.get(PAGES_COOKIE),
        scope=PAGES_SCOPE,
        days=PAGES_TOKEN_DAYS,
    )
    form_key = str(form.get("form_key") or "")
    now = datetime.now(UTC)
    occurred_at = opened_at(form_key, now)
    if respondent is None or occurred_at is None:
        return views.stale_form(again, target.agency.name)
    data, errors = parse_rating_form(values, target, occurred_at=occurred_at)
    if data is None:
        return _rating_page(target, respondent, values=values, errors=errors, status_code=422)
    try:
        outcome = await rating.submit_rating(
            session,
            _batcher(request),
            target=target,
            respondent_token=respondent,
            form_key=form_key,
            data=data,
            now=now,
        )
    except rating.AlreadyRatedToday:
        return message_page(
            "Вы уже оценили это место сегодня",
            "Спасибо! Оценку можно оставить один раз в день. Ваша первая оценка сохранена.",
            "Если вы хотите что-то добавить, приходите завтра — или напишите в ведомство.",
            status_code=409,
            agency_name=target.agency.name,
        )
    except UnprocessableEntity as error:
        errors = rule_errors(error.errors or [])
        return _rating_page(target, respondent, values=values, errors=errors, status_code=422)
    except Conflict:
        return message_page(
            "Отзыв уже отправляется",
            "Мы ещё сохраняем эту форму. Обновите страницу через несколько секунд.",
            status_code=409,
            agency_name=target.agency.name,
        )
    except ServiceUnavailable:
        return views.unavailable(target.agency.name)
    url = outcome.receipt.answer_url or ""
    token = url.rpartition(ANSWER_PREFIX)[2]
    return RedirectResponse(answer_path(token) + "?sent=1", status_code=303)


def _batcher(request: Request) -> IngestBatcher:
    batcher: IngestBatcher = request.app.state.ingest
    return batcher


def _answer_page(
    view: answers.AnswerView,
    token: str,
    *,
    sent: bool = False,
    rated: bool = False,
    values: FormValues | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return page(
        "answer.html",
        status_code=status_code,
        agency_name=view.agency_name,
        view=view,
        sent=sent,
        rated=rated,
        action=answer_path(token),
        values=values or FormValues(),
        errors=errors or {},
        field_ids={"satisfied": "satisfied-yes"},
    )


@router.get("/a/{token}")
async def answer_page(
    session: DbSession,
    token: AnswerToken,
    sent: Annotated[bool, Query()] = False,
    rated: Annotated[bool, Query()] = False,
) -> Response:
    """The citizen's private page of one feedback: status, answer, rating of the answer."""
    try:
        view = await answers.answer_view(session, token)
    except NotFound:
        return views.not_found("Страница отзыва")
    return _answer_page(view, token, sent=sent, rated=rated)


@router.post("/a/{token}")
async def rate_answer(
    request: Request,
    session: DbSession,
    limiter: RatingLimiter,
    address: ClientAddress,
    token: AnswerToken,
) -> Response:
    """The citizen's rating of the agency's answer: once per answer."""
    retry_after = await limiter.hit(f"address:{address}")
    if retry_after is not None:
        return views.too_many(TooManyRequests(retry_after))
    try:
        view = await answers.answer_view(session, token)
    except NotFound:
        return views.not_found("Страница отзыва")
    values = FormValues.of(await request.form())
    errors: dict[str, str] = {}
    satisfied = values.get("satisfied")
    if satisfied not in ("yes", "no"):
        errors["satisfied"] = "Выберите, устроил ли вас ответ"
    comment = str(values.get("comment") or "").strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = f"Комментарий — не длиннее {COMMENT_MAX} символов"
    if errors:
        return _answer_page(view, token, values=values, errors=errors, status_code=422)
    try:
        await answers.rate_answer(
            session, token, satisfied=satisfied == "yes", comment=comment or None
        )
    except answers.AnswerAlreadyRated:
        return message_page(
            "Вы уже оценили этот ответ",
            "Спасибо! Ваша оценка этого ответа уже записана; изменить её нельзя.",
            status_code=409,
            link=(answer_path(token), "Вернуться к отзыву"),
        )
    except answers.NoAnswerYet:
        return message_page(
            "Ответа пока нет",
            "Оценить ответ можно, когда ведомство ответит.",
            status_code=409,
            link=(answer_path(token), "Вернуться к отзыву"),
        )
    return RedirectResponse(answer_path(token) + "?rated=1", status_code=303)
