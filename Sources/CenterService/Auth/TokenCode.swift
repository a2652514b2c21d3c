import CenterDomain

/// What minting a token refuses with.
public enum TokenMintCode: String, ErrorCode {
    case invalidName = "invalid_name"
    case registrationRequired = "registration_required"
    case invalidExpiry = "invalid_expiry"
    /// The token would belong to a registration that does not exist.
    case unknownRegistration = "unknown_registration"
}

/// No live token has the id.
public enum TokenRevokeCode: String, ErrorCode {
    case tokenNotFound = "token_not_found"
}
