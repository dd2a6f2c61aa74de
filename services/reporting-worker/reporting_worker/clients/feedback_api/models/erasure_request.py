from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ErasureRequest")


@_attrs_define
class ErasureRequest:
    """
    Attributes:
        case_number (str): Erase the contacts left with every feedback of this case
    """

    case_number: str

    def to_dict(self) -> dict[str, Any]:
        case_number = self.case_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_number": case_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_number = d.pop("case_number")

        erasure_request = cls(
            case_number=case_number,
        )

        return erasure_request
