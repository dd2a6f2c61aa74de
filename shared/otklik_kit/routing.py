from typing import Any
from urllib.parse import quote

from fastapi import APIRouter

from otklik_kit.openapi_headers import header_ref

API_PREFIX = "/api/v1"


def api_router(resource: str, *, tag: str) -> APIRouter:
    """A router whose routes carry their full path (metrics label requests by that template)."""
    return APIRouter(prefix=f"{API_PREFIX}/{resource}", tags=[tag])


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a,b,v,g,d,e,e,zh,z,i,i,k,l,m,n,o,p,r,s,t,u,f,kh,ts,ch,sh,shch,,y,,e,iu,ia".split(","),  # noqa: SIM905
        strict=True,
    )
)


def _ascii_fallback(filename: str) -> str:
    """The name for clients that ignore `filename*`: Cyrillic transliterated, the rest "_"."""
    letters = []
    for char in filename:
        latin = _CYRILLIC.get(char.lower())
        if latin is not None:
            letters.append(latin.capitalize() if char.isupper() else latin)
        else:
            letters.append(char if char.isascii() and char.isprintable() else "_")
    return "".join(letters).replace('"', "").replace("\\", "_")


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """An attachment (or inline) header that keeps Cyrillic file names (RFC 6266 / 5987)."""
    kind = "inline" if inline else "attachment"
    encoded = quote(filename, safe="")
    return f"{kind}; filename=\"{_ascii_fallback(filename)}\"; filename*=UTF-8''{encoded}"


DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_response(description: str, *media_types: str) -> dict[int | str, dict[str, Any]]:
    """The 200 of a route that sends a file, declared as a binary string of each media type it
    may carry (generated clients then hand back the bytes), with its Content-Disposition."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        200: {
            "description": description,
            "content": dict.fromkeys(media_types, binary),
            "headers": {"Content-Disposition": header_ref("Content-Disposition")},
        }
    }
