import ComplaintFixtures
import Foundation
import Testing

/// Wrong expectations fail with a diff naming the step or expectation and the field.
@Suite("Readable differences")
struct DiffReportTests {
    static let scenario = """
        name: Diffs
        start: 2026-03-02T09:00:00+08:00
        given:
          - command: ReceiveComplaint
            stream: C-1
            actor: agent-1/agent
            data: {customer: {id: cust-1}, channel: phone, description: Broken parcel}
        when:
          - advance: 3h

        """

    func run(_ tail: String) async throws -> ScenarioResult {
        try await ScenarioRunner().run(text: Self.scenario + tail, file: "diff.yaml")
    }

    @Test("a wrong state field names the complaint, line and field")
    func wrongField() async throws {
        let result = try await run("then:\n  complaints:\n    C-1: {escalationLevel: 3, clocks: {acknowledgement: {phase: stopped}}}\n")
        #expect(result.failures.contains("then.complaints.C-1 (line 12): escalationLevel: expected 3, found 2"), "\(result.report)")
        #expect(result.failures.contains("then.complaints.C-1 (line 12): clocks.acknowledgement.phase: expected stopped, found running"), "\(result.report)")
    }

    @Test("a missing event shows the candidates of its type")
    func missingEvent() async throws {
        let result = try await run("then:\n  events:\n    - {type: SlaBreached, data: {clock: resolution}}\n")
        #expect(!result.passed)
        #expect(result.report.contains("then.events[0] (line 12): expected SlaBreached"), "\(result.report)")
        #expect(result.report.contains("data.clock: expected resolution, found acknowledgement"), "\(result.report)")
    }

    @Test("events out of order fail")
    func order() async throws {
        let result = try await run("then:\n  events:\n    - {type: SlaBreached}\n    - {type: SlaWarningRaised}\n")
        #expect(!result.passed, "\(result.report)")
    }

    @Test("noEvents, queues, kpis and audit report their differences")
    func otherSections() async throws {
        let result = try await run("""
            then:
              noEvents: [ComplaintEscalated]
              queues:
                level:2: []
              kpis:
                acknowledgementOnTimeRate: 1.0
                resolutionOnTimeRate: 0.5
              audit:
                C-1: [{type: ComplaintAcknowledged}]

            """)
        #expect(result.failures.count == 5, "\(result.report)")
        #expect(result.report.contains("then.queues.level:2 (line 13): expected [], found [C-1]"), "\(result.report)")
        #expect(result.report.contains("then.kpis.resolutionOnTimeRate (line 16): expected 0.5, found null"), "\(result.report)")
    }

    @Test("an unexpected refusal fails at its step")
    func unexpectedRefusal() async throws {
        let result = try await run("""
              - command: AssignComplaint
                stream: C-1
                actor: sup-1/supervisor
                data: {owner: spec-1}

            """)
        #expect(result.failures.count == 1)
        #expect(result.report.contains("when[1] (line 10) AssignComplaint on C-1: refused with notClassified"), "\(result.report)")
    }

    @Test("an expected refusal that is accepted fails")
    func expectedRefusalAccepted() async throws {
        let result = try await run("""
              - command: AcknowledgeComplaint
                stream: C-1
                actor: agent-1/agent
                expect: {error: notPermitted}
                data: {channel: phone}

            """)
        #expect(result.report.contains("expected error notPermitted, but it was accepted"), "\(result.report)")
    }
}
