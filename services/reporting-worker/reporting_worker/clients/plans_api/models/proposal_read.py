from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_status import ProposalStatus
from ..models.stage import Stage

T = TypeVar("T", bound="ProposalRead")


@_attrs_define
class ProposalRead:
    """
    Attributes:
        id (UUID):
        feedback_id (UUID): The citizen's feedback it comes from
        agency_id (UUID):
        service_id (None | UUID):
        stage (None | Stage):
        title (str):
        rationale (None | str):
        proposed_by (str):
        submitted_at (datetime.datetime):
        status (ProposalStatus):
        decided_at (datetime.datetime | None):
        decided_by (None | str):
        reject_reason (None | str):
        plan_id (None | UUID): The plan it was accepted into
        plan_item_id (None | UUID):
        item_number (None | str): The item's number in that plan, e.g. 5.3
    """

    id: UUID
    feedback_id: UUID
    agency_id: UUID
    service_id: None | UUID
    stage: None | Stage
    title: str
    rationale: None | str
    proposed_by: str
    submitted_at: datetime.datetime
    status: ProposalStatus
    decided_at: datetime.datetime | None
    decided_by: None | str
    reject_reason: None | str
    plan_id: None | UUID
    plan_item_id: None | UUID
    item_number: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        feedback_id = str(self.feedback_id)

        agency_id = str(self.agency_id)

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        stage: None | str
        if isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        title = self.title

        rationale: None | str
        rationale = self.rationale

        proposed_by = self.proposed_by

        submitted_at = self.submitted_at.isoformat()

        status = self.status.value

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        reject_reason: None | str
        reject_reason = self.reject_reason

        plan_id: None | str
        if isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        plan_item_id: None | str
        if isinstance(self.plan_item_id, UUID):
            plan_item_id = str(self.plan_item_id)
        else:
            plan_item_id = self.plan_item_id

        item_number: None | str
        item_number = self.item_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "feedback_id": feedback_id,
                "agency_id": agency_id,
                "service_id": service_id,
                "stage": stage,
                "title": title,
                "rationale": rationale,
                "proposed_by": proposed_by,
                "submitted_at": submitted_at,
                "status": status,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "reject_reason": reject_reason,
                "plan_id": plan_id,
                "plan_item_id": plan_item_id,
                "item_number": item_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        feedback_id = UUID(d.pop("feedback_id"))

        agency_id = UUID(d.pop("agency_id"))

        def _parse_service_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_id = _parse_service_id(d.pop("service_id"))

        def _parse_stage(data: object) -> None | Stage:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage, data)

        stage = _parse_stage(d.pop("stage"))

        title = d.pop("title")

        def _parse_rationale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rationale = _parse_rationale(d.pop("rationale"))

        proposed_by = d.pop("proposed_by")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        status = ProposalStatus(d.pop("status"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_reject_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reject_reason = _parse_reject_reason(d.pop("reject_reason"))

        def _parse_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)

                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        def _parse_plan_item_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_item_id_type_0 = UUID(data)

                return plan_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_item_id = _parse_plan_item_id(d.pop("plan_item_id"))

        def _parse_item_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        item_number = _parse_item_number(d.pop("item_number"))

        proposal_read = cls(
            id=id,
            feedback_id=feedback_id,
            agency_id=agency_id,
            service_id=service_id,
            stage=stage,
            title=title,
            rationale=rationale,
            proposed_by=proposed_by,
            submitted_at=submitted_at,
            status=status,
            decided_at=decided_at,
            decided_by=decided_by,
            reject_reason=reject_reason,
            plan_id=plan_id,
            plan_item_id=plan_item_id,
            item_number=item_number,
        )

        proposal_read.additional_properties = d
        return proposal_read

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
