import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// `handle(batch:)`: several commands decided in order and recorded in one commit, or none.
@Suite struct BatchTests {
    @Test func aComplaintsCommandsGoInOneCommitAndEachSeesTheStateTheEarlierOnesLeft() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 3)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        let steps = workload.steps(forComplaint: 0)
        clock.set(steps[0].time)
        let commitsBefore = engine.log.statistics.commits
        let results = try await engine.handle(batch: steps.map(\.envelope))
        #expect(engine.log.statistics.commits == commitsBefore + 1)
        #expect(results.count == steps.count)
        #expect(results.allSatisfy { !$0.isEmpty })
        // Positions and stream versions run on without a gap, command by command.
        let events = results.flatMap { $0 }
        #expect(events.map(\.streamVersion) == Array(1...UInt64(events.count)))
        #expect(zip(events, events.dropFirst()).allSatisfy { $1.position == $0.position + 1 })
        #expect(zip(results, steps).allSatisfy { result, step in result.allSatisfy { $0.commandId == step.envelope.commandId } })
        let state = try #require(try engine.complaint("C-0"))
        #expect(state.status == .closed)
        #expect(state.closedReason == .resolved)
    }

    @Test func theStatesEqualThoseOfOneCommandAtATimeAndRebuildGivesTheSameBytes() async throws {
        let workload = StandardWorkload(seed: 5)
        let batched = Store(), single = Store()
        defer { batched.remove(); single.remove() }
        let (a, clockA) = try await workloadEngine(batched, workload)
        defer { a.close() }
        let (b, clockB) = try await workloadEngine(single, workload)
        defer { b.close() }
        // Ten complaints per batch; the same commands at the same instant one by one on the other store.
        for first in stride(from: 0, to: 60, by: 10) {
            let steps = (first..<first + 10).flatMap { workload.steps(forComplaint: $0) }
            clockA.set(steps[0].time)
            clockB.set(steps[0].time)
            try await a.handle(batch: steps.map(\.envelope))
            for step in steps { try await b.handle(step.envelope) }
        }
        #expect(try complaintStates(a) == complaintStates(b))
        #expect(try a.log.headPosition() == b.log.headPosition())
        let maintained = try dumps(a)
        try a.log.rebuildProjections()
        expectEqual(maintained, try dumps(a), "after rebuilding a batched store")
    }

    @Test func newCustomersOfABatchGetKeysAndTheirPersonalDataReadsBack() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 4)
        let (engine, clock) = try await workloadEngine(store, workload)
        let steps = (0..<12).flatMap { workload.steps(forComplaint: $0) }
        clock.set(steps[0].time)
        let results = try await engine.handle(batch: steps.map(\.envelope))
        var received = 0
        for (result, step) in zip(results, steps) {
            guard case .receiveComplaint(let sent) = step.envelope.command else { continue }
            guard case .complaintReceived(let logged)? = result.first?.decided.event else {
                Issue.record("no ComplaintReceived for \(step.envelope.commandId)")
                continue
            }
            #expect(logged.customer == sent.customer)
            #expect(logged.description == sent.description)
            received += 1
        }
        #expect(received == 12)
        engine.close()
        // The keys were stored: a reopened engine (a new key store) seals and reveals with them.
        let reopened = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: .relaxed))
        defer { reopened.close() }
        let next = workload.steps(forComplaint: 12)
        clock.set(next[0].time)
        try await reopened.handle(batch: next.map(\.envelope))
        #expect(try reopened.complaint("C-3")?.customerId == StandardWorkload.customerId(3))
    }

    @Test func oneRefusedCommandRecordsNothingOfTheBatch() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 1)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        clock.set(workload.start)
        let head = try engine.log.headPosition()
        var envelopes = workload.steps(forComplaint: 1).map(\.envelope)
        // Closing before the investigation is refused: the receipt and the others before it go too.
        envelopes.insert(envelopes.last!, at: 2)
        envelopes[2].commandId = "C-1/early-close"
        do {
            try await engine.handle(batch: envelopes)
            Issue.record("the batch was accepted")
        } catch {
            guard case .refused(let refusal) = error else { Issue.record("not a refusal: \(error)"); return }
            #expect(refusal.reason.hasPrefix("batch command 2 (C-1/early-close): "))
        }
        #expect(try engine.log.headPosition() == head)
        #expect(try engine.complaint("C-1") == nil)
        #expect(try engine.log.commandResult("C-1/0") == nil)
    }

    @Test func aRetriedBatchRecordsNothingTwiceAndReturnsTheOriginalEvents() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 1)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        let steps = workload.steps(forComplaint: 2)
        clock.set(steps[0].time)
        // The first three commands on their own, then the whole batch: only the rest is decided.
        for step in steps.prefix(3) { try await engine.handle(step.envelope) }
        let first = try await engine.handle(batch: steps.map(\.envelope))
        let head = try engine.log.headPosition()
        let again = try await engine.handle(batch: steps.map(\.envelope))
        #expect(again == first)
        #expect(try engine.log.headPosition() == head)
        #expect(try engine.complaint("C-2")?.status == .closed)
    }

    @Test func aCommandIdTwiceInOneBatchIsRefused() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 1)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        clock.set(workload.start)
        var envelopes = workload.steps(forComplaint: 0).prefix(2).map(\.envelope)
        envelopes[1].commandId = envelopes[0].commandId
        await #expect(throws: EngineError.self) { try await engine.handle(batch: envelopes) }
        #expect(try engine.log.headPosition() == 1)  // only the policy
    }

    @Test func concurrentBatchesAndSingleCommandsShareCommitsWithoutLosingAny() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 9)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        clock.set(workload.start.addingTimeInterval(600))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let steps = workload.steps(forComplaint: i)
                    if i % 2 == 0 {
                        try await engine.handle(batch: steps.map(\.envelope))
                    } else {
                        for step in steps { try await engine.handle(step.envelope) }
                    }
                }
            }
            try await group.waitForAll()
        }
        for i in 0..<16 { #expect(try engine.complaint("C-\(i)")?.status == .closed) }
        let maintained = try dumps(engine)
        try engine.log.rebuildProjections()
        expectEqual(maintained, try dumps(engine), "after rebuild")
    }
}

@Suite struct AtomicAppendTests {
    func open(_ store: Store) throws -> EventLog {
        try EventLog.open(directory: store.path, configuration: EventLog.Configuration(durability: .relaxed))
    }

    func event(_ type: String = "Noted") -> ProposedEvent {
        ProposedEvent(type: type, actor: EventActor(id: "a", role: "agent"), payload: [1, 2, 3])
    }

    @Test func aGroupIsRecordedInOrderAndLaterRequestsSeeTheEarlierOnes() async throws {
        let store = Store()
        defer { store.remove() }
        let log = try open(store)
        defer { log.close() }
        let results = try await log.append(atomically: [
            AppendRequest(commandID: "x1", stream: "s", kind: "k", expectedVersion: .noStream, events: [event(), event()]),
            AppendRequest(commandID: "x2", stream: "s", kind: "k", expectedVersion: .exact(2), events: [event()]),
        ])
        #expect(results.map(\.positions) == [1...2, 3...3])
        #expect(results[1].streamVersions["s"] == 3)
        #expect(try log.commandResult("x2")?.positions == 3...3)
    }

    @Test func aConflictInAnyRequestRecordsNoneOfThem() async throws {
        let store = Store()
        defer { store.remove() }
        let log = try open(store)
        defer { log.close() }
        _ = try await log.append(AppendRequest(commandID: "old", stream: "t", kind: "k", events: [event()]))
        await #expect(throws: EventLogError.self) {
            try await log.append(atomically: [
                AppendRequest(commandID: "y1", stream: "s", kind: "k", expectedVersion: .noStream, events: [event()]),
                AppendRequest(commandID: "y2", stream: "t", kind: "k", expectedVersion: .exact(7), events: [event()]),
            ])
        }
        do {
            _ = try await log.append(atomically: [
                AppendRequest(commandID: "z1", stream: "s", kind: "k", events: [event()]),
                AppendRequest(commandID: "old", stream: "s", kind: "k", events: [event()]),
            ])
            Issue.record("a recorded command id was accepted in a group")
        } catch {
            #expect(error.code == .versionConflict)
        }
        #expect(try log.headPosition() == 1)
        #expect(try log.commandResult("y1") == nil)
        #expect(try log.commandResult("z1") == nil)
        #expect(try log.streamState("s") == nil)
    }
}
