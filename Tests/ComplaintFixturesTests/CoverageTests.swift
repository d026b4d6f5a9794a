import ComplaintFixtures
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import Testing

/// The scenarios exercise every row of the transition tables (Specs/workflow.md), derived from the
/// tables themselves: each row's command is sent under test (in some scenario's `when`).
@Suite("Transition-table coverage")
struct CoverageTests {
    static func commandsUnderTest() throws -> [CommandName: [String]] {
        var found: [CommandName: [String]] = [:]
        for path in ScenarioFiles.relativePaths {
            let scenario = try ScenarioParser().load(file: ScenarioFiles.url(path))
            for step in scenario.when {
                if case .command(let command) = step.action { found[command.name, default: []].append(path) }
            }
        }
        return found
    }

    @Test("every complaint transition row is hit by a scenario")
    func complaintRows() throws {
        let found = try Self.commandsUnderTest()
        let missing = TransitionTable.rows.map(\.command).filter { found[$0] == nil }
        #expect(missing.isEmpty, "rows without a scenario: \(missing.map(\.rawValue))")
    }

    @Test("every improvement-cycle row is hit by a scenario")
    func improvementRows() throws {
        let found = try Self.commandsUnderTest()
        let missing = ImprovementTable.rows.map(\.command).filter { found[$0] == nil }
        #expect(missing.isEmpty, "rows without a scenario: \(missing.map(\.rawValue))")
    }

    @Test("every refusal code of a precondition is expected by a scenario")
    func preconditionCodes() throws {
        var expected: Set<String> = []
        for path in ScenarioFiles.relativePaths {
            let scenario = try ScenarioParser().load(file: ScenarioFiles.url(path))
            for step in scenario.given + scenario.when {
                if case .command(let command) = step.action, let code = command.expectedError { expected.insert(code) }
            }
        }
        let codes = Set(TransitionTable.rows.flatMap { $0.preconditions.map(\.code.rawValue) })
        #expect(codes.subtracting(expected).isEmpty, "precondition codes never expected: \(codes.subtracting(expected).sorted())")
    }

    @Test("every scenario's description cites its rule (a source section or policy)")
    func descriptionsCite() throws {
        var uncited: [String] = []
        for path in ScenarioFiles.relativePaths {
            let description = try ScenarioParser().load(file: ScenarioFiles.url(path)).description ?? ""
            if !(description.contains("§") || description.contains("policy")) { uncited.append(path) }
        }
        #expect(uncited.isEmpty, "uncited: \(uncited)")
    }

    @Test("every automatic rule is expected to fire by a scenario")
    func everyRuleFires() throws {
        var rules: Set<String> = []
        for path in ScenarioFiles.relativePaths {
            let scenario = try ScenarioParser().load(file: ScenarioFiles.url(path))
            rules.formUnion(scenario.then.events.compactMap(\.rule))
        }
        let missing = RuleKey.allCases.map(\.rawValue).filter { !rules.contains($0) }
        #expect(missing.isEmpty, "rules no scenario expects: \(missing)")
    }
}
