"""/openapi.json validated by openapi-spec-validator, and complete."""
from openapi_spec_validator import validate


def test_openapi_document_is_valid(center):
    document = center.get("/openapi.json").json()
    validate(document)


def test_every_operation_has_a_summary_and_a_success_schema(center):
    document = center.get("/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            success = [status for status in operation["responses"] if status.startswith("2")]
            assert success, f"{method} {path} has no success response"
            for status in success:
                content = operation["responses"][status].get("content")
                if status != "204":
                    assert content and all("schema" in media for media in content.values()), f"{method} {path}"


def test_the_new_endpoints_are_documented(center):
    paths = center.get("/openapi.json").json()["paths"]
    for path in ("/facilities/{id}/calendar.ics", "/me/calendar.ics", "/reports/utilization", "/reports/revenue",
                 "/board", "/metrics"):
        assert path in paths


def has_example(schema, components, seen=()):
    if "example" in schema or "examples" in schema:
        return True
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name not in seen and has_example(components[name], components, seen + (name,))
    return "items" in schema and has_example(schema["items"], components, seen)


def test_every_success_response_has_an_example(center):
    document = center.get("/openapi.json").json()
    components = document["components"]["schemas"]
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            media = [m for status, r in operation["responses"].items() if status.startswith("2")
                     for m in r.get("content", {}).values()]
            if media and not any("example" in m or has_example(m["schema"], components) for m in media):
                missing.append(f"{method.upper()} {path}")
    assert missing == []


def test_reports_document_their_csv_representation(center):
    paths = center.get("/openapi.json").json()["paths"]
    for path in ("/reports/utilization", "/reports/revenue", "/reports/lockers", "/reports/community-quota"):
        content = paths[path]["get"]["responses"]["200"]["content"]
        assert set(content) == {"application/json", "text/csv"}
