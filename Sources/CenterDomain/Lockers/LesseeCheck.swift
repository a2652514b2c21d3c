import CalendarValues

/// A document check recorded for a locker lease: identity (本人確認) or the
/// registry extract (登記事項証明書): which document, who checked it and when.
///
/// Source: docs/DOMAIN.md "Mobile lockers" ("Identity and registry-extract checks
/// are recorded (document, checker, date)").
public struct LesseeCheck: Hashable, Sendable, Codable {
    public var document: String
    public var checkedBy: String
    public var checkedOn: LocalDate

    public init(document: String, checkedBy: String, checkedOn: LocalDate) {
        self.document = document
        self.checkedBy = checkedBy
        self.checkedOn = checkedOn
    }

    enum CodingKeys: String, CodingKey {
        case document, checkedBy = "checked_by", checkedOn = "checked_on"
    }

    /// Refuses an empty document or checker, or a check dated after `today`
    /// (`invalid_check`, details: `check`, the field name).
    public func validate(_ name: String, today: LocalDate) throws(Refusal<LesseeCheck.Code>) {
        for (field, text) in [("document", document), ("checked_by", checkedBy)] {
            if let problem = TextRule.name.problem(in: TextRule.normalised(text)) {
                throw Refusal(.invalidCheck, "`\(name).\(field)` \(problem.message).", details: ["check": name])
            }
        }
        guard checkedOn <= today else {
            throw Refusal(.invalidCheck, "A \(name) cannot be dated after today.",
                          details: ["check": name, "checked_on": checkedOn.description])
        }
    }
}

extension LesseeCheck {
    /// What a document check is refused with.
    public enum Code: String, ErrorCode {
        case invalidCheck = "invalid_check"
    }
}
