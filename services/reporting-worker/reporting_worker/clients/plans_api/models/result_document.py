from enum import StrEnum


class ResultDocument(StrEnum):
    ANALYTICAL_REPORT = "analytical_report"
    CONCLUSION = "conclusion"
    DEPARTMENTAL_ACT = "departmental_act"
    IMPLEMENTATION_REPORT = "implementation_report"
    INSTRUCTION = "instruction"
    NPA_AMENDMENT = "npa_amendment"
    ORDER = "order"

    def __str__(self) -> str:
        return str(self.value)
