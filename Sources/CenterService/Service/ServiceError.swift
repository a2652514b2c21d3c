import CenterDomain
internal import Store

/// What a use case throws: a refusal with one of the codes it declares
/// (`Code`, usually a `Refusals` union of the rules it runs), or a failure
/// that is not the caller's doing (the store, a cancelled task).
public enum ServiceError<Code: ErrorCode>: Error {
    case refused(Refusal<Code>)
    case failed(ServiceFailure)
}

/// The two sides of any `ServiceError`, whatever its codes: what the API's
/// error mapping and tests read.
public protocol ServiceErrorProtocol: Error {
    /// The refusal, nil for a failure.
    var refusal: (any AnyRefusal)? { get }
    /// The failure, nil for a refusal.
    var failure: ServiceFailure? { get }
}

extension ServiceError: ServiceErrorProtocol {
    public var refusal: (any AnyRefusal)? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }

    public var failure: ServiceFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}

extension ServiceError: CustomStringConvertible {
    /// The refusal's message, or the failure's cause: what a command line
    /// prints ("cannot revoke token 999: no live token has id 999").
    public var description: String {
        switch self {
        case .refused(let refusal): refusal.description
        case .failed(let failure): failure.description
        }
    }
}

/// A failure beneath a use case: a closed or damaged store, a full disk, a
/// cancelled request, or a refusal the use case does not declare (a defect,
/// logged as such). Logs read its cause; callers see only that it failed.
public struct ServiceFailure: Error, CustomStringConvertible {
    let underlying: any Error

    /// Whether the database failed (closed, damaged, full), not the service's own code.
    public var isDatabaseFailure: Bool { underlying is StoreError }

    /// The fields that explain it in a log line (`ServiceLog.cause(of:)`).
    public var cause: [(String, String)] { ServiceLog.cause(of: underlying) }

    public var description: String { String(describing: underlying) }
}

extension ServiceContext {
    /// Runs a use case that refuses with `Code`: a refusal of one of its sets
    /// is thrown as `.refused`; anything else is a failure, and a refusal of
    /// a set the use case does not declare is logged as the defect it is.
    func run<Code: ErrorCode, T>(_ codes: Code.Type, _ body: () async throws -> T) async throws(ServiceError<Code>) -> T {
        do {
            return try await body()
        } catch {
            throw lift(error, as: codes)
        }
    }

    func lift<Code: ErrorCode>(_ error: any Error, as codes: Code.Type) -> ServiceError<Code> {
        if let known = error as? ServiceError<Code> { return known }
        if let other = error as? any ServiceErrorProtocol {
            if let failure = other.failure { return .failed(failure) }
            if let refusal = other.refusal { return lift(refusal, as: codes) }
        }
        if let refusal = Code.lift(error) { return .refused(refusal) }
        if let refusal = error as? any AnyRefusal {
            log.error("refusal not declared by its use case", [("code", refusal.codeName), ("declared", "\(Code.self)")])
        }
        return .failed(ServiceFailure(underlying: error))
    }
}
