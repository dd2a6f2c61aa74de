from pydantic import Field

from otklik_kit.settings import KitSettings


class FeedbackSettings(KitSettings):
    port: int = Field(default=8002, validation_alias="FEEDBACK_API_PORT")
