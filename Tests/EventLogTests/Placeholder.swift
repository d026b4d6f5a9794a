import Testing
@testable import EventLog
@Test func placeholder() { #expect(Bool(true)) }
