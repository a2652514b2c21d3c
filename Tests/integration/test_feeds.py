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


def test_public_feed_parses_with_one_event_per_run_of_divisions(center, bookings):
    feed = events(center.get(f"/facilities/{FACILITY}/calendar.ics"))
    uids = by_uid(feed)
    paid = uids[f"booking-{bookings.paid}-{bookings.dates[0]}-am@nakano-center"]
    assert paid["DTSTART"].dt.hour == 9 and paid["DTEND"].dt.hour == 17
    assert str(paid["DTSTART"].dt.tzinfo) in ("Asia/Tokyo", "JST") or paid["DTSTART"].params.get("TZID") == "Asia/Tokyo"
    assert str(paid["STATUS"]) == "CONFIRMED"
    provisional = uids[f"booking-{bookings.provisional}-{bookings.dates[1]}-night@nakano-center"]
    assert str(provisional["STATUS"]) == "TENTATIVE"


def test_public_feed_marks_the_cancelled_booking_cancelled_with_a_higher_sequence(center, bookings):
    uids = by_uid(events(center.get(f"/facilities/{FACILITY}/calendar.ics")))
    cancelled = uids[f"booking-{bookings.cancelled}-{bookings.dates[2]}-am@nakano-center"]
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


def test_member_feed_shows_its_own_bookings_with_purpose(center, bookings):
    feed = events(center.get("/me/calendar.ics", token=bookings.member_token))
    assert len(feed) == 3
    assert all(PURPOSE in str(event["SUMMARY"]) for event in feed)


def test_member_feed_needs_a_token(center):
    assert center.get("/me/calendar.ics").status == 401
