import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Generated specification")
struct WorkflowSpecTests {
    /// `Specs/workflow.md`, located from this file's path.
    static let specURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Specs/workflow.md")

    /// Set `REGENERATE_SPECS=1` to write the file instead of comparing.
    @Test func committedSpecMatchesTheGenerator() throws {
        if ProcessInfo.processInfo.environment["REGENERATE_SPECS"] == "1" {
            try WorkflowSpec.markdown().write(to: Self.specURL, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.specURL, encoding: .utf8)
        let generated = WorkflowSpec.markdown()
        if committed != generated {
            let firstDifference = zip(committed.split(separator: "\n", omittingEmptySubsequences: false), generated.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("Specs/workflow.md is stale; regenerate it with WorkflowSpec.markdown(). First difference at line \((firstDifference?.offset ?? -1) + 1)")
        }
    }

    @Test func specNamesEveryCommandEventRuleAndCode() {
        let spec = WorkflowSpec.markdown()
        for command in CommandName.allCases { #expect(spec.contains("| \(command.rawValue) |")) }
        for event in EventType.allCases where ![.severityRaised, .slaWarningRaised, .slaBreached, .repeatComplaintDetected].contains(event) {
            #expect(spec.contains(event.typeName), "\(event)")
        }
        for rule in AutomaticRules.all { #expect(spec.contains("`\(rule.key.rawValue)`")) }
        for code in WorkflowError.Code.allCases { #expect(spec.contains("`\(code.rawValue)`")) }
    }
}
