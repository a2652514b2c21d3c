import CenterDomain
import CenterService
import HTTPServer

// The statuses of the front desk's codes (docs/API.md "Errors").

extension RoomNoShow.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension ClosureLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension ClosureLiftCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension FeedTokenCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension FeedLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension QuoteCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}
