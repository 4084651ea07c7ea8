import Testing
@testable import VoiceUpload

@Suite struct PhoneTests {
    @Test(arguments: [
        ("+380 (50) 123-45-67", "380501234567"), ("380501234567", "380501234567"), ("050 123 45 67", "380501234567"),
        ("00380501234567", "380501234567"), ("+1 (212) 555-0100", "12125550100"), ("+48 601.234.567", "48601234567"),
    ])
    func normalises(raw: String, expected: String) throws {
        #expect(try PhoneNumber.normalise(raw) == expected)
    }

    @Test(arguments: ["", "abc", "+380 50 123 45 6", "3805012345678", "12345", "050-123-45-67 ext 2", "38050+1234567", "0123"])
    func rejects(raw: String) {
        #expect(throws: PhoneError.self) { try PhoneNumber.normalise(raw) }
    }

    @Test func namesTheRow() {
        do {
            _ = try PhoneNumber.normalise(all: ["380501234567", "+380 50 123", "x"])
            Issue.record("accepted")
        } catch let error as PhoneError {
            #expect(error.row == 2)
            #expect(error.description == "row 2: phone \"+380 50 123\" has 8 digits, expected 10–15; give a full international number such as +380501234567")
        } catch { Issue.record("\(error)") }
    }

    @Test func baseURLs() throws {
        #expect(try BaseURL.normalise("https://alphasms.ua/", dropping: "api") == "https://alphasms.ua")
        #expect(try BaseURL.normalise("https://alphasms.ua/api/", dropping: "api") == "https://alphasms.ua")
        #expect(try BaseURL.normalise("https://calls.example.com/apiCalls", dropping: "apiCalls") == "https://calls.example.com")
        #expect(throws: UploadError.self) { try BaseURL.normalise("alphasms.ua", dropping: "api") }
        #expect(throws: UploadError.self) { try BaseURL.normalise("ftp://alphasms.ua", dropping: "api") }
        #expect(throws: UploadError.self) { try BaseURL.checkHook("example.com/hook") }
        try BaseURL.checkHook("https://example.com/hook?t=1")
    }
}
