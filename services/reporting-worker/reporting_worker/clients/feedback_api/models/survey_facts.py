from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SurveyFacts")


@_attrs_define
class SurveyFacts:
    """The survey's facts for the monthly report and to close a plan's control point (seed
    002): the shape plans-api takes as a survey evidence.

        Attributes:
            link (str):
            start_date (datetime.date):
            end_date (datetime.date): The day the run ended, or the analysis date (today) while it is open
            respondents (int):
            instrument (str):
    """

    link: str
    start_date: datetime.date
    end_date: datetime.date
    respondents: int
    instrument: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        link = self.link

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        respondents = self.respondents

        instrument = self.instrument

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "link": link,
                "start_date": start_date,
                "end_date": end_date,
                "respondents": respondents,
                "instrument": instrument,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        link = d.pop("link")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        respondents = d.pop("respondents")

        instrument = d.pop("instrument")

        survey_facts = cls(
            link=link,
            start_date=start_date,
            end_date=end_date,
            respondents=respondents,
            instrument=instrument,
        )

        survey_facts.additional_properties = d
        return survey_facts

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
