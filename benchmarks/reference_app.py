"""The reference: bare FastAPI served by the same uvicorn settings as the services. A GET that
returns a small object, and a POST that validates the feedback body with pydantic (no auth,
no middleware, no database)."""

from fastapi import FastAPI
from pydantic import BaseModel

from feedback_api.feedback.schemas import FeedbackCreate

app = FastAPI()


class Pong(BaseModel):
    status: str


@app.get("/ping")
async def ping() -> Pong:
    return Pong(status="ok")


@app.post("/echo", status_code=201)
async def echo(body: FeedbackCreate) -> Pong:
    return Pong(status=body.channel.value)
