import Testing
@testable import ComplaintWorkflow

@Test func moduleLinks() {
    #expect(String(describing: ComplaintWorkflowModule.self) == "ComplaintWorkflowModule")
}
