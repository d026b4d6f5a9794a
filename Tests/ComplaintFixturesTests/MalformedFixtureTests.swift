import ComplaintFixtures
import Foundation
import Testing

/// Malformed fixtures are refused with the file, the line and the reason, never a crash.
@Suite("Malformed fixtures")
struct MalformedFixtureTests {
    static let header = """
        name: Broken
        start: 2026-03-02T09:00:00+08:00

        """

    static let receive = """
          - command: ReceiveComplaint
            stream: C-1
            actor: agent-1/agent
            data: {customer: {id: cust-1}, channel: phone, description: Broken parcel}

        """

    struct Case: Sendable, CustomStringConvertible {
        var label: String
        var text: String
        var kind: FixtureError.Kind
        var line: Int
        var reasonContains: String
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(label: "bad YAML", text: header + "when:\n  - advance: [3h\n", kind: .badYAML, line: 5, reasonContains: "malformed YAML"),
        Case(label: "missing name", text: "start: 2026-03-02T09:00:00+08:00\nwhen: []\n", kind: .missingKey, line: 1, reasonContains: "'name'"),
        Case(label: "missing when", text: header + "given:\n" + receive, kind: .missingKey, line: 1, reasonContains: "'when'"),
        Case(label: "unknown top-level field", text: header + "whenn: []\nwhen: []\n", kind: .unknownField, line: 3, reasonContains: "whenn"),
        Case(label: "unknown command", text: header + "when:\n  - command: ReceiveComplain\n    stream: C-1\n    actor: a/agent\n",
             kind: .unknownCommand, line: 4, reasonContains: "ReceiveComplain"),
        Case(label: "unknown step field", text: header + "when:\n" + receive.replacingOccurrences(of: "    stream: C-1\n", with: "    stream: C-1\n    colour: red\n"),
             kind: .unknownField, line: 6, reasonContains: "colour"),
        Case(label: "unknown data field", text: header + "when:\n" + receive.replacingOccurrences(of: "description: Broken parcel}", with: "description: Broken parcel,\n      mood: sad}"),
             kind: .unknownField, line: 8, reasonContains: "mood"),
        Case(label: "bad data value", text: header + "when:\n" + receive.replacingOccurrences(of: "channel: phone", with: "channel: pigeon"),
             kind: .badValue, line: 7, reasonContains: "channel"),
        Case(label: "bad duration", text: header + "when:\n  - advance: 3 hours\n", kind: .badDuration, line: 4, reasonContains: "3 hours"),
        Case(label: "missing stream", text: header + "when:\n  - command: AcknowledgeComplaint\n    actor: a/agent\n    data: {channel: phone}\n",
             kind: .missingStream, line: 4, reasonContains: "stream"),
        Case(label: "actor without role", text: header + "when:\n" + receive.replacingOccurrences(of: "agent-1/agent", with: "agent-1"),
             kind: .badValue, line: 6, reasonContains: "role"),
        Case(label: "bad timestamp", text: "name: x\nstart: yesterday\nwhen: []\n", kind: .badValue, line: 2, reasonContains: "yesterday"),
        Case(label: "unknown KPI", text: header + "when: []\nthen:\n  kpis:\n    happiness: 1.0\n", kind: .unknownField, line: 6, reasonContains: "happiness"),
        Case(label: "unknown expectation", text: header + "when: []\nthen:\n  event: []\n", kind: .unknownField, line: 5, reasonContains: "event"),
        Case(label: "unknown policy preset", text: header + "policy: premium\nwhen: []\n", kind: .badPolicy, line: 3, reasonContains: "premium"),
        Case(label: "bad policy override", text: header + "policy: {preset: standard, overrides: {reopenWindowDays: many}}\nwhen: []\n",
             kind: .badPolicy, line: 3, reasonContains: "reopenWindowDays"),
        Case(label: "unknown error code", text: header + "when:\n" + receive.replacingOccurrences(of: "    stream: C-1\n", with: "    stream: C-1\n    expect: {error: nope}\n"),
             kind: .badValue, line: 6, reasonContains: "nope"),
    ]

    @Test("is refused with file, line and reason", arguments: cases)
    func refused(_ fixture: Case) throws {
        let error = try #require(throws: FixtureError.self) {
            try ScenarioParser().parse(fixture.text, file: "broken.yaml")
        }
        #expect(error.kind == fixture.kind, "\(error)")
        #expect(error.file == "broken.yaml")
        #expect(error.line == fixture.line, "\(error)")
        #expect(error.reason.contains(fixture.reasonContains), "\(error)")
    }

    @Test("a malformed file is a failed result naming file and line")
    func malformedFileFails() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.yaml")
        try (Self.header + "when:\n  - advance: soon\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try await ScenarioRunner().run(file: file)
        #expect(!result.passed)
        #expect(result.report.contains("FAIL broken.yaml"))
        #expect(result.report.contains("\(file.path):4: bad duration 'soon'"), "\(result.report)")
    }

    @Test("a missing file is a failed result")
    func missingFile() async throws {
        let result = try await ScenarioRunner().run(file: URL(fileURLWithPath: "/nonexistent/none.yaml"))
        #expect(!result.passed)
        #expect(result.failures.first?.contains("cannot read") == true)
    }
}
