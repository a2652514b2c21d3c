"""/metrics, parsed by prometheus_client's own parser."""
from prometheus_client.parser import text_string_to_metric_families


def families(center):
    response = center.get("/metrics", token=center.admin_token)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {family.name: family for family in text_string_to_metric_families(response.text)}


def test_metrics_parse_and_count_bookings_by_state(center, bookings):
    parsed = families(center)
    states = {sample.labels["state"]: sample.value for sample in parsed["nakano_bookings"].samples}
    assert parsed["nakano_bookings"].type == "gauge"
    assert states["paid"] >= 1
    assert states["provisional"] >= 1
    assert states["cancelled_by_user"] >= 1


def test_metrics_have_requests_latency_connections_and_writes(center, bookings):
    parsed = families(center)
    assert parsed["nakano_http_requests"].type == "counter"
    assert parsed["nakano_http_request_duration_seconds"].type == "histogram"
    assert parsed["nakano_http_open_connections"].type == "gauge"
    assert parsed["nakano_store_write_batch_size"].type == "histogram"
    routes = {sample.labels.get("route") for sample in parsed["nakano_http_requests"].samples}
    assert "/bookings" in routes
