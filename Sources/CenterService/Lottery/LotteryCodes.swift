import CenterDomain

/// No round has the id, or it draws no such month.
public enum LotteryLookupCode: String, ErrorCode {
    case lotteryRoundNotFound = "lottery_round_not_found"
}

/// No entry has the id (a member asking for another's is told the same).
public enum LotteryEntryLookupCode: String, ErrorCode {
    case lotteryEntryNotFound = "lottery_entry_not_found"
}

/// What is not published yet: the ballot before the entries close, the
/// result before the draw.
public enum LotteryPublicationCode: String, ErrorCode {
    case lotteryBallotNotPublished = "lottery_ballot_not_published"
    case lotteryNotDrawn = "lottery_not_drawn"
}

/// What an entry request refuses with beside the round's rules.
public enum LotteryRequestCode: String, ErrorCode {
    case purposeInvalid = "purpose_invalid"
    case divisionsRepeated = "divisions_repeated"
}
