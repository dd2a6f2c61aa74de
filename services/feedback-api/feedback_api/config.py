from pydantic import Field, SecretStr, model_validator

from otklik_kit.settings import KitSettings


class FeedbackSettings(KitSettings):
    port: int = Field(default=8002, validation_alias="FEEDBACK_API_PORT")
    # url-safe base64 of 32 random bytes; encrypts citizens' contact details at rest
    contacts_encryption_key: SecretStr | None = Field(
        default=None, validation_alias="CONTACTS_ENCRYPTION_KEY"
    )

    @model_validator(mode="after")
    def _real_secret_in_production(self) -> "FeedbackSettings":
        key = self.contacts_encryption_key
        if self.environment == "production" and (
            key is None or "REPLACE_ME" in key.get_secret_value()
        ):
            raise ValueError("CONTACTS_ENCRYPTION_KEY must be set to a real key in production")
        return self
