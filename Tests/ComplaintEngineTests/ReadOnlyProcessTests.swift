import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing
import TestChildProcess

/// A read-only engine in one process reads a store while another process writes it (the CLI's
/// read commands beside a host): it sees every acknowledged command as soon as it is acknowledged,
/// never writes, and a second writer is refused while the first holds the store.
@Suite struct ReadOnlyProcessTests {
    static let complaints = 30

    @Test func aReadOnlyEngineFollowsAnotherProcessWritingTheStore() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 5)
        let child = try engineChild(["run", store.path, "\(Self.complaints)", "5"])
        var reader: ComplaintEngine?
        defer { reader?.close() }
        var acknowledged: [String] = []
        let clock = ManualClock(workload.start)
        var checks = 0
        var heads: [UInt64] = []

        for await line in child.lines() {
            if line == "done" { break }
            guard line.hasPrefix("ack ") else {
                Issue.record("child said \(line)")
                break
            }
            let commandId = String(line.dropFirst(4))
            acknowledged.append(commandId)
            guard acknowledged.count % 40 == 1 else { continue }
            if reader == nil {
                // The child holds the store: a writer in this process is refused with storeBusy
                // (tried before the reader opens, so the refusal comes from the child's lock).
                do {
                    let second = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
                    second.close()
                    Issue.record("a second writer opened the store")
                } catch let error as EngineError {
                    #expect(error.code == "storeBusy", "\(error)")
                    #expect("\(error)".contains("another writer"), "\(error)")
                }
                reader = try await ComplaintEngine.open(
                    directory: store.path,
                    configuration: .init(policy: StandardWorkload.policy, clock: clock, access: .readOnly))
            }
            let engine = try #require(reader)
            // Everything acknowledged so far is visible, in the log and in the projections.
            for id in acknowledged {
                #expect(try engine.log.commandResult(id) != nil, "\(id) acknowledged but not visible")
            }
            for stream in Set(acknowledged.map { String($0.prefix { $0 != "/" }) }) {
                #expect(try engine.complaint(stream) != nil, "\(stream) acknowledged but has no state")
            }
            let head = try engine.log.headPosition()
            heads.append(head)
            #expect(try engine.log.verify(through: head).isIntact)
            for name in engine.log.configuration.projections.map(\.name) {
                #expect(try engine.log.projectionStatus(name)?.checkpoint ?? 0 >= head, "\(name) behind the log")
            }
            checks += 1
        }
        _ = child.killNow()
        #expect(checks >= 5, "the reader looked only \(checks) times")
        // Never backwards (on a loaded machine the child may have finished before the parent reads its acks,
        // so the heads need not differ).
        #expect(heads == heads.sorted(), "the reader saw the log go back: \(heads)")

        // At the end the reader sees exactly what an uninterrupted in-process run gives.
        let engine = try #require(reader)
        let reference = Store()
        defer { reference.remove() }
        let (expected, referenceClock) = try await workloadEngine(reference, workload)
        defer { expected.close() }
        try await workload.run(on: expected, clock: referenceClock, complaints: Self.complaints)
        #expect(try eventsPerStream(engine.log) == eventsPerStream(expected.log))
        #expect(try complaintStates(engine) == complaintStates(expected))
        #expect(try engine.queueCounts() == expected.queueCounts())
        #expect(try engine.kpis() == expected.kpis())
        // Reading never wrote: a read-only engine records no suggestions and fires no timers.
        let head = try engine.log.headPosition()
        #expect(try await engine.recordImprovementSuggestions().isEmpty)
        #expect(try engine.log.headPosition() == head)
    }
}
