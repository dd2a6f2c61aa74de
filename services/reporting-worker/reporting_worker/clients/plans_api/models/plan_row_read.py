from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_status import ItemStatus
from ..models.plan_row_read_kind import PlanRowReadKind
from ..models.plan_row_read_origin import PlanRowReadOrigin
from ..models.result_document import ResultDocument

if TYPE_CHECKING:
    from ..models.evidence_read import EvidenceRead
    from ..models.executor_read import ExecutorRead


T = TypeVar("T", bound="PlanRowRead")


@_attrs_define
class PlanRowRead:
    """
    Attributes:
        id (UUID):
        number (str):
        kind (PlanRowReadKind):
        text (str):
        result (str):
        result_kinds (list[ResultDocument]):
        footnotes (list[str]):
        control_point (None | str):
        origin (PlanRowReadOrigin):
        proposal_ref (None | str):
        status (ItemStatus | None): Derived, for items only
        executors (list[ExecutorRead]):
        evidence (list[EvidenceRead]):
    """

    id: UUID
    number: str
    kind: PlanRowReadKind
    text: str
    result: str
    result_kinds: list[ResultDocument]
    footnotes: list[str]
    control_point: None | str
    origin: PlanRowReadOrigin
    proposal_ref: None | str
    status: ItemStatus | None
    executors: list[ExecutorRead]
    evidence: list[EvidenceRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        kind = self.kind.value

        text = self.text

        result = self.result

        result_kinds = []
        for result_kinds_item_data in self.result_kinds:
            result_kinds_item = result_kinds_item_data.value
            result_kinds.append(result_kinds_item)

        footnotes = self.footnotes

        control_point: None | str
        control_point = self.control_point

        origin = self.origin.value

        proposal_ref: None | str
        proposal_ref = self.proposal_ref

        status: None | str
        if isinstance(self.status, ItemStatus):
            status = self.status.value
        else:
            status = self.status

        executors = []
        for executors_item_data in self.executors:
            executors_item = executors_item_data.to_dict()
            executors.append(executors_item)

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "kind": kind,
                "text": text,
                "result": result,
                "result_kinds": result_kinds,
                "footnotes": footnotes,
                "control_point": control_point,
                "origin": origin,
                "proposal_ref": proposal_ref,
                "status": status,
                "executors": executors,
                "evidence": evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_read import EvidenceRead
        from ..models.executor_read import ExecutorRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        kind = PlanRowReadKind(d.pop("kind"))

        text = d.pop("text")

        result = d.pop("result")

        result_kinds = []
        _result_kinds = d.pop("result_kinds")
        for result_kinds_item_data in _result_kinds:
            result_kinds_item = ResultDocument(result_kinds_item_data)

            result_kinds.append(result_kinds_item)

        footnotes = cast(list[str], d.pop("footnotes"))

        def _parse_control_point(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        control_point = _parse_control_point(d.pop("control_point"))

        origin = PlanRowReadOrigin(d.pop("origin"))

        def _parse_proposal_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposal_ref = _parse_proposal_ref(d.pop("proposal_ref"))

        def _parse_status(data: object) -> ItemStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ItemStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemStatus | None, data)

        status = _parse_status(d.pop("status"))

        executors = []
        _executors = d.pop("executors")
        for executors_item_data in _executors:
            executors_item = ExecutorRead.from_dict(executors_item_data)

            executors.append(executors_item)

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidenceRead.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        plan_row_read = cls(
            id=id,
            number=number,
            kind=kind,
            text=text,
            result=result,
            result_kinds=result_kinds,
            footnotes=footnotes,
            control_point=control_point,
            origin=origin,
            proposal_ref=proposal_ref,
            status=status,
            executors=executors,
            evidence=evidence,
        )

        plan_row_read.additional_properties = d
        return plan_row_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
