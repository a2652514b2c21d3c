import CalendarValues
import CenterDomain
import ServiceTestSupport
import Store
import Testing
@testable import CenterService

/// Finding registrations at the counter: by name or フリガナ however typed,
/// by phone digits, corporate number, category and status, a page at a time.
struct RegistrationSearchServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    func register(_ name: String, kana: String? = nil, contact: String = "", category: UserCategory = .general,
                  evidence: RegistrationEvidence = RegistrationEvidence(), validFrom: LocalDate? = nil,
                  validUntil: LocalDate? = nil) async throws -> Int64 {
        try await f.service.registrations.register(
            RegistrationInput(category: category, name: name, nameKana: kana, contact: contact, evidence: evidence,
                              validFrom: validFrom, validUntil: validUntil), by: f.staff).value!.id
    }

    func find(_ search: RegistrationSearch) async throws -> [Int64] {
        try await f.service.registrations.search(search).map(\.id)
    }

    @Test func halfWidthKanaFindsTheNameByItsKanaAndAKatakanaName() async throws {
        let amada = try await register("天田 一郎", kana: "あまだ いちろう")
        let shop = try await register("アマダ商店")
        _ = try await register("山田 花子", kana: "ヤマダ ハナコ")
        #expect(try await find(RegistrationSearch(name: NameQuery("ｱﾏﾀﾞ"))) == [amada, shop])
    }

    @Test func aPartOfTheNameFindsItWhateverTheWidthAndSpaces() async throws {
        let id = try await register("株式会社　中野商事", kana: "ナカノショウジ")
        #expect(try await find(RegistrationSearch(name: NameQuery("(株)中野"))) == [id])
        #expect(try await find(RegistrationSearch(name: NameQuery("ﾅｶﾉ"))) == [id])
        #expect(try await find(RegistrationSearch(name: NameQuery("中野 商事"))) == [id])
        #expect(try await find(RegistrationSearch(name: NameQuery("中野商店"))) == [])
    }

    @Test func theLastFourDigitsOfAPhoneFindTheNumberTypedInFull() async throws {
        let id = try await register("電話の人", contact: "０９０－１１１１－２２２２")
        _ = try await register("別の人", contact: "03-5555-6666")
        #expect(try await find(RegistrationSearch(phoneDigits: "2222")) == [id])
        #expect(try await find(RegistrationSearch(phoneDigits: "09011112222")) == [id])
    }

    @Test func theCorporateNumberFindsItsCompany() async throws {
        let id = try await register("国税商事", evidence: RegistrationEvidence(corporateNumber: "7000-0120-5000-2"))
        _ = try await register("別の会社")
        #expect(try await find(RegistrationSearch(corporateNumber: CorporateNumber("7000012050002"))) == [id])
    }

    @Test func categoryAndStatusNarrowTheList() async throws {
        let general = try await register("一般の人")
        let expired = try await register("期限切れの人", validFrom: date("2024-12-01"), validUntil: date("2026-11-24"))
        let community = try await register("町会", category: .communityGroup,
                                           evidence: RegistrationEvidence(memberCount: 8, membersInWard: 5))
        _ = try await f.service.registrations.update(id: general, RegistrationPatch(suspendedUntil: .some(date("2026-12-31"))), by: f.staff)
        #expect(try await find(RegistrationSearch(category: .communityGroup)) == [community])
        #expect(try await find(RegistrationSearch(status: .suspended)) == [general])
        #expect(try await find(RegistrationSearch(status: .expired)) == [expired])
        #expect(try await find(RegistrationSearch(status: .active)) == [community])
    }

    @Test func pagesContinueAfterTheLastIdSeen() async throws {
        var ids: [Int64] = []
        for n in 1...5 { ids.append(try await register("ページ \(n)")) }
        let first = try await find(RegistrationSearch(name: NameQuery("ページ"), limit: 2))
        #expect(first == Array(ids[0..<2]))
        #expect(try await find(RegistrationSearch(name: NameQuery("ページ"), afterID: first[1], limit: 2)) == Array(ids[2..<4]))
        #expect(try await find(RegistrationSearch(name: NameQuery("ページ"), afterID: ids[4], limit: 2)) == [])
    }

    @Test func anErasedRegistrationIsFoundByNobody() async throws {
        let id = try await register("消える人", kana: "キエルヒト")
        _ = try await f.service.registrations.erase(id: id, by: f.staff)
        #expect(try await find(RegistrationSearch(name: NameQuery("消える"))) == [])
        #expect(try await find(RegistrationSearch(name: NameQuery("キエル"))) == [])
    }

    @Test func aRenamedRegistrationIsFoundByItsNewName() async throws {
        let id = try await register("旧名")
        _ = try await f.service.registrations.update(id: id, RegistrationPatch(name: "新名", nameKana: .some("シンメイ")), by: f.staff)
        #expect(try await find(RegistrationSearch(name: NameQuery("旧名"))) == [])
        #expect(try await find(RegistrationSearch(name: NameQuery("しんめい"))) == [id])
    }

    @Test func registrationsStoredWithoutKeysAreKeyedOnStart() async throws {
        let id = try await register("髙橋 商店", kana: "タカハシショウテン")
        try await f.service.pool.write { db in
            try db.run("UPDATE registrations SET name_key = NULL, kana_key = NULL, identity_key = NULL WHERE id = ?", [.integer(id)])
        }
        #expect(try await find(RegistrationSearch(name: NameQuery("高橋"))) == [])
        #expect(try await f.service.registrations.fillSearchKeys() == 1)
        #expect(try await find(RegistrationSearch(name: NameQuery("高橋"))) == [id])
        #expect(try await f.service.registrations.fillSearchKeys() == 0)
    }
}

/// フリガナ and the postal address on a registration; a new registration
/// that is one already on file.
struct RegistrationDetailsServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func kanaIsStoredAsFullWidthKatakanaAndThePostalCodeAsDigits() async throws {
        let record = try await f.service.registrations.register(
            RegistrationInput(category: .general, name: "山田 花子", nameKana: "やまだ はなこ", postalCode: "〒１６４－０００１",
                              address: "東京都中野区中野二丁目13番14号"), by: f.staff).value!
        #expect(record.nameKana == "ヤマダ　ハナコ")
        #expect(record.postalAddress?.postalCode.digits == "1640001")
        #expect(record.postalAddress?.description == "〒164-0001 東京都中野区中野二丁目13番14号")
    }

    @Test func kanaWithKanjiIsRefused() async throws {
        let code = await f.refusal {
            _ = try await f.service.registrations.register(RegistrationInput(category: .general, name: "山田", nameKana: "山田"), by: f.staff)
        }
        #expect(code == "name_kana_invalid")
    }

    @Test func anAddressWithoutItsPostalCodeIsRefused() async throws {
        let code = await f.refusal {
            _ = try await f.service.registrations.register(RegistrationInput(category: .general, name: "山田", address: "東京都中野区"),
                                                           by: f.staff)
        }
        #expect(code == "postal_code_invalid")
    }

    @Test func patchClearsTheKanaAndTheAddressTogether() async throws {
        let id = try await f.service.registrations.register(
            RegistrationInput(category: .general, name: "山田", nameKana: "ヤマダ", postalCode: "1640001", address: "東京都中野区"),
            by: f.staff).value!.id
        let cleared = try await f.service.registrations.update(
            id: id, RegistrationPatch(nameKana: .some(nil), postalCode: .some(nil), address: .some(nil)), by: f.staff)
        #expect(cleared.nameKana == nil)
        #expect(cleared.postalAddress == nil)
        let code = await f.refusal { _ = try await f.service.registrations.update(id: id, RegistrationPatch(address: .some("東京都")), by: f.staff) }
        #expect(code == "postal_code_invalid")
    }

    @Test func theSameNameAndPhoneIsAPossibleDuplicateListingTheMatch() async throws {
        let first = try await f.service.registrations.register(
            RegistrationInput(category: .general, name: "山田 花子", contact: "090-1111-2222"), by: f.staff).value!.id
        let error = await f.domainError {
            _ = try await f.service.registrations.register(
                RegistrationInput(category: .general, name: "山田　花子", contact: "０９０１１１１２２２２"), by: f.staff)
        }
        #expect(error?.code == "possible_duplicate")
        #expect(error?.details["registrations"] == String(first))
        #expect(error?.details["reasons"] == "\(first):name_and_phone")
    }

    @Test func theSameCorporateNumberIsAPossibleDuplicateEvenUnderAnotherName() async throws {
        let first = try await f.service.registrations.register(
            RegistrationInput(category: .general, name: "株式会社中野", evidence: RegistrationEvidence(corporateNumber: "7000012050002")),
            by: f.staff).value!.id
        let error = await f.domainError {
            _ = try await f.service.registrations.register(
                RegistrationInput(category: .general, name: "中野 総務部", evidence: RegistrationEvidence(corporateNumber: "7000-0120-5000-2")),
                by: f.staff)
        }
        #expect(error?.details["reasons"] == "\(first):corporate_number")
    }

    @Test func staffConfirmingANewUserRegistersIt() async throws {
        let input = RegistrationInput(category: .general, name: "山田 花子", contact: "090-1111-2222")
        let first = try await f.service.registrations.register(input, by: f.staff).value!.id
        var confirmed = input
        confirmed.confirmNew = true
        let second = try await f.service.registrations.register(confirmed, by: f.staff).value!.id
        #expect(second != first)
    }

    @Test func theSameNameWithAnotherPhoneIsNoDuplicate() async throws {
        _ = try await f.service.registrations.register(RegistrationInput(category: .general, name: "山田 花子", contact: "090-1111-2222"),
                                                       by: f.staff)
        #expect(await f.refusal {
            _ = try await f.service.registrations.register(RegistrationInput(category: .general, name: "山田 花子", contact: "090-3333-4444"),
                                                           by: f.staff)
        } == nil)
    }

    @Test func anErasedRegistrationIsNoDuplicate() async throws {
        let input = RegistrationInput(category: .general, name: "山田 花子", contact: "090-1111-2222")
        let first = try await f.service.registrations.register(input, by: f.staff).value!.id
        _ = try await f.service.registrations.erase(id: first, by: f.staff)
        #expect(await f.refusal { _ = try await f.service.registrations.register(input, by: f.staff) } == nil)
    }
}
