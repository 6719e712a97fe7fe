import FengqiaoDomain
import XCTest

final class UnifiedSocialCreditCodeTests: XCTestCase {
    /// An independent check: the standard's weights are 3^i mod 31, and the alphabet is the 31
    /// characters left after removing I, O, Z, S, V from digits and capitals.
    private func independentCheck(_ base: String) -> Character {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").filter { !"IOZSV".contains($0) }
        XCTAssertEqual(alphabet.count, 31)
        var weight = 1
        var sum = 0
        for character in base {
            sum += (alphabet.firstIndex(of: character) ?? 0) * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    func testPublishedCodesAreAccepted() throws {
        // The example in GB 32100-2015 and the codes on the business licences of Huawei Technologies
        // Co., Ltd. and Shenzhen Tencent Computer Systems Co., Ltd.
        for text in ["91350100M000100Y43", "914403001922038216", "91440300708461136T"] {
            let code = try UnifiedSocialCreditCode(text)
            XCTAssertEqual(code.rawValue, text)
            XCTAssertEqual(independentCheck(String(text.prefix(17))), text.last)
        }
        let huawei = try UnifiedSocialCreditCode("914403001922038216")
        XCTAssertEqual(huawei.registrationAuthority, "9")
        XCTAssertEqual(huawei.organizationType, "1")
        XCTAssertEqual(huawei.registrationAuthorityName, "市场监管(工商)")
        XCTAssertEqual(huawei.divisionCode, "440300")
        XCTAssertEqual(huawei.organizationCode, "192203821")
    }

    func testComputedCheckCharactersMatchAnIndependentImplementation() throws {
        let bases = [
            "91150203MA0N12345", "52150207MJY000001", "12150200011223344", "N2150221MF0000000", "Y1150204000000000",
            "91150202AB1234567", "31150000MD0001112", "51150200500000000",
        ]
        for base in bases {
            let check = independentCheck(base)
            XCTAssertEqual(UnifiedSocialCreditCode.checkCharacter(forFirst17: base), check, base)
            XCTAssertNoThrow(try UnifiedSocialCreditCode(base + String(check)), base)
        }
        // A base whose weighted sum is a multiple of 31 takes 0, not the out-of-range index 31.
        let zeroBase = try XCTUnwrap(
            "0123456789ABCDEFGHJKLMNPQRTUWXY".map { "9115020300000000" + String($0) }
                .first { independentCheck($0) == "0" })
        XCTAssertEqual(UnifiedSocialCreditCode.checkCharacter(forFirst17: zeroBase), "0")
        XCTAssertNoThrow(try UnifiedSocialCreditCode(zeroBase + "0"))
    }

    func testLowerCaseAndSurroundingSpacesAreNormalised() throws {
        let code = try UnifiedSocialCreditCode("  91350100m000100y43 \n")
        XCTAssertEqual(code.rawValue, "91350100M000100Y43")
        XCTAssertEqual(code, try UnifiedSocialCreditCode("91350100M000100Y43"))
    }

    private func rejection(_ text: String) -> FieldError? {
        do {
            _ = try UnifiedSocialCreditCode(text, field: "org.creditCode")
            return nil
        } catch {
            return error
        }
    }

    func testEachRejectionHasItsOwnCode() {
        XCTAssertEqual(rejection("   ")?.code, "required")
        XCTAssertEqual(rejection("91350100M000100Y4")?.code, "invalid_length")
        XCTAssertEqual(rejection("91350100M000100Y433")?.code, "invalid_length")
        XCTAssertEqual(rejection("91350100M0001 0Y43")?.code, "invalid_character", "inner space")
        for letter in ["I", "O", "Z", "S", "V"] {
            XCTAssertEqual(rejection("91350100M00010" + letter + "Y43")?.code, "invalid_character", letter)
        }
        XCTAssertEqual(rejection("91350100M000100Y4中")?.code, "invalid_character")
        let letterInDivision = "913501A0M000100Y4"
        let check = independentCheck(letterInDivision)
        XCTAssertEqual(rejection(letterInDivision + String(check))?.code, "invalid_division")
        let wrongCheck = rejection("91350100M000100Y44")
        XCTAssertEqual(wrongCheck?.code, "invalid_check_character")
        XCTAssertEqual(wrongCheck?.message, "统一社会信用代码校验位不正确")
        XCTAssertEqual(wrongCheck?.field, "org.creditCode")
        XCTAssertEqual(rejection("914403001922038217")?.code, "invalid_check_character")
        XCTAssertNil(UnifiedSocialCreditCode.checkCharacter(forFirst17: "9135010"))
        XCTAssertNil(UnifiedSocialCreditCode.checkCharacter(forFirst17: "91350100M000100YI"))
    }

    func testMessagesAreDistinctAndChinese() {
        let messages = ["", "123", "91350100M00010OY43", "913501A0M000100Y4" + "0", "91350100M000100Y44"]
            .compactMap { rejection($0)?.message }
        XCTAssertEqual(Set(messages).count, 5)
        XCTAssertTrue(messages.allSatisfy { $0.contains("统一社会信用代码") })
    }

    func testCodableValidatesOnDecode() throws {
        let code = try UnifiedSocialCreditCode("914403001922038216")
        let data = try JSONEncoder().encode([code])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["914403001922038216"]"#)
        XCTAssertEqual(try JSONDecoder().decode([UnifiedSocialCreditCode].self, from: data), [code])
        let bad = Data(#"["914403001922038217"]"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode([UnifiedSocialCreditCode].self, from: bad))
    }
}
