"""The examples of the committed specs fit their own schemas, so generated clients, docs and
mock servers built from them show requests and responses the API really takes and gives."""

import pytest

from tests.spec_examples import examples, invalid_examples
from tests.spec_helpers import SERVICE_NAMES, committed_spec


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_example_fits_its_schema(service: str) -> None:
    assert invalid_examples(committed_spec(service)) == []


def test_examples_are_found_in_schemas_parameters_and_media_types() -> None:
    spec = {
        "components": {"schemas": {"Id": {"type": "string", "format": "uuid", "examples": ["x"]}}},
        "paths": {
            "/a": {
                "get": {
                    "parameters": [{"name": "n", "schema": {"type": "integer"}, "example": "1"}],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Id"},
                                    "examples": {"one": {"value": "not-a-uuid"}},
                                }
                            }
                        }
                    },
                }
            }
        },
    }

    assert len(list(examples(spec))) == 3
    assert len(invalid_examples(spec)) == 3
