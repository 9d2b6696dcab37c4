"""The API's documentation page, drawn on the server from FastAPI's OpenAPI schema.

FastAPI's own /docs loads Swagger UI from a CDN and runs inline scripts: neither is
possible here (offline machine, strict CSP). This reads the very same schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Field:
    """One property of a schema, or one parameter."""

    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class Operation:
    """One route."""

    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    body: str | None
    responses: list[tuple[str, str, str | None]]  # status, description, schema name


@dataclass(frozen=True, slots=True)
class Schema:
    """One named body or answer."""

    name: str
    description: str
    fields: list[Field]


@dataclass(frozen=True, slots=True)
class ApiDescription:
    """Everything the page shows."""

    title: str
    version: str
    description: str
    base: str
    operations: list[Operation] = field(default_factory=list)
    schemas: list[Schema] = field(default_factory=list)


def describe(openapi: dict[str, Any], *, base: str = "") -> ApiDescription:
    """Turn an OpenAPI document into what the documentation page lists (paths under `base`)."""
    info = openapi.get("info", {})
    operations = []
    for path, methods in openapi.get("paths", {}).items():
        for method, spec in methods.items():
            operations.append(_operation(method, path, spec))
    schemas = [
        Schema(
            name=name,
            description=str(spec.get("description", "")),
            fields=[
                Field(
                    prop,
                    type_name(prop_spec),
                    prop in spec.get("required", []),
                    str(prop_spec.get("description", "")),
                )
                for prop, prop_spec in spec.get("properties", {}).items()
            ],
        )
        for name, spec in sorted(openapi.get("components", {}).get("schemas", {}).items())
    ]
    return ApiDescription(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        description=str(info.get("description", "")),
        base=base,
        operations=operations,
        schemas=schemas,
    )


def _operation(method: str, path: str, spec: dict[str, Any]) -> Operation:
    parameters = [
        Field(
            str(param.get("name")),
            f"{param.get('in')}: {type_name(param.get('schema', {}))}",
            bool(param.get("required")),
            str(param.get("description", param.get("schema", {}).get("description", ""))),
        )
        for param in spec.get("parameters", [])
    ]
    body = None
    content = spec.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = type_name(content["application/json"].get("schema", {}))
    responses = []
    for status, response in spec.get("responses", {}).items():
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        shape = type_name(schema) if schema else None
        responses.append((str(status), str(response.get("description", "")), shape))
    return Operation(
        method=method.upper(),
        path=path,
        summary=str(spec.get("summary", "")),
        description=str(spec.get("description", "")),
        parameters=parameters,
        body=body,
        responses=responses,
    )


def type_name(schema: dict[str, Any]) -> str:
    """A short readable type of a JSON schema: `RequestSummary`, `list[string]`, `a | b`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return " | ".join(type_name(part) for part in schema[key])
    if "enum" in schema:
        return " | ".join(repr(value) for value in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list[{type_name(schema.get('items', {}))}]"
    if "format" in schema:
        return f"{kind} ({schema['format']})"
    return str(kind)
