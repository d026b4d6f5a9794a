@testable import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// Commands and reads the queue and timer tests share (one namespace, so helpers of other test
/// files cannot clash with them).
enum QueueFixture {
    static let owner = Actor(id: "agent-7", role: .agent)
    static let executive = Actor(id: "exec-1", role: .executive)
    /// The command id of one step on one stream.
    static func id(_ stream: String, _ step: String) -> String { "\(stream)/\(step)" }

    static func receive(_ engine: ComplaintEngine, _ stream: String) async throws {
        let command = WorkflowCommand.receiveComplaint(ReceiveComplaint(
            customer: CustomerDetails(id: "cust-\(stream)"), channel: .phone, description: "queue test \(stream)"))
        try await engine.handle(envelope(id(stream, "receive"), command, stream: stream))
    }

    static func acknowledge(_ engine: ComplaintEngine, _ stream: String) async throws {
        try await engine.handle(envelope(id(stream, "ack"), .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), stream: stream))
    }

    static func assess(
        _ engine: ComplaintEngine, _ stream: String, _ severity: Severity, _ urgency: Urgency, importance: Int? = nil
    ) async throws {
        try await engine.handle(envelope(id(stream, "classify"), .classifyComplaint(ClassifyComplaint(category: .logistics)), stream: stream))
        try await engine.handle(envelope(
            id(stream, "assess"),
            .assessSeverity(AssessSeverity(severity: severity, urgency: urgency, customerImportance: importance)), stream: stream))
    }

    static func send(_ engine: ComplaintEngine, _ stream: String, _ step: String, _ command: WorkflowCommand, as actor: Actor = owner) async throws {
        try await engine.handle(envelope(id(stream, step), command, as: actor, stream: stream))
    }

    /// Assigns to `agent-7` and takes the complaint to `awaitingCustomer` (classified and assessed).
    static func bringToCustomer(_ engine: ComplaintEngine, _ stream: String, compensation: Int? = nil) async throws {
        try await send(engine, stream, "assign", .assignComplaint(AssignComplaint(owner: owner.id)), as: supervisor)
        try await send(engine, stream, "investigate", .startInvestigation(StartInvestigation()))
        try await send(engine, stream, "propose", .proposeResolution(ProposeResolution(
            remedies: [.apology], compensationAmount: try compensation.map { try Money(amount: $0) }, responsibility: .company,
            actionPlan: "apologise", dueAt: monday9.addingTimeInterval(7 * 86400))))
        if compensation != nil {
            try await send(engine, stream, "approve", .approveResolution(ApproveResolution()), as: supervisor)
        }
        try await send(engine, stream, "implement", .implementResolution(ImplementResolution(actionsDone: "apologised")))
        try await send(engine, stream, "communicate", .communicateResult(CommunicateResult(
            channel: .phone, rootCauseExplained: true, apologyGiven: true, recourseInformed: true)))
    }

    /// The queues `stream` is in, read back from the index.
    static func queues(of stream: String, in engine: ComplaintEngine) throws -> Set<String> {
        var found: Set<String> = []
        for name in try engine.queueNames() where try engine.queueIds(name.rawValue).contains(stream) {
            found.insert(name.rawValue)
        }
        return found
    }

    /// The queue and timer index entries of the `complaints` projection (keys starting with 0xFF).
    static func indexEntries(_ engine: ComplaintEngine) throws -> [[UInt8]] {
        try engine.log.dumpProjection("complaints").map(\.key).filter { $0.first == 0xFF }
    }
}

@Suite struct QueueTests {
    /// Eleven complaints whose expected order is computed by hand, one sort criterion at a time.
    ///
    /// Receipt minutes after Monday 09:00: H 0, F 1, G 2, E 3, D 4, C 5, B 6, A 7, K 8, L 9, J-2 and
    /// J-10 both 10. H waits for the customer (no running clock); G, K, L and the Js are not
    /// acknowledged (acknowledgement due two hours after receipt, before any resolution clock);
    /// the others run only their resolution clock (due Wednesday).
    static func buildOrderScenario(_ engine: ComplaintEngine, _ clock: ManualClock) async throws {
        typealias F = QueueFixture
        try await F.receive(engine, "H")
        try await F.acknowledge(engine, "H")
        try await F.assess(engine, "H", .general, .normal, importance: 1)
        try await F.bringToCustomer(engine, "H")
        clock.advance(by: 60)
        try await F.receive(engine, "F")
        try await F.acknowledge(engine, "F")
        try await F.assess(engine, "F", .general, .normal, importance: 1)
        clock.advance(by: 60)
        try await F.receive(engine, "G")
        try await F.assess(engine, "G", .general, .normal, importance: 1)
        clock.advance(by: 60)
        try await F.receive(engine, "E")
        try await F.acknowledge(engine, "E")
        try await F.assess(engine, "E", .general, .normal, importance: 3)
        clock.advance(by: 60)
        try await F.receive(engine, "D")
        try await F.acknowledge(engine, "D")
        try await F.assess(engine, "D", .general, .urgent)
        clock.advance(by: 60)
        try await F.receive(engine, "C")
        try await F.acknowledge(engine, "C")
        try await F.assess(engine, "C", .serious, .normal)
        clock.advance(by: 60)
        try await F.receive(engine, "B")
        try await F.acknowledge(engine, "B")
        try await F.assess(engine, "B", .serious, .urgent)
        clock.advance(by: 60)
        try await F.receive(engine, "A")
        try await F.acknowledge(engine, "A")
        try await F.assess(engine, "A", .critical, .normal)
        clock.advance(by: 60)
        try await F.receive(engine, "K")
        clock.advance(by: 60)
        try await F.receive(engine, "L")
        try await F.assess(engine, "L", .general, .normal, importance: 0)
        clock.advance(by: 60)
        try await F.receive(engine, "J-2")
        try await F.receive(engine, "J-10")
    }

    static let unassignedOrder = ["A", "B", "C", "D", "E", "G", "F", "K", "L", "J-10", "J-2"]

    @Test func queuesHoldTheirComplaintsInTheExactDomainOrder() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await Self.buildOrderScenario(engine, clock)

        // critical > serious > general; urgent first; importance higher first; earliest due time
        // (G's acknowledgement before F's resolution), none last (H); receipt (K before L); id bytes.
        #expect(try engine.queueIds("unassigned") == Self.unassignedOrder)
        #expect(try engine.queueIds("level:3") == ["A", "B"])
        #expect(try engine.queueIds("level:0") == ["C", "D", "E", "G", "F", "H", "K", "L", "J-10", "J-2"])
        #expect(try engine.queueIds("owner:agent-7") == ["H"])
        #expect(try engine.queueIds("awaitingCustomer") == ["H"])
        #expect(try engine.queueIds("breached").isEmpty)
        #expect(try engine.queueCounts() == [
            .unassigned: 11, .level(3): 2, .level(0): 10, .owner("agent-7"): 1, .awaitingCustomer: 1,
        ])
        #expect(try engine.queueNames().map(\.rawValue) == ["awaitingCustomer", "level:0", "level:3", "owner:agent-7", "unassigned"])
    }

    @Test func pagesFollowTheOrderAndACursorIsAPositionNotAnOffset() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await Self.buildOrderScenario(engine, clock)

        let first = try engine.queue("unassigned", limit: 4)
        #expect(first.ids == ["A", "B", "C", "D"])
        let cursor = try #require(first.next)
        #expect(QueueCursor(token: cursor.token) == cursor)
        #expect(QueueCursor(token: "zz") == nil)

        // A complaint ahead of the cursor leaves the queue: the next page neither shifts nor repeats.
        try await QueueFixture.send(engine, "B", "assign", .assignComplaint(AssignComplaint(owner: "agent-7")), as: supervisor)
        let second = try engine.queue("unassigned", after: cursor, limit: 4)
        #expect(second.ids == ["E", "G", "F", "K"])
        let secondEnd = try #require(second.next)
        let third = try engine.queue("unassigned", after: secondEnd, limit: 4)
        #expect(third.ids == ["L", "J-10", "J-2"])
        #expect(third.next == nil)
        let exact = try engine.queue("unassigned", limit: 10)
        #expect(exact.ids.count == 10)
        #expect(exact.next == nil)
        #expect(try engine.queue("unassigned", after: QueueCursor(token: cursor.token), limit: 50).ids.first == "E")
    }

    @Test(arguments: ["nope", "level:6", "level:01", "level:-1", "owner:", "Unassigned", ""])
    func anUnknownQueueNameIsATypedError(name: String) async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        do {
            _ = try engine.queue(name)
            Issue.record("\(name) was accepted as a queue")
        } catch {
            #expect(error.code == "validationFailed")
            guard case .refused(let refusal) = error else {
                Issue.record("not a refusal: \(error)")
                return
            }
            #expect(refusal.field == "queue")
        }
    }

    @Test func aQueueNobodyIsInIsEmpty() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        try await QueueFixture.receive(engine, "C-1")
        for name in ["owner:nobody", "level:5", "breached", "followUp", "awaitingApproval"] {
            let page = try engine.queue(name)
            #expect(page.ids.isEmpty && page.next == nil, "\(name)")
        }
        #expect(try engine.queueIds("unassigned") == ["C-1"])
        do {
            _ = try engine.queue("unassigned", limit: 0)
            Issue.record("limit 0 was accepted")
        } catch {
            #expect(error.code == "validationFailed")
        }
    }

    /// Index keys start with 0xFF, which no UTF-8 id can: ids that look like index prefixes, hold
    /// NUL or start with the highest lead byte are states like any other.
    @Test func complaintIdsNeverMeetIndexKeys() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        let ids = ["q", "t\u{0}x", "n\u{7}unassigned", "p", "\u{10FFFF}"]
        for id in ids { try await QueueFixture.receive(engine, id) }
        #expect(try engine.queueIds("unassigned") == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for id in ids { #expect(try engine.complaint(id)?.status == .received) }
        try await engine.advance(to: monday9.addingTimeInterval(3 * 3600))
        #expect(try engine.queueIds("breached").count == ids.count)
        #expect(try engine.queueCounts() == [.unassigned: 5, .level(2): 5, .breached: 5])
    }

    @Test func aComplaintMovesBetweenQueuesWithItsState() async throws {
        typealias F = QueueFixture
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        let id = "C-1"
        try await F.receive(engine, id)
        #expect(try F.queues(of: id, in: engine) == ["unassigned", "level:0"])
        try await F.assess(engine, id, .general, .normal)
        try await F.send(engine, id, "assign", .assignComplaint(AssignComplaint(owner: "agent-7")), as: supervisor)
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:0"])
        try await F.send(engine, id, "escalate", .escalateComplaint(EscalateComplaint(toLevel: 1, reason: "needs a specialist")))
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:1"])

        // The acknowledgement clock breaches at 11:00 and escalates to level 2.
        try await engine.advance(to: monday9.addingTimeInterval(2 * 3600))
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:2", "breached"])
        try await F.acknowledge(engine, id)
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:2"])

        try await F.send(engine, id, "investigate", .startInvestigation(StartInvestigation()))
        try await F.send(engine, id, "propose", .proposeResolution(ProposeResolution(
            remedies: [.compensation], compensationAmount: try Money(amount: 500_000), responsibility: .company,
            actionPlan: "compensate", dueAt: monday9.addingTimeInterval(7 * 86400))))
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:2", "awaitingApproval"])
        try await F.send(engine, id, "approve", .approveResolution(ApproveResolution()), as: supervisor)
        try await F.send(engine, id, "implement", .implementResolution(ImplementResolution(actionsDone: "paid")))
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:2"])
        try await F.send(engine, id, "communicate", .communicateResult(CommunicateResult(
            channel: .phone, rootCauseExplained: true, apologyGiven: true, recourseInformed: true)))
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:2", "awaitingCustomer"])
        try await F.send(engine, id, "accept", .recordCustomerResponse(RecordCustomerResponse(accepted: true)), as: agent)
        #expect(try F.queues(of: id, in: engine) == ["owner:agent-7", "level:2", "followUp"])
        try await F.send(engine, id, "close", .closeComplaint(CloseComplaint(reason: .resolved)))
        #expect(try engine.complaint(id)?.isOpen == false)
        #expect(try F.queues(of: id, in: engine).isEmpty)
        #expect(try engine.queueCounts().isEmpty)
        #expect(try engine.nextTimerDue() == nil)
        #expect(try F.indexEntries(engine).allSatisfy { $0.starts(with: [0xFF, UInt8(ascii: "p")]) })
    }

    @Test func aRebuildGivesByteIdenticalQueueAndTimerIndexes() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await Self.buildOrderScenario(engine, clock)
        try await engine.advance(to: monday9.addingTimeInterval(2 * 3600 + 15 * 60))
        try await QueueFixture.send(engine, "A", "assign", .assignComplaint(AssignComplaint(owner: "agent-7")), as: supervisor)
        try await QueueFixture.send(engine, "E", "withdraw", .withdrawComplaint(WithdrawComplaint()), as: agent)

        let before = try engine.log.dumpProjection("complaints")
        let indexKeys = try QueueFixture.indexEntries(engine)
        #expect(indexKeys.contains { $0.starts(with: [0xFF, UInt8(ascii: "q")]) })
        #expect(indexKeys.contains { $0.starts(with: [0xFF, UInt8(ascii: "t")]) })
        #expect(indexKeys.contains { $0.starts(with: [0xFF, UInt8(ascii: "n")]) })
        let queues = try engine.queueCounts()
        try engine.log.rebuildProjections()
        let after = try engine.log.dumpProjection("complaints")
        #expect(after.map(\.key) == before.map(\.key))
        let indexBefore = before.filter { $0.key.first == 0xFF }
        let indexAfter = after.filter { $0.key.first == 0xFF }
        #expect(indexAfter.map(\.key) == indexBefore.map(\.key))
        #expect(indexAfter.map(\.value) == indexBefore.map(\.value))
        let statesBefore = try before.filter { $0.key.first != 0xFF }.map { try ComplaintStateProjection.decode($0.value) }
        let statesAfter = try after.filter { $0.key.first != 0xFF }.map { try ComplaintStateProjection.decode($0.value) }
        #expect(statesAfter.map(\.state) == statesBefore.map(\.state))
        #expect(statesAfter.map(\.version) == statesBefore.map(\.version))
        #expect(after.map(\.value) == before.map(\.value), "state bytes differ after a rebuild")
        #expect(try engine.queueCounts() == queues)
        #expect(try engine.queueIds("breached") == ["G", "K", "L", "J-10", "J-2"])
    }
}
