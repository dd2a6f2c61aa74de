from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from otklik_shared.events import Sentiment
from otklik_shared.vocab import PainCategory

MAX_TEXTS = 100
MAX_TEXT_LENGTH = 5000

_REQUEST_EXAMPLE: JsonDict = {
    "texts": [
        {
            "id": "fb-1",
            "text": "Очередь огромная, ждала два часа, окно работало одно.",
            "rating": 2,
        },
        {"text": "Очереди не было, всё быстро, спасибо!"},
    ]
}
_RESPONSE_EXAMPLE: JsonDict = {
    "results": [
        {
            "id": "fb-1",
            "categories": [
                {"category": "waiting_time", "label": "Время ожидания, очереди", "score": 0.93}
            ],
            "sentiment": "negative",
        },
        {
            "id": None,
            "categories": [{"category": "praise", "label": "Благодарность", "score": 0.7}],
            "sentiment": "positive",
        },
    ]
}


class CommentToClassify(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(
        default=None, max_length=200, description="Echoed back to match results to comments"
    )
    text: str = Field(min_length=1, max_length=MAX_TEXT_LENGTH)
    rating: int | None = Field(
        default=None, ge=1, le=5, description="The star rating given with it; shifts sentiment"
    )


class ClassifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_REQUEST_EXAMPLE]})

    texts: list[CommentToClassify] = Field(min_length=1, max_length=MAX_TEXTS)


class CategoryScore(BaseModel):
    category: PainCategory
    label: str = Field(description="The category's name in Russian, as reports show it")
    score: float = Field(ge=0, le=1)


class CommentClassification(BaseModel):
    id: str | None
    categories: list[CategoryScore] = Field(
        description="Highest score first; `other` or `praise` when no pain is found"
    )
    sentiment: Sentiment


class ClassifyResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_RESPONSE_EXAMPLE]})

    results: list[CommentClassification] = Field(description="In the order of the request")
