import ComplaintFixtures
import Foundation
import Testing

/// `ScenarioExporter`: a complaint's history becomes a scenario that passes when run.
@Suite("Scenario export")
struct ExporterTests {
    /// Records `steps` on a new store, exports `complaint`, and runs the exported scenario.
    func exportAndReplay(_ source: String, complaint: String) async throws -> (yaml: String, result: ScenarioResult) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorded = try await ScenarioRunner().run(ScenarioParser().parse(source, file: "source.yaml"), storeDirectory: directory)
        #expect(recorded.passed, "\(recorded.report)")
        let yaml = try await ScenarioExporter().export(storeDirectory: directory.path, complaint: complaint)
        return (yaml, try await ScenarioRunner().run(text: yaml, file: "exported.yaml"))
    }

    static let header = """
        name: source
        policy: {preset: standard, overrides: {clocks: {acknowledgement: {target: 1h}}}}
        start: 2026-03-02T09:00:00+08:00
        when:

        """

    static func receive(_ stream: String, _ customer: String) -> String {
        """
          - command: ReceiveComplaint
            stream: \(stream)
            actor: agent-1/agent
            data: {customer: {id: \(customer), name: Li Lei, phone: "13800000000"}, channel: phone, description: "Parcel: damaged", remedySought: refund}

        """
    }

    static func step(_ command: String, _ stream: String, _ actor: String, _ data: String) -> String {
        "  - command: \(command)\n    stream: \(stream)\n    actor: \(actor)\n    data: \(data)\n"
    }

    static func triage(_ stream: String) -> String {
        step("ClassifyComplaint", stream, "agent-1/agent", "{category: logistics}")
            + Self.step("AssessSeverity", stream, "agent-1/agent", "{severity: general, urgency: normal, factors: {legalOrSafety: false, reputationRisk: false, complexOrHardToJudge: true}}")
    }

    @Test("a plain complaint with timers and rules replays")
    func plain() async throws {
        let source = Self.header + Self.receive("C-1", "cust-1") + "  - advance: 2h\n" + Self.triage("C-1")
            + Self.step("AssignComplaint", "C-1", "sup-1/supervisor", "{owner: spec-1, department: logistics}")
            + Self.step("StartInvestigation", "C-1", "spec-1/specialist", "{}")
            + Self.step("ProposeResolution", "C-1", "spec-1/specialist", "{remedies: [refund], compensationAmount: {amount: 200000, currency: CNY}, responsibility: company, actionPlan: Refund, dueAt: 2026-03-05T18:00:00+08:00}")
            + Self.step("ApproveResolution", "C-1", "sup-1/supervisor", "{}")
            + "  - advance: 3d\n"
            + Self.step("ImplementResolution", "C-1", "spec-1/specialist", "{actionsDone: Refunded}")
            + Self.step("CommunicateResult", "C-1", "spec-1/specialist", "{channel: phone, rootCauseExplained: true, apologyGiven: true, recourseInformed: true}")
            + Self.step("RecordCustomerResponse", "C-1", "cust-1/customer", "{accepted: true}")
            + Self.step("CloseComplaint", "C-1", "spec-1/specialist", "{reason: resolved}")
        let (yaml, result) = try await exportAndReplay(source, complaint: "C-1")
        #expect(result.passed, "\(result.report)\n\(yaml)")
        #expect(yaml.contains("rule: acknowledgementBreach"))
        #expect(yaml.contains("rule: followUpSkipped"))
        #expect(!yaml.contains("command: SlaBreached"))
        #expect(yaml.contains("target: \"1h\"") || yaml.contains("target: 1h"), "the logged policy is inline\n\(yaml)")
    }

    @Test("a repeat-rule complaint brings the customer's earlier complaints into given")
    func repeatRule() async throws {
        let source = Self.header + Self.receive("C-1", "cust-1") + Self.triage("C-1") + "  - advance: 1d\n"
            + Self.receive("C-2", "cust-1") + Self.triage("C-2") + "  - advance: 1d\n"
            + Self.receive("C-3", "cust-1") + Self.triage("C-3")
        let (yaml, result) = try await exportAndReplay(source, complaint: "C-3")
        #expect(result.passed, "\(result.report)\n\(yaml)")
        let given = try #require(yaml.range(of: "given:")).upperBound
        let when = try #require(yaml.range(of: "\nwhen:")).lowerBound
        #expect(yaml[given..<when].contains("stream: C-1") && yaml[given..<when].contains("stream: C-2"))
        #expect(yaml.contains("type: RepeatComplaintDetected"))
    }

    @Test("a duplicate target is brought into given")
    func duplicate() async throws {
        let source = Self.header + Self.receive("C-1", "cust-1") + Self.receive("C-2", "cust-2")
            + Self.step("CloseComplaint", "C-2", "sup-1/supervisor", "{reason: duplicate, duplicateOf: C-1}")
        let (yaml, result) = try await exportAndReplay(source, complaint: "C-2")
        #expect(result.passed, "\(result.report)\n\(yaml)")
        #expect(yaml.contains("duplicateOf: C-1"))
    }

    @Test("an erased complaint shows [erased] and replays the erasure")
    func erased() async throws {
        let source = Self.header + Self.receive("C-1", "cust-1") + Self.triage("C-1") + "  - advance: 2h\n"
            + Self.step("ForgetCustomer", "customer:cust-1", "dpo-1/dataProtectionOfficer", "{customerId: cust-1}")
        let (yaml, result) = try await exportAndReplay(source, complaint: "C-1")
        #expect(result.passed, "\(result.report)\n\(yaml)")
        #expect(yaml.contains("[erased]"))
        #expect(!yaml.contains("Li Lei") && !yaml.contains("13800000000"), "no personal data in the export")
        #expect(yaml.contains("command: ForgetCustomer"))
    }

    @Test("an unknown complaint is an error")
    func unknown() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await ScenarioRunner().run(ScenarioParser().parse(Self.header + Self.receive("C-1", "cust-1")), storeDirectory: directory)
        await #expect(throws: ScenarioExporter.ExportError.self) {
            try await ScenarioExporter().export(storeDirectory: directory.path, complaint: "C-404")
        }
    }
}
