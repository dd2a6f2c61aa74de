from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from otklik_shared.vocab import ResultDocument

NodeKind = Literal["section", "group", "item"]


class TemplateFootnote(BaseModel):
    model_config = ConfigDict(frozen=True)

    mark: str
    text: str


class TemplateNode(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: str = Field(examples=["2.3.1"])
    kind: NodeKind
    text: str
    result: str = Field(description="The «Результат» cell: documents that prove it done")
    result_kinds: list[ResultDocument]
    footnotes: list[str] = Field(description="Marks of the footnotes this row carries")
    control_point: Literal["survey_report"] | None = Field(
        default=None, description="A control point closes only with survey evidence"
    )
    children: list["TemplateNode"] = Field(default_factory=list)


class PlanTemplate(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str = Field(examples=["typical"])
    version: int
    title: str
    preamble: str
    footnotes: list[TemplateFootnote]
    nodes: list[TemplateNode]
