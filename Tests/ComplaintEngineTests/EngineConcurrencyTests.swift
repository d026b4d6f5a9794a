import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

@Suite struct EngineConcurrencyTests {
    static let tasks = 16
    /// The 1,000 of the brief (in a debug build on the shared 2-core machine about 140 s: the concurrent
    /// run, a sequential reference run and a rebuild); `CONCURRENCY_COMPLAINTS=N` runs another size.
    static let complaints = Int(ProcessInfo.processInfo.environment["CONCURRENCY_COMPLAINTS"] ?? "") ?? 1_000

    /// 16 tasks drive the complaints through their whole lifecycle against one engine and one clock.
    ///
    /// Task `t` owns the complaints `i` with `i % 16 == t` and sends each one's steps in order. The
    /// clock stays monotonic by running in waves, one per instant of the workload's schedule: the
    /// clock moves to the instant, then every task sends its due commands (each for another
    /// complaint) concurrently, and the next wave starts once all have returned. Every command is
    /// thus handled with the clock at exactly its own time, as in a sequential run.
    @Test func sixteenTasksLoseAndDuplicateNothing() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 16)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        let head = try engine.log.headPosition()

        let began = ContinuousClock.now
        var commandIds: [String] = []
        for due in workload.schedule(complaints: Self.complaints) {
            clock.set(due[0].time)
            #expect(due.allSatisfy { $0.time == due[0].time })
            commandIds += due.map(\.envelope.commandId)
            let refusals = await withTaskGroup(of: [String].self) { group in
                for task in 0..<Self.tasks {
                    let mine = due.filter { $0.complaint % Self.tasks == task }
                    guard !mine.isEmpty else { continue }
                    group.addTask {
                        var refused: [String] = []
                        for step in mine {
                            do {
                                try await engine.handle(step.envelope)
                            } catch {
                                refused.append("\(step.envelope.commandId): \(error)")
                            }
                        }
                        return refused
                    }
                }
                return await group.reduce(into: []) { $0 += $1 }
            }
            #expect(refusals.isEmpty, "\(refusals)")
            if !refusals.isEmpty { return }
        }
        let elapsed = ContinuousClock.now - began
        print("EngineConcurrencyTests: \(Self.complaints) complaints, \(commandIds.count) commands, "
            + "\(try engine.log.headPosition() - head) events in \(elapsed)")

        // Positions are gapless, each event's position is its index.
        let newHead = try engine.log.headPosition()
        var events: [RecordedEvent] = []
        var position: UInt64 = 1
        while position <= newHead {
            let batch = try engine.log.read(from: position, limit: 1_000)
            guard let last = batch.last else { break }
            events += batch
            position = last.position + 1
        }
        #expect(events.map(\.position) == Array(1...newHead))

        // Every command id recorded once: its events are exactly the stored result's positions.
        #expect(Set(commandIds).count == commandIds.count)
        var positionsByCommand: [String: [UInt64]] = [:]
        for event in events {
            if let id = event.commandID { positionsByCommand[id, default: []].append(event.position) }
        }
        for id in commandIds {
            let result = try engine.log.commandResult(id)
            #expect(result != nil, "\(id) not recorded")
            let expected = result?.positions.map { Array($0) } ?? []
            #expect(positionsByCommand[id, default: []] == expected, "\(id)")
        }

        // Every complaint closed (or resolved).
        for i in 0..<Self.complaints {
            let status = try engine.complaint(StandardWorkload.streamId(i))?.status
            #expect(status == .closed || status == .resolved, "C-\(i): \(String(describing: status))")
        }

        // Events per complaint equal those of a sequential run of the same workload.
        let sequentialStore = Store()
        defer { sequentialStore.remove() }
        let (sequential, sequentialClock) = try await workloadEngine(sequentialStore, workload)
        defer { sequential.close() }
        try await workload.run(on: sequential, clock: sequentialClock, complaints: Self.complaints)
        let counts = try eventsPerStream(engine.log)
        let sequentialCounts = try eventsPerStream(sequential.log)
        #expect(counts == sequentialCounts)
        #expect(try complaintStates(engine) == complaintStates(sequential))

        // Queues, KPIs and every projection equal a rebuild from scratch.
        let queues = try engine.queueCounts()
        let kpis = try engine.kpis(where: .all)
        let maintained = try dumps(engine)
        try engine.log.rebuildProjections()
        #expect(try engine.queueCounts() == queues)
        #expect(try engine.kpis(where: .all) == kpis)
        expectEqual(maintained, try dumps(engine), "after 16 concurrent tasks, rebuilt")
        #expect(queues == (try sequential.queueCounts()))
        #expect(kpis == (try sequential.kpis(where: .all)))
    }
}
