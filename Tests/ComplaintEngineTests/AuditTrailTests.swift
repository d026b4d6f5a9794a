import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

let auditAgent2 = Actor(id: "agent-2", role: .agent)

func auditReceive(_ customer: String, description: String = "Wrong size delivered") -> WorkflowCommand {
    .receiveComplaint(ReceiveComplaint(customer: CustomerDetails(id: customer), channel: .email, description: description))
}

/// C-1 received by agent-1 at 09:00; C-2 by agent-2 at 09:10; at 12:00 agent-1 acknowledges C-1,
/// which first fires its acknowledgement timers (warning due 10:36, breach due 11:00 with the
/// escalation it triggers, all recorded at 12:00); at 12:10 agent-1 classifies and assesses C-1 and
/// sup-1 assigns it.
func runAuditScenario(_ engine: ComplaintEngine, _ clock: ManualClock) async throws {
    try await engine.handle(envelope("c1", receive))
    clock.advance(by: 600)
    try await engine.handle(envelope("c2", auditReceive("cust-7"), as: auditAgent2, stream: "C-2"))
    clock.set(monday9.addingTimeInterval(3 * 3600))
    try await engine.handle(envelope("c3", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
    clock.advance(by: 600)
    try await engine.handle(envelope("c4", .classifyComplaint(ClassifyComplaint(category: .logistics))))
    try await engine.handle(envelope("c5", .assessSeverity(AssessSeverity(severity: .general, urgency: .normal))))
    try await engine.handle(envelope("c6", .assignComplaint(AssignComplaint(owner: "agent-7")), as: supervisor))
}

/// Every record of the log, read directly (the brute-force answer audit queries must match).
func allRecords(_ engine: ComplaintEngine) throws -> [RecordedEvent] {
    try engine.log.read(from: 1, limit: 100_000)
}

/// Collects every page of a paged query.
func allPages(limit: Int, _ page: (_ after: UInt64, _ limit: Int) throws -> [AuditEntry]) throws -> [AuditEntry] {
    var entries: [AuditEntry] = []
    while true {
        let next = try page(entries.last?.position ?? 0, limit)
        entries += next
        if next.count < limit { return entries }
    }
}

@Suite struct AuditTrailTests {
    @Test func aComplaintsTrailSaysWhoDidWhatWhenUnderWhichCommandPolicyAndRule() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await runAuditScenario(engine, clock)

        let trail = try engine.auditTrail(complaint: "C-1")
        #expect(trail.map(\.eventType) == [
            "ComplaintReceived", "SlaWarningRaised", "SlaBreached", "ComplaintEscalated", "ComplaintAcknowledged",
            "ComplaintClassified", "SeverityAssessed", "ComplaintAssigned",
        ])
        #expect(trail.map(\.streamVersion) == Array(1...8))
        #expect(trail.allSatisfy { $0.stream == "C-1" && $0.streamKind == "complaint" })
        #expect(trail.map(\.position) == trail.map(\.position).sorted())

        let received = trail[0]
        #expect(received.actor == EventActor(id: "agent-1", role: "agent"))
        #expect(received.commandId == "c1")
        #expect(received.occurredAt == monday9 && received.recordedAt == monday9)
        #expect(received.policyVersion == "standard-1" && received.policyPosition == 1)
        #expect(received.rule == nil && received.reason == nil && !received.isAutomatic)

        let breach = trail[2]
        #expect(breach.actor == EventActor(id: "system", role: "system"))
        #expect(breach.commandId == "timer:C-1:acknowledgement:1:breach")
        #expect(breach.rule == "slaBreach" && breach.reason?.isEmpty == false)
        #expect(breach.occurredAt == monday9.addingTimeInterval(2 * 3600))
        #expect(breach.recordedAt == monday9.addingTimeInterval(3 * 3600))
        #expect(breach.policyVersion == "standard-1")
        #expect(trail[3].rule == "acknowledgementBreach" && trail[3].commandId == breach.commandId)
        #expect(trail[7].actor == EventActor(id: "sup-1", role: "supervisor") && trail[7].commandId == "c6")

        // Each entry carries its record's hash and the link to the record before it.
        for entry in trail {
            let record = try #require(try engine.log.event(at: entry.position))
            #expect(entry.hash == record.hash)
            let previous = try engine.log.event(at: entry.position - 1)
            #expect(entry.previousHash == (previous?.hash ?? .genesis))
        }

        // Paging, also after a position of another stream.
        #expect(try allPages(limit: 3) { try engine.auditTrail(complaint: "C-1", after: $0, limit: $1) } == trail)
        let c2 = try #require(try engine.auditTrail(complaint: "C-2").first)
        #expect(try engine.auditTrail(complaint: "C-1", after: c2.position) == trail.filter { $0.position > c2.position })
        #expect(try engine.auditTrail(complaint: "C-1", after: trail[4].position, limit: 2) == Array(trail[5...6]))
        #expect(try engine.auditTrail(complaint: "C-404").isEmpty)
        #expect(try engine.auditTrail(complaint: "C-1", limit: 0).isEmpty)
    }

    @Test func trailsByActorComeFromTheIndexInPositionOrderAndPage() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await runAuditScenario(engine, clock)
        let records = try allRecords(engine)

        for actor in ["agent-1", "agent-2", "sup-1", "system"] {
            let expected = records.filter { $0.actor.id == actor }.map(\.position)
            let trail = try engine.auditTrail(actor: actor)
            #expect(trail.map(\.position) == expected, "\(actor)")
            #expect(trail.allSatisfy { $0.actor.id == actor })
            #expect(try allPages(limit: 2) { try engine.auditTrail(actor: actor, after: $0, limit: $1) } == trail)
        }
        #expect(try engine.auditTrail(actor: "system").first?.eventType == "PolicyActivated")
        // An id that is a prefix of another is its own actor.
        #expect(try engine.auditTrail(actor: "agent").isEmpty)
        #expect(try engine.auditTrail(actor: "agent-1", after: UInt64.max).isEmpty)
    }

    @Test func trailsByTimeAreHalfOpenWindowsOnRecordedAtOrOccurredAt() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await runAuditScenario(engine, clock)
        let records = try allRecords(engine)
        func at(_ minutes: Double) -> Date { monday9.addingTimeInterval(minutes * 60) }

        // Timer events stand for 10:36 and 11:00 but were recorded at 12:00.
        #expect(try engine.auditTrail(from: at(60), to: at(150)).isEmpty)
        let late = try engine.auditTrail(from: at(60), to: at(150), by: .occurredAt)
        #expect(late.map(\.eventType) == ["SlaWarningRaised", "SlaBreached", "ComplaintEscalated"])
        #expect(try engine.auditTrail(from: at(180), to: at(181), by: .occurredAt).map(\.eventType) == ["ComplaintAcknowledged"])
        #expect(try engine.auditTrail(from: at(180), to: at(181)).map(\.eventType) == [
            "SlaWarningRaised", "SlaBreached", "ComplaintEscalated", "ComplaintAcknowledged",
        ])
        // Half-open: an event at the end instant is left out.
        #expect(try engine.auditTrail(from: at(0), to: at(10)).map(\.position) == [1, 2])
        #expect(try engine.auditTrail(from: at(10), to: at(10)).isEmpty)

        // Every window between the instants that matter agrees with a scan of the log, paged or not.
        let instants = [-1.0, 0, 5, 10, 60, 96, 100, 120, 180, 185, 190, 240].map(at)
        for start in instants {
            for end in instants where start < end {
                for field in [AuditTimeField.recordedAt, .occurredAt] {
                    let expected = records.filter {
                        let instant = field == .recordedAt ? $0.recordedAt : $0.occurredAt
                        return instant >= start && instant < end
                    }.map(\.position)
                    #expect(try engine.auditTrail(from: start, to: end, by: field).map(\.position) == expected)
                    let paged = try allPages(limit: 2) { try engine.auditTrail(from: start, to: end, by: field, after: $0, limit: $1) }
                    #expect(paged.map(\.position) == expected, "\(field) \(start) ..< \(end)")
                }
            }
        }
    }

    @Test func entriesNameThePolicyInForceAcrossAPolicyChange() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await engine.handle(envelope("c1", receive))
        engine.close()
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(policy: .category2025, clock: clock))
        defer { engine.close() }
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))

        let policies = try engine.auditTrail(complaint: "policies")
        #expect(policies.map(\.policyVersion) == ["standard-1", ServicePolicy.category2025.version])
        #expect(policies.map(\.policyPosition) == policies.map { Optional($0.position) })
        let trail = try engine.auditTrail(complaint: "C-1")
        #expect(trail.map(\.policyVersion) == ["standard-1", ServicePolicy.category2025.version])
        #expect(trail.map(\.policyPosition) == policies.map { Optional($0.position) })
    }

    @Test func theAuditIndexRebuildsToTheSameBytesAndServesQueriesAfterwards() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await runAuditScenario(engine, clock)
        let before = try engine.log.dumpProjection("audit")
        let trail = try engine.auditTrail(actor: "system")
        let window = try engine.auditTrail(from: monday9, to: monday9.addingTimeInterval(86_400), by: .occurredAt)
        #expect(!before.isEmpty)

        try engine.log.rebuildProjections(["audit"])
        #expect(try engine.log.projectionStatus("audit")?.generation == 2)
        let after = try engine.log.dumpProjection("audit")
        #expect(after.map(\.key) == before.map(\.key) && after.map(\.value) == before.map(\.value))
        #expect(try engine.auditTrail(actor: "system") == trail)
        #expect(try engine.auditTrail(from: monday9, to: monday9.addingTimeInterval(86_400), by: .occurredAt) == window)
    }
}
