from pydantic import Field

from otklik_kit.settings import KitSettings


class PlansSettings(KitSettings):
    port: int = Field(default=8001, validation_alias="PLANS_API_PORT")
