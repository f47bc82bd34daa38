"""Every endpoint of the OpenAPI description, fed generated requests: none answers 5xx.

A bounded run (a few valid and a few invalid examples per operation, no shrinking) so that it fits
in CI; select it alone with ``-m schemathesis``; ``TINNHIEM_SCHEMATHESIS_EXAMPLES`` raises the count
for a longer hunt (30 examples on both databases: about a minute, no 5xx found).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable

Headers = dict[str, str]
EXAMPLES = int(os.environ.get("TINNHIEM_SCHEMATHESIS_EXAMPLES", "5"))
DATABASES = os.environ.get("TINNHIEM_SCHEMATHESIS_DATABASES", "sqlite,postgresql").split(",")


def server_errors_of(
    operation: schemathesis.APIOperation, mode: schemathesis.GenerationMode, headers: Headers
) -> list[str]:
    found: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same requests on every run: a failure here is reproducible
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def call(case: schemathesis.Case) -> None:
        response = case.call(headers={**(case.headers or {}), **headers})
        if response.status_code >= 500:
            found.append(f"{case.method} {case.formatted_path}: {response.text[:300]}")

    try:
        call()
    except Unsatisfiable:  # nothing to make invalid (no parameters, no body)
        assert mode is schemathesis.GenerationMode.NEGATIVE
    return found


@pytest.mark.schemathesis
@pytest.mark.parametrize("database_url", DATABASES, indirect=True)
def test_no_endpoint_answers_a_server_error(client: TestClient, admin: Headers) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30
    server_errors = {
        f"{operation.label} ({mode.value})": errors
        for operation in operations
        for mode in schemathesis.GenerationMode
        if (errors := server_errors_of(operation, mode, admin))
    }
    assert server_errors == {}
