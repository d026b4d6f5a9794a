import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

@Suite struct SubscriptionFeedTests {
    @Test(.timeLimit(.minutes(1)))
    func aFeedStartedMidwaySeesEveryLaterEventOnceInOrderWhileCommandsRun() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        for index in 0..<5 {
            try await engine.handle(envelope("pre-\(index)", auditReceive("cust-pre-\(index)"), stream: "P-\(index)"))
        }
        // Start two events back: each feed first catches up on what is recorded, then follows live.
        let start = try engine.log.headPosition() - 1
        let writers = 8
        let perWriter = 10
        let expected = 2 + writers * perWriter
        let (caughtUp, signal) = AsyncStream<Void>.makeStream()

        let events = Task {
            var seen: [LoggedEvent] = []
            for try await event in engine.events(from: start) {
                seen.append(event)
                if seen.count == 2 { signal.yield() }
                if seen.count == expected { break }
            }
            return seen
        }
        let changes = Task {
            var seen: [ComplaintChange] = []
            for try await change in engine.complaintChanges(from: start) {
                seen.append(change)
                if seen.count == 2 { signal.yield() }
                if seen.count == expected { break }
            }
            return seen
        }
        // The writers start only once both feeds are live, so every later event reaches them while
        // commands are being decided and committed concurrently.
        var live = 0
        for await _ in caughtUp {
            live += 1
            if live == 2 { break }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<perWriter {
                        let id = "W\(writer)-\(index)"
                        try await engine.handle(envelope("cmd-\(id)", auditReceive("cust-\(id)"), stream: id))
                    }
                }
            }
            try await group.waitForAll()
        }
        let seen = try await events.value
        let changed = try await changes.value
        let records = try engine.log.read(from: start, limit: expected + 10)
        #expect(records.count == expected)
        #expect(seen.map(\.position) == Array(start..<start + UInt64(expected)))
        #expect(seen.map(\.stream) == records.map(\.stream))
        #expect(seen.map(\.commandId) == records.map(\.commandID))
        #expect(seen.map(\.hash) == records.map(\.hash))
        #expect(seen.allSatisfy { $0.decided.event.typeName == "ComplaintReceived" })
        #expect(changed == records.map {
            ComplaintChange(complaintId: $0.stream, position: $0.position, streamVersion: $0.streamVersion, eventType: $0.type)
        })
    }

    @Test(.timeLimit(.minutes(1)))
    func theEventFeedDecodesWorkflowEventsAndSkipsPolicyRecords() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        try await engine.handle(envelope("c1", receive))
        var iterator = engine.events(from: 1).makeAsyncIterator()
        let first = try #require(try await iterator.next())
        #expect(first.position == 2)
        guard case .complaintReceived(let received) = first.decided.event else {
            Issue.record("not a receipt")
            return
        }
        #expect(received.customer.name == "Li Lei")
        #expect(first.decided.actor == agent && first.commandId == "c1")
    }

    /// A host reading "up to the head" must get there even when the head is a `PolicyActivated`
    /// record, which the feed does not deliver. The reads run in the test's own task, so the time
    /// limit's cancellation would end a feed that waited for ever (and the expectations would fail).
    @Test(.timeLimit(.minutes(1)))
    func aFeedReadThroughAPolicyRecordHeadEndsThere() async throws {
        let store = Store()
        defer { store.remove() }
        let first = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        // A fresh store's head is its first policy activation: there is nothing to read, and the feed ends.
        var none: [UInt64] = []
        for try await event in first.events(from: 1, through: try first.log.headPosition()) { none.append(event.position) }
        #expect(none.isEmpty)
        try await first.handle(envelope("c1", receive))
        first.close()

        let engine = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(policy: .category2025, clock: ManualClock(monday9)))
        defer { engine.close() }
        let head = try engine.log.headPosition()
        #expect(try engine.log.event(at: head)?.type == "PolicyActivated")
        var seen: [UInt64] = []
        for try await event in engine.events(from: 1, through: head) { seen.append(event.position) }
        #expect(seen == [2])
        var fromTheHead: [UInt64] = []
        for try await event in engine.events(from: head, through: head) { fromTheHead.append(event.position) }
        #expect(fromTheHead.isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func aFeedReadThroughAPositionNotYetRecordedWaitsForItAndEnds() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        let next = try engine.log.headPosition() + 1
        func types(through last: UInt64) async throws -> [String] {
            var types: [String] = []
            for try await event in engine.events(from: 1, through: last) { types.append(event.decided.event.typeName) }
            return types
        }
        async let read = types(through: next)
        try await engine.handle(envelope("c1", receive))
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
        #expect(try await read == ["ComplaintReceived"])
    }

    @Test(.timeLimit(.minutes(1)))
    func complaintChangesFollowComplaintStreamsOnlyIncludingTimerEvents() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        let reader = Task {
            var seen: [ComplaintChange] = []
            for try await change in engine.complaintChanges() {
                seen.append(change)
                if change.complaintId == "C-3" { break }
            }
            return seen
        }
        try await engine.handle(envelope("c1", receive))
        clock.advance(by: 3 * 3600)
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
        let dpo = Actor(id: "dpo-1", role: .dataProtectionOfficer)
        try await engine.handle(envelope("c3", .forgetCustomer(ForgetCustomer(customerId: "cust-9")), as: dpo, stream: "customer:cust-9"))
        try await engine.handle(envelope("c4", auditReceive("cust-3"), stream: "C-3"))
        let seen = try await reader.value
        #expect(seen.map(\.eventType) == [
            "ComplaintReceived", "SlaWarningRaised", "SlaBreached", "ComplaintEscalated", "ComplaintAcknowledged",
            "ComplaintReceived",
        ])
        #expect(seen.map(\.complaintId) == ["C-1", "C-1", "C-1", "C-1", "C-1", "C-3"])
        #expect(seen.map(\.streamVersion) == [1, 2, 3, 4, 5, 1])
        let complaintRecords = try engine.log.read(from: 1).filter { $0.streamKind == "complaint" }
        #expect(seen.map(\.position) == complaintRecords.map(\.position))
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingAWaitingFeedEndsIt() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        try await engine.handle(envelope("c1", receive))
        let head = try engine.log.headPosition()
        let events = Task {
            var count = 0
            for try await _ in engine.events(from: head + 1) { count += 1 }
            return count
        }
        let changes = Task {
            var count = 0
            for try await _ in engine.complaintChanges(from: 1) { count += 1 }
            return count
        }
        events.cancel()
        changes.cancel()
        #expect(try await events.value == 0)
        #expect(try await changes.value <= 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func closingTheEngineEndsAWaitingFeed() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        try await engine.handle(envelope("c1", receive))
        var iterator = engine.complaintChanges().makeAsyncIterator()
        #expect(try await iterator.next()?.complaintId == "C-1")
        let waiting = Task { [iterator] in
            var iterator = iterator
            return try await iterator.next()
        }
        engine.close()
        #expect(try await waiting.value == nil)
    }
}
