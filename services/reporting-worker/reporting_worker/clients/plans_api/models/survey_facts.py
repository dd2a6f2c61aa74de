from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SurveyFacts")


@_attrs_define
class SurveyFacts:
    """What closes a survey control point (seed 002): link, dates, respondents, instrument.

    Attributes:
        link (str):
        start_date (datetime.date):
        end_date (datetime.date):
        respondents (int):
        instrument (str):
    """

    link: str
    start_date: datetime.date
    end_date: datetime.date
    respondents: int
    instrument: str

    def to_dict(self) -> dict[str, Any]:
        link = self.link

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        respondents = self.respondents

        instrument = self.instrument

        field_dict: dict[str, Any] = {}

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

        return survey_facts
