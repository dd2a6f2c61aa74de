from enum import StrEnum


class QuestionKind(StrEnum):
    MULTIPLE_CHOICE = "multiple_choice"
    NPS = "nps"
    RATING = "rating"
    SINGLE_CHOICE = "single_choice"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
