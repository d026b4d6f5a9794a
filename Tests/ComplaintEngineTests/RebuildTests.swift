import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing
import SeededRandom

/// One projection's entries, comparable.
struct ProjectionDump: Equatable {
    var entries: [[UInt8]]

    init(_ log: EventLog, _ name: String) throws {
        entries = try log.dumpProjection(name).flatMap { [$0.key, $0.value] }
    }

    /// Where two dumps first differ, for the failure message.
    func firstDifference(from other: ProjectionDump) -> String {
        func text(_ bytes: ArraySlice<UInt8>) -> String {
            String(decoding: bytes.map { (32..<127).contains($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
        }
        for (index, (a, b)) in zip(entries, other.entries).enumerated() where a != b {
            let key = index % 2 == 0 ? a : entries[index - 1]
            let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let from = max(0, at - 60)
            return "entry \(index / 2) (key \(text(key[...]))) \(index % 2 == 0 ? "key" : "value") differs at byte \(at): "
                + "…\(text(a[from..<min(a.count, at + 30)])) ≠ …\(text(b[from..<min(b.count, at + 30)]))"
        }
        return "\(entries.count / 2) entries ≠ \(other.entries.count / 2) entries"
    }
}

func dumps(_ engine: ComplaintEngine) throws -> [String: ProjectionDump] {
    let names = engine.log.configuration.projections.map(\.name)
    return try Dictionary(uniqueKeysWithValues: names.map { ($0, try ProjectionDump(engine.log, $0)) })
}

/// Every projection must rebuild to exactly the same bytes.
func expectEqual(_ a: [String: ProjectionDump], _ b: [String: ProjectionDump], _ when: String) {
    #expect(a.keys.sorted() == b.keys.sorted())
    for (name, dump) in a.sorted(by: { $0.key < $1.key }) {
        guard let other = b[name] else { continue }
        let equal = dump == other
        #expect(equal, "\(name) \(when): \(equal ? "" : dump.firstDifference(from: other))")
    }
}

/// Every complaint's decoded state, by stream.
func complaintStates(_ engine: ComplaintEngine) throws -> [String: ComplaintState] {
    var states: [String: ComplaintState] = [:]
    for entry in try engine.log.dumpProjection("complaints") {
        let stream = String(decoding: entry.key, as: UTF8.self)
        states[stream] = try engine.complaint(stream)
    }
    return states
}

@Suite struct RebuildTests {
    /// Random-ish valid commands on top of the workload: reopenings, lessons, return visits, half-done
    /// complaints whose SLA timers fire days later, and forgotten customers.
    func extraCommands(on engine: ComplaintEngine, clock: ManualClock, workload: StandardWorkload, complaints: Int) async throws {
        var random = SplitMix64(seed: 2026)
        var sequence = 0
        func send(_ stream: String, _ actor: Actor, _ command: WorkflowCommand) async throws {
            sequence += 1
            clock.advance(by: 30)
            do {
                try await engine.handle(CommandEnvelope(commandId: "extra-\(sequence)", streamId: stream, actor: actor, command: command))
            } catch {
                Issue.record("extra command \(sequence) \(command.name) on \(stream) was refused: \(error)")
            }
        }
        let supervisor = Actor(id: "supervisor-1", role: .supervisor)
        let agent = Actor(id: "agent-desk-1", role: .agent)
        var closed = Array(0..<complaints).shuffled(using: &random)
        for i in closed.prefix(40) {
            try await send("C-\(i)", supervisor, .recordLessons(RecordLessons(findings: "Courier packing checklist missed.", systemic: i % 2 == 0)))
        }
        closed.removeFirst(40)
        for i in closed.prefix(40) {
            try await send("C-\(i)", agent, .recordReturnVisit(RecordReturnVisit(outcome: "Called back; all fine.", satisfied: i % 3 != 0)))
        }
        closed.removeFirst(40)
        for i in closed.prefix(25) {
            try await send("C-\(i)", agent, .reopenComplaint(ReopenComplaint(reason: "The refund never arrived.")))
        }
        // Half-done complaints, left open.
        for j in 0..<60 {
            let steps = workload.steps(forComplaint: complaints + j)
            let length = Int.random(in: 1...(steps.count - 1), using: &random)
            for step in steps.prefix(length) {
                clock.set(step.time)
                sequence += 1
                try await engine.handle(step.envelope)
            }
        }
        // Five days later the SLA timers of every open complaint fire before its next command.
        clock.advance(by: 5 * 86_400)
        let open = try (0..<(complaints + 60)).map { "C-\($0)" }.filter { try engine.complaint($0)?.isOpen == true }
        #expect(open.count >= 60)
        for stream in open {
            try await send(stream, agent, .verifyAuthenticity(VerifyAuthenticity(outcome: .genuine, complete: true, methods: [.factCheck])))
        }
        // Forget a few customers (their personal data becomes unreadable).
        // An improvement cycle (the `improvements` projection).
        let analyst = Actor(id: "qa-1", role: .qualityAnalyst)
        try await send("IMP-1", analyst, .openImprovement(OpenImprovement(trigger: .caseReview, problem: "Late refunds.", owner: analyst.id)))
        try await send("IMP-1", analyst, .recordImprovementRootCause(RecordImprovementRootCause(
            causeClass: .production, method: .fiveWhy, description: "Refunds wait for a weekly batch.")))
        let dpo = Actor(id: "dpo-1", role: .dataProtectionOfficer)
        for customer in [3, 17, 4_000].filter({ $0 < complaints }) {
            try await send("customer:cust-\(customer)", dpo, .forgetCustomer(ForgetCustomer(customerId: "cust-\(customer)")))
        }
    }

    @Test func rebuildingEveryProjectionGivesTheSameBytesAsMaintainingThem() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 99)
        let complaints = Int(ProcessInfo.processInfo.environment["REBUILD_COMPLAINTS"] ?? "") ?? 300
        let (engine, clock) = try await workloadEngine(store, workload)
        try await workload.run(on: engine, clock: clock, complaints: complaints)
        try await extraCommands(on: engine, clock: clock, workload: workload, complaints: complaints)
        let types = Set(try engine.log.read(from: 1, limit: 1_000_000).map(\.type))
        #expect(types.isSuperset(of: ["SlaBreached", "ComplaintReopened", "LessonsRecorded", "CustomerForgotten"]), "\(types.sorted())")

        let maintained = try dumps(engine)
        let states = try complaintStates(engine)
        #expect(maintained.values.allSatisfy { !$0.entries.isEmpty })
        #expect(states.count == complaints + 60)
        try engine.log.rebuildProjections()
        expectEqual(maintained, try dumps(engine), "after rebuild")
        #expect(try complaintStates(engine) == states)
        engine.close()

        let reopened = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: .relaxed))
        defer { reopened.close() }
        expectEqual(maintained, try dumps(reopened), "after reopening")
        #expect(try complaintStates(reopened) == states)
        try reopened.log.rebuildProjections()
        expectEqual(maintained, try dumps(reopened), "after reopening and rebuilding")
        #expect(try complaintStates(reopened) == states)
    }
}
