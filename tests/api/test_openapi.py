"""/openapi.json documents every endpoint: a summary, its answers, and examples for its inputs."""

from __future__ import annotations

from typing import Any

from app.main import create_app
from app.settings import Settings

SPEC = create_app(Settings(database_url="sqlite://")).openapi()


def resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def has_examples(schema: dict[str, Any], spec: dict[str, Any]) -> bool:
    schema = resolve(schema, spec)
    if "examples" in schema or "example" in schema:
        return True
    return any(has_examples(p, spec) for p in schema.get("properties", {}).values())


def test_every_endpoint_has_a_summary_and_documents_its_success() -> None:
    spec = SPEC
    missing = [
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method, op in operations.items()
        if not op.get("summary") or not any(code.startswith("2") for code in op["responses"])
    ]
    assert missing == []


def test_every_request_body_shows_an_example() -> None:
    spec = SPEC
    without = []
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            for media in op.get("requestBody", {}).get("content", {}).values():
                if not has_examples(media["schema"], spec):
                    without.append(f"{method.upper()} {path}")
    assert without == []


def test_errors_are_documented_with_the_error_shape() -> None:
    spec = SPEC
    units = spec["paths"]["/api/v1/units"]["post"]["responses"]
    assert units["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
