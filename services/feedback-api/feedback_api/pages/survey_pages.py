"""The survey's HTML form at its permanent public link (the JSON form stays for API clients:
the link answers by the Accept header), posted without JavaScript, then a thank-you page."""

from typing import Annotated

from fastapi import APIRouter, Path, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from feedback_api.pages import views
from feedback_api.pages.render import FormValues, message_page, page
from feedback_api.pages.respondent_cookie import given_token, keep_token, token_for_page
from feedback_api.respondents.dependencies import (
    ClientAddress,
    SurveyAnswerLimiter,
    Tokens,
)
from feedback_api.respondents.tokens import SURVEY_TOKEN_DAYS, RespondentTokens
from feedback_api.surveys import responding
from feedback_api.surveys.answers import Answer
from feedback_api.surveys.models import SurveyRun
from feedback_api.surveys.public_schemas import PublicSurveyForm
from feedback_api.surveys.questions import SCALES, QuestionKind
from feedback_api.surveys.service import public_path
from otklik_kit.db import DbSession
from otklik_kit.errors import DomainError, NotFound, TooManyRequests, UnprocessableEntity
from otklik_kit.ratelimit import FixedWindowLimiter

router = APIRouter(include_in_schema=False)
SurveyToken = Annotated[str, Path(min_length=8, max_length=64)]
MESSAGES = {
    "missing_answer": "Ответьте, пожалуйста, на этот вопрос",
    "too_long": "Ответ — не длиннее 2000 символов",
    "other": "Выберите один из предложенных вариантов",
}


def _cookie(run: SurveyRun) -> str:
    return "otklik_survey_" + responding.run_scope(run)[1:]


def _closed_or_missing(error: DomainError) -> Response:
    if isinstance(error, responding.SurveyClosed):
        return message_page(
            "Опрос завершён",
            "Этот опрос больше не принимает ответы. Спасибо за интерес!",
            status_code=409,
        )
    return message_page(
        "Опрос не найден",
        "По этой ссылке нет действующего опроса. Возможно, он ещё не начался — проверьте дату "
        "в объявлении — или в ссылке опечатка.",
        status_code=404,
    )


def _ends_on(form: PublicSurveyForm) -> str | None:
    return form.ends_on.strftime("%d.%m.%Y") if form.ends_on else None


def _form_page(
    form: PublicSurveyForm,
    token: str,
    respondent: str,
    *,
    values: FormValues | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    field_ids = {}
    for question in form.questions:
        name = f"q{question.number}"
        if question.kind in SCALES:
            field_ids[name] = f"{name}-{question.scale_min}"
        elif question.kind is not QuestionKind.TEXT:
            field_ids[name] = f"{name}-1"
    return page(
        "survey.html",
        status_code=status_code,
        form=form,
        agency_name=form.agency_name,
        ends_on=_ends_on(form),
        action=public_path(token) + "/form",
        respondent=respondent,
        values=values or FormValues(),
        errors=errors or {},
        field_ids=field_ids,
    )


async def survey_form_page(
    request: Request,
    session: AsyncSession,
    tokens: RespondentTokens,
    issue_limiter: FixedWindowLimiter,
    *,
    token: str,
    client_address: str,
) -> Response:
    """The HTML side of GET on the public link."""
    try:
        run = await responding.open_run(session, token)
    except (NotFound, responding.SurveyClosed) as error:
        return _closed_or_missing(error)
    form = await responding.form_of(session, run)
    try:
        respondent = await token_for_page(
            request,
            tokens,
            issue_limiter,
            cookie=_cookie(run),
            scope=responding.run_scope(run),
            days=SURVEY_TOKEN_DAYS,
            limit_key=f"{run.id}:{client_address}",
        )
    except TooManyRequests as error:
        return views.too_many(error, form.agency_name)
    if await responding.has_answered(session, run, respondent):
        return _already_answered(form)
    response = _form_page(form, token, respondent)
    keep_token(
        response,
        request,
        respondent,
        cookie=_cookie(run),
        path=public_path(token),
        days=SURVEY_TOKEN_DAYS,
    )
    return response


def _already_answered(form: PublicSurveyForm) -> Response:
    return message_page(
        "Вы уже ответили на этот опрос",
        "Спасибо! Ваши ответы уже приняты; ответить ещё раз нельзя.",
        status_code=409,
        agency_name=form.agency_name,
    )


def _answers(form: PublicSurveyForm, values: FormValues) -> list[Answer]:
    """The form's fields as the survey service takes answers, one per question in order."""
    given = []
    for question in form.questions:
        raw = [v.strip() for v in values.getlist(f"q{question.number}") if v.strip()]
        value: object = None
        if question.kind is QuestionKind.TEXT:
            value = raw[0] if raw else None
        elif question.kind is QuestionKind.MULTIPLE_CHOICE:
            value = [int(v) if v.isdigit() else v for v in raw] or None
        elif raw:
            value = int(raw[0]) if raw[0].lstrip("-").isdigit() else raw[0]
        given.append(Answer(question.number, value))
    return given


def _field_errors(error: UnprocessableEntity, form: PublicSurveyForm) -> dict[str, str]:
    errors = {}
    for field_error in error.errors or []:
        # answers[i].<field>: answers are given one per question, in order
        head = field_error.field.split("]")[0].removeprefix("answers[")
        if not head.isdigit() or int(head) >= len(form.questions):
            continue
        name = f"q{form.questions[int(head)].number}"
        errors[name] = MESSAGES.get(field_error.type, MESSAGES["other"])
    return errors


@router.post("/api/v1/public/surveys/{token}/form")
async def post_survey_form(
    request: Request,
    session: DbSession,
    tokens: Tokens,
    limiter: SurveyAnswerLimiter,
    address: ClientAddress,
    token: SurveyToken,
) -> Response:
    """The HTML form's post: the answers, then a redirect to the thank-you page."""
    try:
        run = await responding.open_run(session, token)
    except (NotFound, responding.SurveyClosed) as error:
        return _closed_or_missing(error)
    form = await responding.form_of(session, run)
    posted = await request.form()
    values = FormValues.of(posted)
    respondent = given_token(
        tokens,
        posted.get("respondent"),
        request.cookies.get(_cookie(run)),
        scope=responding.run_scope(run),
        days=SURVEY_TOKEN_DAYS,
    )
    if respondent is None:
        return views.stale_form(public_path(token), form.agency_name)
    try:
        await responding.submit_response(
            session,
            limiter,
            tokens,
            token=token,
            client_address=address,
            respondent_token=respondent,
            answers=_answers(form, values),
        )
    except TooManyRequests as error:
        return views.too_many(error, form.agency_name)
    except responding.AlreadyAnswered:
        return _already_answered(form)
    except UnprocessableEntity as error:
        errors = _field_errors(error, form)
        return _form_page(form, token, respondent, values=values, errors=errors, status_code=422)
    return RedirectResponse(public_path(token) + "/thanks", status_code=303)


@router.get("/api/v1/public/surveys/{token}/thanks")
async def survey_thanks(session: DbSession, token: SurveyToken) -> Response:
    """The thank-you page after the form's post."""
    run = await responding.get_run_by_token(session, token)
    if run is None:
        return views.not_found("Страница опроса")
    agency = await responding.agency_name(session, run)
    return message_page(
        "Спасибо! Ваши ответы приняты",
        "Результаты опроса помогут ведомству сделать услуги удобнее.",
        status_code=200,
        agency_name=agency,
    )
