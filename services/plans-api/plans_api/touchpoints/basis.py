"""What a touchpoint rests on (seed 003, 3.6): the kind of act or order that provides for it."""

from enum import StrEnum


class TouchpointBasis(StrEnum):
    NPA = "npa"
    INTERNAL_ACT = "internal_act"
    AGREEMENT = "agreement"
    INSTRUCTION = "instruction"


BASIS_LABELS: dict[TouchpointBasis, str] = {
    TouchpointBasis.NPA: "нормативный правовой акт",
    TouchpointBasis.INTERNAL_ACT: "ненормативный (внутренний) правовой акт или иной документ",
    TouchpointBasis.AGREEMENT: "акт, контракт, соглашение о работе точки взаимодействия",
    TouchpointBasis.INSTRUCTION: "распорядительное действие (поручение, резолюция)",
}
