#!/usr/bin/env python3
"""The whole-API extremes run: every operation of /openapi.json that takes a
date, month, instant or number (query, path or JSON body) gets the extremes
of each, and every answer must be below 500 with the service still serving.

The targets come from the OpenAPI document the service generates from its
endpoint list, so a new endpoint is covered without touching this script.
Each varied value sits in an otherwise ordinary request: the other required
parameters and body fields get ordinary values, and the ids name real
objects (a registration, a booking, a desk pass, a roadmap item) created
first, so the extremes reach the rules and not only the decoders.

    extremes.py URL ADMIN_TOKEN          prints the counts; exit 1 on a 5xx or a dead service
"""
import datetime
import http.client
import json
import sys
import time
import urllib.parse

YEARS = [1, 1899, 1900, 2200, 2201, 9999]
NUMBERS = ["0", "-1", "1", "12", "13", "28", "29", "30", "31", "32"] + [str(y) for y in YEARS] + [
    str(2**63 - 1), str(2**63), str(-2**63), "1e308", "-1e308", "3.5", ""]


def dates():
    values = [f"{y:04d}-{m:02d}-{d:02d}" for y in YEARS for m, d in [(1, 1), (1, 31), (2, 28), (2, 29), (12, 31)]]
    values += [f"{y:04d}-{m:02d}-{d:02d}" for y in [1, 2028, 9999]
               for m, d in [(0, 1), (13, 1), (1, 0), (1, 32), (2, 30), (4, 30), (4, 31), (12, 1)]]
    return values + ["", "0", "-1"]


def months():
    return [f"{y:04d}-{m:02d}" for y in YEARS for m in [0, 1, 12, 13]] + [""]


def instants():
    values = []
    for y in YEARS:
        values += [f"{y:04d}-01-01T00:00:00Z", f"{y:04d}-01-01T00:00:00+14:00",
                   f"{y:04d}-12-31T23:59:59+09:00", f"{y:04d}-12-31T23:59:59-12:00"]
    return values + ["2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2028-02-29T23:59:59Z", ""]


# A path id of 1 would name the fixtures' own objects (token 1 is the admin's), and 1 is no extreme.
PATH_NUMBERS = [n for n in NUMBERS if n != "1"]
EXTREMES = {"date": dates(), "month": months(), "instant": instants(), "number": NUMBERS}
MONTH_PATTERN = "^[0-9]{4}-[0-9]{2}$"


class Service:
    """Keep-alive HTTP to the service; a refused or dropped connection is recorded, not raised."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.connection = None

    def send(self, method, target, token=None, body=None):
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection(self.host, self.port, timeout=15)
                self.connection.request(method, target, body=data, headers=headers)
                answer = self.connection.getresponse()
                payload = answer.read()
                if answer.getheader("connection", "").lower() == "close":
                    self.connection.close()
                    self.connection = None
                return answer.status, payload
            except (OSError, http.client.HTTPException):
                if self.connection is not None:
                    self.connection.close()
                self.connection = None
                if attempt == 2:
                    return None, b""
        return None, b""

    def healthy(self):
        status, _ = self.send("GET", "/health")
        return status == 200


def kind_of(schema, components):
    """date, month, instant, number, or None for anything else."""
    schema = resolve(schema, components)
    if "oneOf" in schema:
        kinds = [kind_of(s, components) for s in schema["oneOf"]]
        return next((k for k in kinds if k), None)
    if schema.get("type") in ("integer", "number"):
        return "number"
    if schema.get("type") == "string":
        if schema.get("format") == "date":
            return "date"
        if schema.get("format") == "date-time":
            return "instant"
        if schema.get("pattern") == MONTH_PATTERN:
            return "month"
    return None


def resolve(schema, components):
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


class Fixtures:
    """Ordinary values for everything that is not being varied, and real objects for the ids."""

    def __init__(self, service, admin, document):
        self.service, self.admin = service, admin
        self.components = document.get("components", {}).get("schemas", {})
        self.operations = {(m, p): op for p, ops in document["paths"].items() for m, op in ops.items()}
        today = datetime.date.today()
        self.date = (today + datetime.timedelta(days=14)).isoformat()
        self.month = (today.replace(day=1) + datetime.timedelta(days=40)).strftime("%Y-%m")
        self.instant = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).replace(
            microsecond=0).isoformat()
        self.fiscal_year = today.year if today.month >= 4 else today.year - 1
        self.names = {}
        self.by_path = {}
        self.paths = {}
        self.member = None
        self.missing = []
        self.build(today)

    def post(self, path, body):
        status, payload = self.service.send("POST", path, self.admin, body)
        try:
            return status, json.loads(payload or b"null")
        except ValueError:
            return status, None

    def get(self, path):
        status, payload = self.service.send("GET", path, self.admin)
        return json.loads(payload) if status == 200 else None

    def create(self, path, record=True, **fields):
        """POST an ordinary body of the operation's schema (with `fields`); the new object's id, or None."""
        schema = self.operations.get(("post", path), {}).get("requestBody", {}).get("content", {}).get(
            "application/json", {}).get("schema")
        body = {**(self.body(schema, self.components, path) if schema else {}), **fields}
        status, answer = self.post(path, body)
        if status == 201 and isinstance(answer, dict):
            return answer.get("id")
        if record:
            self.missing.append(f"POST {path} {status} {(answer or {}).get('error', {}).get('code') if isinstance(answer, dict) else ''}")
        return None

    def register(self, category, evidence):
        # The fixtures share a phone and a corporate number: each is confirmed as a new user.
        return self.create("/registrations", category=category, name=f"極端値 {category}", contact="03-0000-0000",
                           in_ward=True, evidence=evidence, confirm_new=True)

    def build(self, today):
        facilities = self.get("/facilities") or []
        rooms = [f["id"] for f in facilities if f.get("kind") == "room" and f.get("bookable")]
        lockers = [f["id"] for f in facilities if f.get("kind") == "locker"]
        room = "meeting-room-1" if "meeting-room-1" in rooms else (rooms[0] if rooms else "meeting-room-1")
        self.names.update({"facility": room, "facilities": [room], "divisions": ["am"], "period": "am",
                           "fiscal_year": self.fiscal_year, "year": today.year, "category": "general", "role": "staff",
                           "corporate_number": "7000012050002", "attendees": 5, "days": 1, "months": 6, "units": 1,
                           "quantity": 1, "step": 1, "limit": 10, "purpose": "extremes", "name": "extremes",
                           "checked_on": today.isoformat()})
        self.paths["/facilities/{id}"] = room
        roadmap = self.get("/roadmap") or []
        items = [item["id"] for section in roadmap for item in section.get("items", [])]
        if items:
            self.paths["/roadmap/items/{id}"] = items[0]

        general = self.register("general", {})
        spare = self.register("general", {})
        freelancer = self.register("freelancer", {})
        community = self.register("community_group", {"member_count": 8, "members_in_ward": 5})
        if general:
            self.names.update({"registration": general, "registration_id": general})
            self.paths["/registrations/{id}"] = str(general)
            status, token = self.post(f"/registrations/{general}/tokens", {"name": "extremes"})
            if status == 201:
                self.member = token.get("token")
        if spare:
            # Changing and renewing a registration must not suspend the one the bookings use.
            self.paths["patch /registrations/{id}"] = self.paths["post /registrations/{id}/renew"] = str(spare)
        if freelancer:
            self.by_path["/desk-passes"] = {"registration": freelancer}
            for offset in range(1, 30):
                day = (today + datetime.timedelta(days=offset)).isoformat()
                if found := self.create("/desk-passes", record=offset == 29, date=day, registration=freelancer):
                    self.paths["/desk-passes/{id}"] = str(found)
                    break
        if general:
            for offset in range(10, 40):
                day = (today + datetime.timedelta(days=offset)).isoformat()
                if found := self.create("/bookings", record=offset == 39, date=day):
                    self.paths["/bookings/{id}"] = str(found)
                    break
            if found := self.create("/locker-leases", start_month=self.month):
                self.paths["/locker-leases/{id}"] = str(found)
            status, entry = self.post("/locker-waitlist", {"registration": general})
            offer = entry.get("offer") if status == 201 and isinstance(entry, dict) else None
            if isinstance(offer, dict) and "id" in offer:
                self.paths["/locker-offers/{id}"] = str(offer["id"])
        if community:
            self.by_path["/storage-allocations"] = {"registration": community, "category": "community_group"}
            if found := self.create("/storage-allocations", registration=community, category="community_group"):
                self.names["allocation"] = found
                self.post(f"/storage-allocations/allocate?fiscal_year={self.fiscal_year}", {})
                if item := self.create("/storage-items", allocation=found):
                    self.paths["/storage-items/{id}"] = str(item)
        if lockers:
            self.names["locker"] = lockers[-1]

    def path_value(self, method, path, name):
        """The ordinary value of a path parameter: a real object's id where one exists."""
        if f"{method} {path}" in self.paths:
            return self.paths[f"{method} {path}"]
        for prefix, value in self.paths.items():
            if prefix.startswith("/") and path.startswith(prefix.split("{")[0]) and prefix.endswith("{" + name + "}"):
                return value
        return "1"

    def value(self, name, schema, components, path=""):
        """An ordinary JSON value for a parameter or field."""
        schema = resolve(schema, components)
        overrides = next((v for prefix, v in self.by_path.items() if path.startswith(prefix)), {})
        if name in overrides:
            return overrides[name]
        if name in self.names:
            return self.names[name]
        if "oneOf" in schema:
            return self.value(name, next(s for s in schema["oneOf"] if s.get("type") != "null"), components, path)
        if "enum" in schema:
            return schema["enum"][0]
        if "example" in schema and not isinstance(schema["example"], (dict, list)):
            return schema["example"]
        kind = kind_of(schema, components)
        if kind == "date":
            return self.date
        if kind == "month":
            return self.month
        if kind == "instant":
            return self.instant
        kind_type = schema.get("type")
        if kind_type in ("integer", "number"):
            return schema.get("minimum", 1)
        if kind_type == "boolean":
            return False
        if kind_type == "array":
            return [self.value(name, schema.get("items", {}), components, path)]
        if kind_type == "object" or "properties" in schema:
            return self.body(schema, components, path)
        return "extremes"

    def body(self, schema, components, path=""):
        """An object with its required fields (and every field the fixtures name)."""
        schema = resolve(schema, components)
        required = set(schema.get("required", []))
        overrides = next((v for prefix, v in self.by_path.items() if path.startswith(prefix)), {})
        return {name: self.value(name, field, components, path) for name, field in schema.get("properties", {}).items()
                if name in required or name in self.names or name in overrides}


def leaves(schema, components, path=(), depth=0):
    """(path, kind) of every date, month, instant and number field of a body schema."""
    schema = resolve(schema, components)
    if depth > 4:
        return []
    if "oneOf" in schema:
        found = []
        for option in schema["oneOf"]:
            found += leaves(option, components, path, depth + 1)
        return found[:1] if kind_of(schema, components) else found
    kind = kind_of(schema, components)
    if kind:
        return [(path, kind)]
    if schema.get("type") == "array":
        return leaves(schema.get("items", {}), components, path + (0,), depth + 1)
    found = []
    for name, field in schema.get("properties", {}).items():
        found += leaves(field, components, path + (name,), depth + 1)
    return found


def place(body, path, value, schema, components, fixtures, where=""):
    """`body` with `value` written at `path`, creating the objects and one-element arrays on the way."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    schema = resolve(schema, components)
    if isinstance(head, int):
        items = schema.get("items", {})
        element = body[0] if isinstance(body, list) and body else fixtures.value("", items, components, where)
        return [place(element, rest, value, items, components, fixtures, where)]
    field = schema.get("properties", {}).get(head, {})
    current = dict(body) if isinstance(body, dict) else {}
    inner = current.get(head)
    if inner is None and rest:
        inner = fixtures.value(head, field, components, where)
    current[head] = place(inner, rest, value, field, components, fixtures, where)
    return current


def json_value(kind, text):
    """An extreme as it goes into JSON: numbers raw (2^63 and 1e308 too), the rest as strings; "" stays a string."""
    if kind == "number" and text != "":
        return RawNumber(text)
    return text


class RawNumber(str):
    """A number written into the body exactly as given, beyond what JSON libraries keep."""


def encode(value):
    """JSON text of `value`, with raw numbers written as given."""
    if isinstance(value, RawNumber):
        return str(value).encode()
    if isinstance(value, dict):
        return b"{" + b",".join(json.dumps(k, ensure_ascii=False).encode() + b":" + encode(v) for k, v in value.items()) + b"}"
    if isinstance(value, list):
        return b"[" + b",".join(encode(v) for v in value) + b"]"
    return json.dumps(value, ensure_ascii=False).encode()


def requests_for(path, method, operation, components, fixtures):
    """Every (target, body, what) of one operation."""
    parameters = operation.get("parameters", [])
    path_parameters = [p for p in parameters if p["in"] == "path"]
    query = [p for p in parameters if p["in"] == "query"]
    base_path = {p["name"]: fixtures.path_value(method, path, p["name"]) for p in path_parameters}
    base_query = {p["name"]: fixtures.value(p["name"], p.get("schema", {}), components, path)
                  for p in query if p.get("required")}
    body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    base_body = fixtures.body(body_schema, components, path) if body_schema else None

    def target(path_values, query_values):
        text = path
        for name, value in path_values.items():
            text = text.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        pairs = [(k, "true" if v is True else "false" if v is False else str(v)) for k, v in query_values.items()]
        return text + ("?" + urllib.parse.urlencode(pairs) if pairs else "")

    out = []
    for p in path_parameters:
        for value in PATH_NUMBERS:
            out.append((target({**base_path, p["name"]: value}, base_query), base_body, f"path {p['name']}={value!r}"))
    calendar = []
    for p in query:
        kind = kind_of(p.get("schema", {}), components)
        if not kind:
            continue
        if kind != "number":
            calendar.append((p["name"], kind))
        for value in EXTREMES[kind]:
            out.append((target(base_path, {**base_query, p["name"]: value}), base_body, f"query {p['name']}={value!r}"))
    for kind in {k for _, k in calendar}:
        names = [n for n, k in calendar if k == kind]
        if len(names) > 1:
            for value in EXTREMES[kind]:
                out.append((target(base_path, {**base_query, **{n: value for n in names}}), base_body,
                            f"query {'='.join(names)}={value!r}"))
    if body_schema:
        fields = leaves(body_schema, components)
        for field, kind in fields:
            for value in EXTREMES[kind]:
                body = place(base_body, field, json_value(kind, value), body_schema, components, fixtures, path)
                out.append((target(base_path, base_query), body, f"body {'.'.join(map(str, field))}={value!r}"))
        for kind in ("date", "month", "instant"):
            same = [f for f, k in fields if k == kind]
            if len(same) > 1:
                for value in EXTREMES[kind]:
                    body = base_body
                    for field in same:
                        body = place(body, field, value, body_schema, components, fixtures, path)
                    out.append((target(base_path, base_query), body, f"body all {kind} fields={value!r}"))
    return out


def takes_extremes(operation, components):
    parameters = operation.get("parameters", [])
    if any(p["in"] == "path" or kind_of(p.get("schema", {}), components) for p in parameters):
        return True
    schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    return bool(schema and leaves(schema, components))


def main():
    arguments = sys.argv[1:]
    skip = 0
    if len(arguments) == 4 and arguments[2] == "--skip":
        skip = int(arguments[3])
        arguments = arguments[:2]
    if len(arguments) != 2:
        print("usage: extremes.py URL ADMIN_TOKEN [--skip N]", file=sys.stderr)
        return 2
    url, admin = arguments
    service = Service(url)
    status, payload = service.send("GET", "/openapi.json")
    if status != 200:
        print(f"extremes: cannot read {url}/openapi.json ({status})", file=sys.stderr)
        return 1
    document = json.loads(payload)
    components = document.get("components", {}).get("schemas", {})
    fixtures = Fixtures(service, admin, document)
    if not skip:
        print(f"extremes: fixtures {json.dumps(fixtures.paths, ensure_ascii=False)}"
              f"{'' if fixtures.member else ' (no member token)'}"
              f"{'; not created: ' + ', '.join(fixtures.missing) if fixtures.missing else ''}")

    run = Run(skip)
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if not takes_extremes(operation, components):
                continue
            run.operations += 1
            roles = operation.get("x-roles")
            token = admin if not roles or "admin" in roles else (fixtures.member if "member" in roles else admin)
            sent = False
            for target, body, what in requests_for(path, method, operation, components, fixtures):
                run.index += 1
                if run.index <= skip:
                    continue
                sent = True
                data = encode(body) if body is not None else (b"{}" if method in ("post", "patch") else None)
                before = time.monotonic()
                status, answer = service.send(method.upper(), target, token, data)
                elapsed = time.monotonic() - before
                run.sent += 1
                if elapsed > 2:
                    run.slow.append((elapsed, method.upper(), target))
                if status is None or status >= 500:
                    run.failures.append((status, method.upper(), target, what, answer[:300].decode("utf-8", "replace")))
                    if status is None and not service.healthy():
                        return run.report(alive=False)
            if sent and not service.healthy():
                run.failures.append((None, "GET", "/health", f"after {method.upper()} {path}", ""))
                return run.report(alive=False)
    return run.report(alive=service.healthy())


class Run:
    """What one run sent and saw."""

    def __init__(self, skip):
        self.skip, self.index, self.sent, self.operations = skip, 0, 0, 0
        self.failures, self.slow = [], []
        self.started = time.monotonic()

    def report(self, alive):
        """Prints the failures and the counts; 0 when clean, 1 on a 5xx, 3 when the service died."""
        for status, method, target, what, answer in self.failures[:40]:
            print(f"  {status or 'no answer'} {method} {target}  ({what}) {answer}")
        for elapsed, method, target in sorted(self.slow, reverse=True)[:10]:
            print(f"  slow: {elapsed:.1f} s {method} {target}")
        fivexx = sum(1 for f in self.failures if f[0] is not None)
        unanswered = sum(1 for f in self.failures if f[0] is None)
        after = f" after the first {self.skip}" if self.skip else ""
        print(f"extremes: {self.sent} requests{after} to {self.operations} operations in "
              f"{time.monotonic() - self.started:.1f} s: {fivexx} 5xx, {unanswered} unanswered; "
              f"service {'still serving' if alive else 'DEAD at request ' + str(self.index)}")
        print(f"extremes-counts: sent={self.sent} fivexx={fivexx} dead={0 if alive else 1} index={self.index}")
        if not alive:
            return 3
        return 0 if not self.failures else 1


if __name__ == "__main__":
    sys.exit(main())
