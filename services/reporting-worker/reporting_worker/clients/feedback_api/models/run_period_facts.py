from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.survey_facts import SurveyFacts


T = TypeVar("T", bound="RunPeriodFacts")


@_attrs_define
class RunPeriodFacts:
    """
    Attributes:
        run_id (UUID):
        title (str):
        agency_id (UUID):
        service_id (None | UUID):
        facts (SurveyFacts): The survey's facts for the monthly report and to close a plan's control point (seed
            002): the shape plans-api takes as a survey evidence.
        respondents_in_period (int): Responses submitted within the period
    """

    run_id: UUID
    title: str
    agency_id: UUID
    service_id: None | UUID
    facts: SurveyFacts
    respondents_in_period: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        title = self.title

        agency_id = str(self.agency_id)

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        facts = self.facts.to_dict()

        respondents_in_period = self.respondents_in_period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "title": title,
                "agency_id": agency_id,
                "service_id": service_id,
                "facts": facts,
                "respondents_in_period": respondents_in_period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_facts import SurveyFacts

        d = dict(src_dict)
        run_id = UUID(d.pop("run_id"))

        title = d.pop("title")

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

        facts = SurveyFacts.from_dict(d.pop("facts"))

        respondents_in_period = d.pop("respondents_in_period")

        run_period_facts = cls(
            run_id=run_id,
            title=title,
            agency_id=agency_id,
            service_id=service_id,
            facts=facts,
            respondents_in_period=respondents_in_period,
        )

        run_period_facts.additional_properties = d
        return run_period_facts

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
