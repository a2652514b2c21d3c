import CenterDomain
import HTTPServer

// The statuses of the front desk's registration rules (docs/DOMAIN.md
// "Finding a registration (氏名・フリガナ検索)", "フリガナ and the postal
// address", "Duplicate registrations (重複登録)").

extension NameQuery.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension NameKana.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension PostalAddress.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension DuplicateRegistration.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}
