import CenterDomain
import CenterService
import HTTPServer

// The statuses of the money at the counter: the payments ledger, refunds
// paid out, receipts (docs/DOMAIN.md "Payments (支払台帳)", "Receipts (領収書)").
// A value typed wrong is 422, a rule of the ledger or of the numbering 409,
// a line or receipt that does not exist 404.

extension PaymentLedger.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .paymentAmountInvalid, .refundAmountInvalid, .refundMethodInvalid: .unprocessableContent
        case .overpayment, .refundExceedsPayments, .refundPayoutExceedsDue: .conflict
        }
    }
}

extension Receipt.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension ReceiptNumber.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension InvoiceRegistrationNumber.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension PaymentRequestCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension RefundLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension ReceiptCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .paymentNotFound, .receiptNotFound: .notFound
        case .receiptAlreadyIssued, .nothingToReceipt: .conflict
        }
    }
}
