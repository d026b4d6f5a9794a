import ComplaintEngine
import ComplaintWorkflow
import Foundation
import Testing

/// What `handle` returns is built from the decisions and the append's result, not read back from
/// the log: it must equal what reading the records back gives, field for field.
@Suite struct HandledEventsTests {
    @Test func batchResultsEqualTheRecordsReadBack() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 11)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        // 60 complaints cover every branch of the workload: critical approvals, escalations,
        // rejected first proposals, amounts, personal fields.
        for complaint in stride(from: 0, to: 60, by: 6) {
            let steps = (complaint..<(complaint + 6)).flatMap { workload.steps(forComplaint: $0) }
            clock.set(steps[0].time)
            let results = try await engine.handle(batch: steps.map(\.envelope))
            try expectReadBackEquals(results.flatMap { $0 }, engine, streams: Set(steps.map(\.envelope.streamId)))
        }
    }

    @Test func singleCommandResultsEqualTheRecordsReadBackEvenAtSubMicrosecondInstants() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 12)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        for complaint in 0..<25 {
            var returned: [LoggedEvent] = []
            for step in workload.steps(forComplaint: complaint) {
                // The log keeps whole microseconds; the clock here has a fraction of one.
                clock.set(step.time.addingTimeInterval(0.000_000_37))
                returned += try await engine.handle(step.envelope)
            }
            try expectReadBackEquals(returned, engine, streams: [StandardWorkload.streamId(complaint)])
            // A retried command returns its original events (read back) unchanged.
            let first = workload.steps(forComplaint: complaint)[0]
            #expect(try await engine.handle(first.envelope) == returned.filter { $0.commandId == first.envelope.commandId })
        }
    }

    private func expectReadBackEquals(_ returned: [LoggedEvent], _ engine: ComplaintEngine, streams: Set<String>) throws {
        let readBack = try streams.sorted().flatMap { try engine.loggedEvents(stream: $0) }
        #expect(returned.count == readBack.count)
        let byPosition = Dictionary(uniqueKeysWithValues: readBack.map { ($0.position, $0) })
        for event in returned {
            #expect(byPosition[event.position] == event, "position \(event.position)")
        }
    }
}
