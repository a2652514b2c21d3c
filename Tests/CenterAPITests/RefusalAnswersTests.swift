import CenterDomain
import CenterService
import HTTPServer
import Testing
@testable import CenterAPI

/// A refusal answered again is answered from the kept bytes, which are the
/// bytes made fresh; a refusal that differs in anything its answer shows
/// (a detail, the message, the language) is never given another's answer.
@Suite struct RefusalAnswersTests {
    let names = ["meeting-room-1": "会議室1"]

    func refusal(to: String = "2027-12-31") -> Refusal<DateRangeCode> {
        Refusal(DateRangeCode.rangeTooLong, "at most 93 days per request", details: ["parameter": "to", "value": to])
    }

    func answer(_ refusal: any AnyRefusal, _ language: Language = .ja, answers: RefusalAnswers?) -> HTTPResponse {
        ErrorMapping.answer(for: refusal, language: language, names: names, answers: answers).response
    }

    @Test func aKeptAnswerIsTheAnswerMadeFresh() {
        let answers = RefusalAnswers()
        let fresh = answer(refusal(), answers: nil)
        let first = answer(refusal(), answers: answers)
        let again = answer(refusal(), answers: answers)
        #expect(answers.count == 1)
        for kept in [first, again] {
            #expect(kept.status.code == fresh.status.code)
            #expect(kept.body == fresh.body)
            #expect(kept.headers["content-type"] == fresh.headers["content-type"])
            #expect(kept.headers["content-language"] == fresh.headers["content-language"])
        }
    }

    @Test func aRefusalWithAnotherDetailIsNotGivenTheKeptAnswer() {
        let answers = RefusalAnswers()
        _ = answer(refusal(to: "2027-12-31"), answers: answers)
        let other = answer(refusal(to: "2028-01-31"), answers: answers)
        #expect(other.body == answer(refusal(to: "2028-01-31"), answers: nil).body)
        #expect(String(decoding: other.body, as: UTF8.self).contains("2028-01-31"))
        #expect(answers.count == 2)
    }

    @Test func theSameRefusalInAnotherLanguageIsNotGivenTheKeptAnswer() {
        let answers = RefusalAnswers()
        let ja = answer(refusal(), .ja, answers: answers)
        let en = answer(refusal(), .en, answers: answers)
        #expect(ja.headers["content-language"] == "ja")
        #expect(en.headers["content-language"] == "en")
        #expect(en.body == answer(refusal(), .en, answers: nil).body)
        #expect(en.body != ja.body)
    }

    @Test func theKeptAnswersStayWithinTheirCapacity() {
        let answers = RefusalAnswers()
        for n in 0..<(RefusalAnswers.capacity + 10) { _ = answer(refusal(to: "value \(n)"), answers: answers) }
        #expect(answers.count <= RefusalAnswers.capacity)
        #expect(answers.count > 0)
    }
}
