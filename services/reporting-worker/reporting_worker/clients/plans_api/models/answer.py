from enum import StrEnum


class Answer(StrEnum):
    NO = "no"
    NOT_APPLICABLE = "not_applicable"
    YES = "yes"

    def __str__(self) -> str:
        return str(self.value)
