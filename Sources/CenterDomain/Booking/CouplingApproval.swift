import CalendarValues

/// A staff approval that lets a coupled room be used alone (単独使用の承認):
/// 施行規則 第4条1項2号 allows the 保育室 where "当該保育室の使用がセンターの
/// 目的に資するものと認められる場合", a decision staff make and record on the
/// booking: who approved, when, and why. Only staff approve; members never
/// grant it to themselves (the API's to enforce). docs/DOMAIN.md "Room bookings (予約)".
public struct CouplingApproval: Hashable, Sendable, Codable {
    /// The staff member who approved (a name or staff id).
    public let approvedBy: String
    public let approvedAt: Instant
    /// Why the use serves the center's purpose.
    public let reason: String

    /// Refuses `approval_invalid` (details `field`) when who or why
    /// is blank, too long or holds control characters (`TextRule.name`,
    /// `TextRule.reason`), or when `approvedAt` is after `now`. Texts are kept in NFC.
    public init(approvedBy: String, approvedAt: Instant, reason: String, now: Instant) throws(Refusal<CouplingApproval.Code>) {
        func accepted(_ text: String, _ rule: TextRule, _ field: String) throws(Refusal<CouplingApproval.Code>) -> String {
            do throws(TextProblem) {
                return try rule.accept(text)
            } catch {
                throw Refusal(.approvalInvalid, "The approval's `\(field)` is not acceptable text.",
                              details: ["field": field])
            }
        }
        self.approvedBy = try accepted(approvedBy, .name, "approved_by")
        self.reason = try accepted(reason, .reason, "reason")
        guard approvedAt <= now else {
            throw Refusal(.approvalInvalid, "An approval cannot be dated after now (\(now.rfc3339)).",
                          details: ["field": "approved_at"])
        }
        self.approvedAt = approvedAt
    }

    enum CodingKeys: String, CodingKey { case approvedBy = "approved_by", approvedAt = "approved_at", reason }
}

extension CouplingApproval {
    /// What an approval is refused with.
    public enum Code: String, ErrorCode {
        case approvalInvalid = "approval_invalid"
    }
}
