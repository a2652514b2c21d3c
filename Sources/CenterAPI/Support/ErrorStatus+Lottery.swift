import CenterDomain
import CenterService
import HTTPServer

// How the lottery's refusals are answered (docs/API.md "Lottery rounds").

extension LotteryRound.EntryCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .divisionsRequired, .divisionNotOffered: .unprocessableContent
        case .lotteryNotHeld, .lotteryCategoryNotPermitted, .lotteryEntryNotOpen, .lotteryEntryClosed, .facilityClosed,
             .lotteryEntryDuplicate, .lotteryEntryLimitReached: .conflict
        }
    }
}

extension LotteryRound.WithdrawalCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension LotteryRound.FirstComeCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension LotteryLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension LotteryEntryLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension LotteryPublicationCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension LotteryRequestCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}
