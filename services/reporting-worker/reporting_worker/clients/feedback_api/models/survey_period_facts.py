from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.run_period_facts import RunPeriodFacts


T = TypeVar("T", bound="SurveyPeriodFacts")


@_attrs_define
class SurveyPeriodFacts:
    """The runs that were open during a period, with their facts: a monthly report's section.

    Attributes:
        date_from (datetime.date):
        date_to (datetime.date):
        runs (list[RunPeriodFacts]):
    """

    date_from: datetime.date
    date_to: datetime.date
    runs: list[RunPeriodFacts]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date_from = self.date_from.isoformat()

        date_to = self.date_to.isoformat()

        runs = []
        for runs_item_data in self.runs:
            runs_item = runs_item_data.to_dict()
            runs.append(runs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date_from": date_from,
                "date_to": date_to,
                "runs": runs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_period_facts import RunPeriodFacts

        d = dict(src_dict)
        date_from = datetime.date.fromisoformat(d.pop("date_from"))

        date_to = datetime.date.fromisoformat(d.pop("date_to"))

        runs = []
        _runs = d.pop("runs")
        for runs_item_data in _runs:
            runs_item = RunPeriodFacts.from_dict(runs_item_data)

            runs.append(runs_item)

        survey_period_facts = cls(
            date_from=date_from,
            date_to=date_to,
            runs=runs,
        )

        survey_period_facts.additional_properties = d
        return survey_period_facts

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
