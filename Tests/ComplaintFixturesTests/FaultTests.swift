import ComplaintFixtures
import ComplaintWorkflow
import Foundation
import Testing

/// The scenarios have teeth: with each deliberate engine fault (test-only ``WorkflowFaults``) at
/// least one scenario fails. (Without faults they all pass: ``ScenarioTests``.)
@Suite("Faults are caught by the scenarios")
struct FaultTests {
    @Test("fault is caught", arguments: WorkflowFaults.named.map(\.name))
    func faultIsCaught(_ name: String) async throws {
        let fault = try #require(WorkflowFaults.named.first { $0.name == name }?.fault)
        let runner = ScenarioRunner(faults: fault)
        var caughtBy: String?
        for path in ScenarioFiles.relativePaths {
            let result = try await runner.run(file: ScenarioFiles.url(path))
            if !result.passed {
                caughtBy = path
                break
            }
        }
        #expect(caughtBy != nil, "no scenario fails with the fault \(name)")
    }
}
