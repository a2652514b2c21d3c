import CenterDomain
import CenterService
import HTTPServer
import Roadmap

/// A code set whose every code has its HTTP status: the one place where the
/// API decides how each refusal is answered (docs/API.md "Errors": a rule's
/// refusal 409, invalid values 422, an unknown thing 404, a role that may
/// not 403). An endpoint can only declare sets that conform, so no code can
/// be answered without a status chosen here.
public protocol APIErrorCode: ErrorCode {
    var status: HTTPStatus { get }
}

extension Refusals: APIErrorCode where repeat each Family: APIErrorCode {
    /// The status of the set the code came from.
    public var status: HTTPStatus { (leaf as? any APIErrorCode)?.status ?? .internalServerError }
}

// MARK: - The domain's rules

extension BookingState.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension Capacity.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .attendeesInvalid: .unprocessableContent
        case .capacityExceeded: .conflict
        }
    }
}

extension CategoryWindow.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension CommunityQuota.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension ConsecutiveDays.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .dateRangeInvalid: .unprocessableContent
        case .consecutiveDayLimit, .facilityClosed: .conflict
        }
    }
}

extension DeskPassRules.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .windowClosed, .windowNotOpen, .weeklyLimitReached, .notAFreelancer: .conflict
        case .periodUnknown: .unprocessableContent
        }
    }
}

extension DeskPassRules.CheckInCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension DeskPassRules.CancelCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension DivisionCutoff.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension LockerLeaseTerms.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .leaseTermTooShort, .leaseTermTooLong: .unprocessableContent
        case .leaseLimitReached: .conflict
        }
    }
}

extension MonthlyLimit.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension RoomCoupling.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .couplingRequired: .conflict
        case .guardianRequired, .couplingApprovalNotAllowed: .unprocessableContent
        }
    }
}

extension JapaneseHolidays.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension FeeCalculator.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension LesseeCheck.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension LockerLessee.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension CorporateNumber.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension Eligibility.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension Registration.ValidityCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension Registration.Code: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension RegistrationValidity.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension RegistrationValidity.RenewalCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

// MARK: - The service's use cases

extension TokenMintCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension TokenRevokeCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension BookingLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension BookingRequestCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .forbidden: .forbidden
        case .divisionsRequired, .divisionNotOffered, .divisionsRepeated, .daysInvalid, .exemptionUnknown, .guardianInvalid, .purposeInvalid, .admissionInvalid: .unprocessableContent
        case .categoryNotPermitted, .slotTaken: .conflict
        }
    }
}

extension BookableRoomCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension PaymentCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension CheckInCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension CancelCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .forbidden: .forbidden
        case .reasonInvalid: .unprocessableContent
        }
    }
}

extension ClosureCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension DeskPassLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension DeskPassRequestCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .registrationRequired: .unprocessableContent
        case .deskNotFound: .notFound
        case .passOverlaps, .deskTaken, .noDeskFree: .conflict
        }
    }
}

extension DeskPassStateCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension LockerLeaseLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension LockerLeaseStateCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension AddressMoveCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension CorporateNumberSetCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension CompanyLeaseCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension LockerLettingCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .registrationRequired, .startMonthPast, .startMonthTooFar: .unprocessableContent
        case .lockerNotFound: .notFound
        case .lockerNotFree, .noLockerFree: .conflict
        }
    }
}

extension LockerOfferCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .lockerOfferNotFound: .notFound
        case .offerNotOpen, .offerExpired: .conflict
        }
    }
}

extension LockerWaitlistCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .alreadyWaiting: .conflict
        case .invalidNote: .unprocessableContent
        }
    }
}

extension RegistrationLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension RegistrationFieldCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension RegistrationErasedCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension RegistrationActiveCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension ErasureCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension IdempotencyCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension DateRangeCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension FacilityLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension ClosedDayCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension RoadmapChangeCode: APIErrorCode {
    public var status: HTTPStatus { .conflict }
}

extension RoadmapItemLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension ManagerLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension StorageApplicationCode: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension StorageApplicationLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension StorageItemLookupCode: APIErrorCode {
    public var status: HTTPStatus { .notFound }
}

extension RegisterItemCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .storageAllocationNotFound: .notFound
        case .invalidField, .invalidQuantity: .unprocessableContent
        }
    }
}

extension ItemCheckOutCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .itemAlreadyOut: .conflict
        case .invalidField: .unprocessableContent
        }
    }
}

extension ItemReturnCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .itemNotOut: .conflict
        case .invalidField: .unprocessableContent
        }
    }
}

extension RoadmapError.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .unknownItem: .notFound
        case .dependencyNotDone, .itemDone: .conflict
        case .invalidSchedule, .invalidDates, .closureOutsideItemDates: .unprocessableContent
        }
    }
}

// MARK: - Access and input, added to every operation by the API

extension AuthError.Code: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .unauthorized, .invalidToken: .unauthorized
        case .forbidden: .forbidden
        }
    }
}
