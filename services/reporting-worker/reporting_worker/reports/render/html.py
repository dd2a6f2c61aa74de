"""The report as one self-contained HTML page: styles inline, charts as SVG data, no requests."""

import base64
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from reporting_worker.reports.render.charts import Chart
from reporting_worker.reports.render.style import tint
from reporting_worker.reports.render.tables import format_value, is_numeric
from reporting_worker.reports.render.view import ReportView

HTML_MEDIA_TYPE = "text/html; charset=utf-8"


def _svg_data_uri(chart: Chart) -> str:
    # an <img> per chart keeps each SVG's element ids to itself
    return "data:image/svg+xml;base64," + base64.b64encode(chart.svg().encode()).decode()


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("reporting_worker.reports.render", "templates"),
        autoescape=True,  # quotes are citizens' own text
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["cell"] = lambda value, column: format_value(column.kind, value)
    environment.filters["svg_uri"] = _svg_data_uri
    environment.filters["tint"] = tint
    environment.tests["numeric"] = lambda column: is_numeric(column.kind)
    return environment


def render_html(view: ReportView) -> bytes:
    template = _environment().get_template("report.html.j2")
    return template.render(report=view).encode()
