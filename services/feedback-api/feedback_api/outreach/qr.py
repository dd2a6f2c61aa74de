"""QR codes of rating links (segno). Error correction M: still scans with a corner soiled or
a poster slightly creased, and keeps the symbol small enough for a short URL."""

import io

import segno

SVG_MEDIA_TYPE = "image/svg+xml"
PNG_MEDIA_TYPE = "image/png"
# the quiet zone the standard asks for, in modules
BORDER = 4


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False, boost_error=False)


def qr_svg(url: str, *, title: str) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer, kind="svg", border=BORDER, title=title, omitsize=True, xmldecl=True, svgns=True
    )
    return buffer.getvalue()


def qr_png(url: str, *, scale: int) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=BORDER)
    return buffer.getvalue()


def dark_runs(url: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The symbol's width in modules (quiet zone excluded) and its dark modules as horizontal
    runs (row, first column, length), so a PDF draws a few hundred rectangles, not thousands."""
    matrix = qr_code(url).matrix
    runs = []
    for row, modules in enumerate(matrix):
        start = None
        for column, dark in enumerate((*modules, 0)):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                runs.append((row, start, column - start))
                start = None
    return len(matrix), runs
