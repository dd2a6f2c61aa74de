"""The pages' Russian messages for what stops a citizen, by the domain error that did."""

from starlette.responses import HTMLResponse

from feedback_api.pages.render import message_page
from otklik_kit.errors import DomainError


def too_many(error: DomainError, agency_name: str | None = None) -> HTMLResponse:
    retry = (error.headers or {}).get("Retry-After", "60")
    return message_page(
        "Слишком много отправок",
        "С вашего адреса сейчас пришло слишком много ответов. Пожалуйста, попробуйте позже.",
        f"Повторить можно примерно через {_wait(retry)}.",
        status_code=429,
        headers={"Retry-After": retry},
        agency_name=agency_name,
    )


def _wait(seconds: str) -> str:
    value = int(seconds) if seconds.isdigit() else 60
    if value < 120:
        return "минуту"
    if value < 7200:
        return f"{value // 60} мин."
    return f"{value // 3600} ч."


def unavailable(agency_name: str | None = None) -> HTMLResponse:
    return message_page(
        "Сервис временно недоступен",
        "Мы не смогли сохранить ваш ответ. Пожалуйста, отправьте форму ещё раз через минуту.",
        status_code=503,
        headers={"Retry-After": "30"},
        agency_name=agency_name,
    )


def stale_form(again: str, agency_name: str | None = None) -> HTMLResponse:
    return message_page(
        "Страница устарела",
        "Форма была открыта слишком давно или повреждена. Откройте её снова и отправьте ещё раз.",
        status_code=400,
        link=(again, "Открыть форму снова"),
        agency_name=agency_name,
    )


def not_found(what: str) -> HTMLResponse:
    return message_page(
        f"{what} не найдена",
        "Проверьте адрес: возможно, в ссылке опечатка или страница больше не действует.",
        status_code=404,
    )
