import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing
import TestChildProcess
import SeededRandom

/// Starts the engine's test child (`complaint-engine-test-child`) with `arguments`.
func engineChild(_ arguments: [String]) throws -> ChildProcess {
    try ChildProcess(executable: "complaint-engine-test-child", arguments)
}

/// Events per stream, counted over the whole log.
func eventsPerStream(_ log: EventLog) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    var position: UInt64 = 1
    while true {
        let batch = try log.read(from: position, limit: 1_000)
        guard let last = batch.last else { break }
        for event in batch { counts[event.stream, default: 0] += 1 }
        position = last.position + 1
    }
    return counts
}

@Suite struct EngineCrashTests {
    /// Complaints the child runs (about 13.5 commands each); the kill comes well before the end.
    static let complaints = 40

    @Test(arguments: [7, 1_913, 40_411] as [UInt64])
    func aKilledEngineLosesNoAcknowledgedCommandAndItsProjectionsMatchTheLog(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let killAfter = 5 + Int(random.next() % 300)
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: seed)
        let context = "seed \(seed) (kill after \(killAfter) acks)"

        // 1. The child handles commands durably until it is killed.
        let child = try engineChild(["run", store.path, "\(Self.complaints)", "\(seed)"])
        var acknowledged: [String] = []
        for await line in child.lines() {
            guard line.hasPrefix("ack ") else {
                Issue.record("\(context): child said \(line)")
                break
            }
            acknowledged.append(String(line.dropFirst(4)))
            if acknowledged.count == killAfter { break }
        }
        let ending = child.killNow()
        #expect(child.wasKilled, "\(context): the child ended by \(ending)")
        #expect(acknowledged.count == killAfter, "\(context)")

        // 2. A read-only look at the store exactly as the child left it (nothing catches up).
        let clock = ManualClock(workload.start)
        do {
            let reader = try await ComplaintEngine.open(
                directory: store.path,
                configuration: .init(policy: StandardWorkload.policy, clock: clock, access: .readOnly))
            defer { reader.close() }
            try checkStore(reader, acknowledged: acknowledged, context: "\(context), read-only after the kill")
        }

        // 3. Reopened for writing: the same holds, and every projection equals a rebuild.
        let engine = try await ComplaintEngine.open(
            directory: store.path,
            configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: .relaxed))
        defer { engine.close() }
        try checkStore(engine, acknowledged: acknowledged, context: "\(context), reopened")
        let maintained = try dumps(engine)
        try engine.log.rebuildProjections()
        expectEqual(maintained, try dumps(engine), "\(context): after the kill, rebuilt")

        // 4. The workload continues from the start: acknowledged commands are no-ops, the rest run.
        let acked = Set(acknowledged)
        for due in workload.schedule(complaints: Self.complaints) {
            for step in due {
                clock.set(step.time)
                let head = try engine.log.headPosition()
                do {
                    try await engine.handle(step.envelope)
                } catch {
                    Issue.record("\(context): resending \(step.envelope.commandId) was refused: \(error)")
                    return
                }
                if acked.contains(step.envelope.commandId) {
                    #expect(try engine.log.headPosition() == head, "\(context): \(step.envelope.commandId) recorded again")
                }
            }
        }
        try checkStore(engine, acknowledged: acknowledged, context: "\(context), continued")
        let continued = try dumps(engine)
        try engine.log.rebuildProjections()
        expectEqual(continued, try dumps(engine), "\(context): continued, rebuilt")

        // 5. The result is what an uninterrupted run gives.
        let fresh = Store()
        defer { fresh.remove() }
        let (reference, referenceClock) = try await workloadEngine(fresh, workload)
        defer { reference.close() }
        try await workload.run(on: reference, clock: referenceClock, complaints: Self.complaints)
        #expect(try eventsPerStream(engine.log) == eventsPerStream(reference.log), "\(context)")
        #expect(try complaintStates(engine) == complaintStates(reference), "\(context)")
        #expect(try engine.queueCounts() == reference.queueCounts(), "\(context)")
        #expect(try engine.kpis(where: .all) == reference.kpis(where: .all), "\(context)")
    }

    /// Acknowledged commands present, chain intact, every projection's checkpoint at the head.
    func checkStore(_ engine: ComplaintEngine, acknowledged: [String], context: String) throws {
        for id in acknowledged {
            #expect(try engine.log.commandResult(id) != nil, "\(context): acknowledged \(id) is missing")
        }
        let report = try engine.log.verify()
        #expect(report.isIntact, "\(context): \(report)")
        let head = try engine.log.headPosition()
        for name in engine.log.configuration.projections.map(\.name) {
            let checkpoint = try engine.log.projectionStatus(name)?.checkpoint
            #expect(checkpoint == head, "\(context): projection \(name) checkpoint \(String(describing: checkpoint)) ≠ head \(head)")
        }
    }
}
