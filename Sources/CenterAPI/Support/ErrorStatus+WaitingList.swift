import CenterDomain
import CenterService
import HTTPServer

// How the cancellation waiting list's refusals are answered (docs/API.md
// "Cancellation waiting list").

extension WaitingListRules.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension WaitingHoldCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension WaitingEntryLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension WaitingRequestCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension WaitingOfferCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}
