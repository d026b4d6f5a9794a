import ComplaintFixtures
import Foundation
import Testing

/// Every scenario of `Specs/scenarios`, each its own test case, against the real engine.
@Suite("Scenario fixtures")
struct ScenarioTests {
    @Test("the project ships at least 55 scenarios")
    func enoughScenarios() {
        #expect(ScenarioFiles.relativePaths.count >= 55, "found \(ScenarioFiles.relativePaths.count)")
    }

    @Test("scenario", arguments: ScenarioFiles.relativePaths)
    func scenario(_ path: String) async throws {
        let result = try await ScenarioRunner().run(file: ScenarioFiles.url(path))
        #expect(result.passed, "\(result.report)")
    }
}
