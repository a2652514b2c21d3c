"""The running service (started by run.sh) and the bookings the checks read.

One registration books three division runs of 会議室1 through the API: one
paid, one left provisional and one cancelled, on open days 8 to 30 days
ahead so that every booking window is open and no payment deadline passes.
"""
import datetime
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field

import pytest

REGISTRATION_NAME = "山田商店 統合テスト"
REGISTRATION_CONTACT = "09012345678"  # the digits-only form phone numbers are stored in
PURPOSE = "新商品の説明会"
FACILITY = "meeting-room-1"


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self):
        return self.body.decode("utf-8")


class Center:
    """A small HTTP client for the service under test."""

    def __init__(self, url, admin_token):
        self.url = url
        self.admin_token = admin_token

    def request(self, method, path, body=None, token=None, headers=None):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())

    def get(self, path, token=None, headers=None):
        return self.request("GET", path, token=token, headers=headers)

    def post(self, path, body=None, token=None):
        response = self.request("POST", path, body=body if body is not None else {}, token=token or self.admin_token)
        assert response.status in (200, 201), f"POST {path}: {response.status} {response.text}"
        return response.json()


@dataclass
class Bookings:
    registration: int
    member_token: str
    paid: int
    provisional: int
    cancelled: int
    dates: list = field(default_factory=list)


@pytest.fixture(scope="session")
def center():
    url = os.environ["CENTER_URL"]
    with open(os.environ["CENTER_ADMIN_TOKEN_FILE"], encoding="utf-8") as file:
        token = file.read().strip()
    return Center(url, token)


def japan_today():
    """Today in Japan (UTC+9), as the service sees it."""
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))).date()


def open_dates(center, count):
    """The first `count` dates 8 to 30 days ahead on which the center is open."""
    first = japan_today() + datetime.timedelta(days=8)
    last = first + datetime.timedelta(days=22)
    days = center.get(f"/calendar?from={first}&to={last}").json()
    dates = [day["date"] for day in days if day["open"]]
    assert len(dates) >= count, "too few open days ahead"
    return dates[:count]


@pytest.fixture(scope="session")
def bookings(center):
    registration = center.post("/registrations", {
        "category": "general", "name": REGISTRATION_NAME, "contact": REGISTRATION_CONTACT, "in_ward": True, "evidence": {},
    })["id"]
    member_token = center.post(f"/registrations/{registration}/tokens", {"name": "担当者"})["token"]
    dates = open_dates(center, 3)

    def book(date, divisions):
        return center.post("/bookings", {
            "facility": FACILITY, "date": date, "divisions": divisions, "registration": registration,
            "purpose": PURPOSE, "attendees": 12, "admission_charged": 0, "commercial": False,
        })["id"]

    paid = book(dates[0], ["am", "pm"])
    center.post(f"/bookings/{paid}/payment")
    provisional = book(dates[1], ["night"])
    cancelled = book(dates[2], ["am"])
    center.post(f"/bookings/{cancelled}/cancel", {"reason": "都合により"})
    return Bookings(registration, member_token, paid, provisional, cancelled, dates)
