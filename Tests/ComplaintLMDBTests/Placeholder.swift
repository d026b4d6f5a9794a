import Testing
@testable import ComplaintLMDB
@Test func placeholder() { #expect(Bool(true)) }
