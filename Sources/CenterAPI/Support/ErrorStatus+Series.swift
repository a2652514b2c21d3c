import CenterDomain
import CenterService
import HTTPServer

// How series bookings', hourly rooms' and staff approvals' refusals are
// answered (docs/API.md "Series bookings", "Hourly rooms").

extension SeriesPlan.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension SeriesLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension SeriesStateCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension HourRange.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .facilityNotHourly, .hourNotOnTheHour, .hourRangeInvalid, .outsideOpeningHours: .unprocessableContent
        case .hourPast: .conflict
        }
    }
}

extension CouplingApproval.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}
