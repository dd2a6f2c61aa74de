from enum import StrEnum


class InternalSubkind(StrEnum):
    ACCOUNTING = "accounting"
    ADMINISTRATIVE = "administrative"
    CONTRACTS = "contracts"
    HR = "hr"
    IT = "it"
    RULEMAKING_AUDIT = "rulemaking_audit"

    def __str__(self) -> str:
        return str(self.value)
