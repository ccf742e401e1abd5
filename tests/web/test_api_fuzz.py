"""Property-based tests of the API against its own OpenAPI document (schemathesis, in-process
over ASGI, on the real sample library): whatever the parameters, no GET endpoint answers 5xx,
and every answer — success or problem — has a documented status, media type and shape."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.specs.openapi.schemas import OpenApiSchema

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(client: TestClient) -> OpenApiSchema:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", client.app)


schema = schemathesis.pytest.from_fixture("api_schema").include(method="GET")


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_get_endpoints_keep_their_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
