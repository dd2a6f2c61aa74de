from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookEndpointIn")


@_attrs_define
class WebhookEndpointIn:
    """
    Attributes:
        url (str): Where answers are POSTed (HTTPS in production)
    """

    url: str

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        webhook_endpoint_in = cls(
            url=url,
        )

        return webhook_endpoint_in
