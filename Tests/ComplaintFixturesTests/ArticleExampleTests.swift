import ComplaintFixtures
import Foundation
import Testing

/// The scenario shown in the DocC article "Testing with scenario fixtures" runs as the article says:
/// it passes as written, and the failure the article prints is the one the runner reports.
@Suite("DocC article example")
struct ArticleExampleTests {
    static let article = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ComplaintFixtures/ComplaintFixtures.docc/TestingWithFixtures.md")

    /// The text of the article's fenced blocks, in order.
    static func blocks() throws -> [String] {
        let text = try String(contentsOf: article, encoding: .utf8)
        return text.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    @Test("the article's scenario passes, and its printed failure is the runner's")
    func articleScenario() async throws {
        let blocks = try Self.blocks()
        let yaml = try #require(blocks.first { $0.hasPrefix("yaml\n") }).dropFirst("yaml\n".count)
        let passing = try await ScenarioRunner().run(text: String(yaml), file: "late-ack.yaml")
        #expect(passing.passed, "\(passing.report)")

        let altered = String(yaml).replacingOccurrences(of: "{clock: acknowledgement}", with: "{clock: resolution}")
        let failing = try await ScenarioRunner().run(text: altered, file: "late-ack.yaml")
        let printed = try #require(blocks.first { $0.contains("FAIL ") })
        let expected = printed.split(separator: "\n").filter { !$0.isEmpty && !$0.hasSuffix("failed") }.joined(separator: "\n")
        #expect(failing.report == expected)
    }
}
