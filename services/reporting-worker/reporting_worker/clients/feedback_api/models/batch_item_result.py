from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_item_result_outcome import BatchItemResultOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feedback_receipt import FeedbackReceipt
    from ..models.problem import Problem


T = TypeVar("T", bound="BatchItemResult")


@_attrs_define
class BatchItemResult:
    """
    Attributes:
        index (int): Position of the item in the request
        status (int): 201 accepted, 422 invalid, 409 still in flight
        outcome (BatchItemResultOutcome):
        receipt (FeedbackReceipt | None | Unset):
        problem (None | Problem | Unset):
    """

    index: int
    status: int
    outcome: BatchItemResultOutcome
    receipt: FeedbackReceipt | None | Unset = UNSET
    problem: None | Problem | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.feedback_receipt import FeedbackReceipt
        from ..models.problem import Problem

        index = self.index

        status = self.status

        outcome = self.outcome.value

        receipt: dict[str, Any] | None | Unset
        if isinstance(self.receipt, Unset):
            receipt = UNSET
        elif isinstance(self.receipt, FeedbackReceipt):
            receipt = self.receipt.to_dict()
        else:
            receipt = self.receipt

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, Problem):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
                "outcome": outcome,
            }
        )
        if receipt is not UNSET:
            field_dict["receipt"] = receipt
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feedback_receipt import FeedbackReceipt
        from ..models.problem import Problem

        d = dict(src_dict)
        index = d.pop("index")

        status = d.pop("status")

        outcome = BatchItemResultOutcome(d.pop("outcome"))

        def _parse_receipt(data: object) -> FeedbackReceipt | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                receipt_type_0 = FeedbackReceipt.from_dict(data)

                return receipt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FeedbackReceipt | None | Unset, data)

        receipt = _parse_receipt(d.pop("receipt", UNSET))

        def _parse_problem(data: object) -> None | Problem | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = Problem.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Problem | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        batch_item_result = cls(
            index=index,
            status=status,
            outcome=outcome,
            receipt=receipt,
            problem=problem,
        )

        batch_item_result.additional_properties = d
        return batch_item_result

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
