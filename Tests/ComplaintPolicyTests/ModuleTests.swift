import Testing
@testable import ComplaintPolicy

@Test func moduleLinks() {
    #expect(String(describing: ComplaintPolicyModule.self) == "ComplaintPolicyModule")
}
