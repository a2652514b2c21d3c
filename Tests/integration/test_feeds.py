"""The iCalendar feeds, read by the `icalendar` package as a calendar app would."""
import icalendar

from conftest import FACILITY, PURPOSE, REGISTRATION_CONTACT, REGISTRATION_NAME


def events(response):
    assert response.status == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.body)
    return [component for component in calendar.walk("VEVENT")]


def by_uid(feed):
    return {str(event["UID"]): event for event in feed}


def event_on(feed, date, division):
    """The one event of `date` whose run starts with `division`, found by its UID's stable tail."""
    found = [event for uid, event in by_uid(feed).items() if uid.endswith(f"-{date}-{division}@nakano-center")]
    assert len(found) == 1, sorted(by_uid(feed))
    return found[0]


def test_public_feed_parses_with_one_event_per_run_of_divisions(center, bookings):
    feed = events(center.get(f"/facilities/{FACILITY}/calendar.ics"))
    paid = event_on(feed, bookings.dates[0], "am")
    assert paid["DTSTART"].dt.hour == 9 and paid["DTEND"].dt.hour == 17
    assert str(paid["DTSTART"].dt.tzinfo) in ("Asia/Tokyo", "JST") or paid["DTSTART"].params.get("TZID") == "Asia/Tokyo"
    assert str(paid["STATUS"]) == "CONFIRMED"
    provisional = event_on(feed, bookings.dates[1], "night")
    assert str(provisional["STATUS"]) == "TENTATIVE"


def test_public_feed_marks_the_cancelled_booking_cancelled_with_a_higher_sequence(center, bookings):
    cancelled = event_on(events(center.get(f"/facilities/{FACILITY}/calendar.ics")), bookings.dates[2], "am")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) >= 1


def test_public_feed_has_no_personal_data(center, bookings):
    text = center.get(f"/facilities/{FACILITY}/calendar.ics").text
    for secret in (REGISTRATION_NAME, REGISTRATION_CONTACT, PURPOSE):
        assert secret not in text
    for event in events(center.get(f"/facilities/{FACILITY}/calendar.ics")):
        assert "Booked" in str(event["SUMMARY"])
        assert "DESCRIPTION" not in event


def test_uids_are_stable_between_two_fetches(center, bookings):
    first = sorted(by_uid(events(center.get(f"/facilities/{FACILITY}/calendar.ics"))))
    second = sorted(by_uid(events(center.get(f"/facilities/{FACILITY}/calendar.ics"))))
    assert first == second
    assert len(first) == 3


def test_public_uids_do_not_reveal_booking_ids(center, bookings):
    uids = by_uid(events(center.get(f"/facilities/{FACILITY}/calendar.ics")))
    for uid in uids:
        feed_id = uid.removeprefix("booking-").split("-")[0]
        assert len(feed_id) == 32 and all(c in "0123456789abcdef" for c in feed_id), uid
        for booking in (bookings.paid, bookings.provisional, bookings.cancelled):
            assert not uid.startswith(f"booking-{booking}-")


def test_member_feed_shows_its_own_bookings_with_purpose(center, bookings):
    feed = events(center.get("/me/calendar.ics", token=bookings.member_token))
    assert len(feed) == 3
    assert all(PURPOSE in str(event["SUMMARY"]) for event in feed)


def test_member_feed_needs_a_token(center):
    assert center.get("/me/calendar.ics").status == 401
