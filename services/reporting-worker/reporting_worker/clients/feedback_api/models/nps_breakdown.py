from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NpsBreakdown")


@_attrs_define
class NpsBreakdown:
    """
    Attributes:
        promoters (int): Scores 9–10
        passives (int): Scores 7–8
        detractors (int): Scores 0–6
        score (float | None): % promoters − % detractors, −100…100
    """

    promoters: int
    passives: int
    detractors: int
    score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        promoters = self.promoters

        passives = self.passives

        detractors = self.detractors

        score: float | None
        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "promoters": promoters,
                "passives": passives,
                "detractors": detractors,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        promoters = d.pop("promoters")

        passives = d.pop("passives")

        detractors = d.pop("detractors")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        nps_breakdown = cls(
            promoters=promoters,
            passives=passives,
            detractors=detractors,
            score=score,
        )

        nps_breakdown.additional_properties = d
        return nps_breakdown

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
