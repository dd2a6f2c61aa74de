from enum import StrEnum


class TemplateNodeKind(StrEnum):
    GROUP = "group"
    ITEM = "item"
    SECTION = "section"

    def __str__(self) -> str:
        return str(self.value)
