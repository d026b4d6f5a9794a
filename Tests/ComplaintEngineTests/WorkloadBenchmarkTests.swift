import ComplaintEngine
import ComplaintLMDB
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// Throughput of the standard workload end to end. Off unless `WORKLOAD_BENCH` is set (to the number
/// of complaints, default 3,000); run it in a release build:
///
///     WORKLOAD_BENCH=3000 swift test -c release --filter WorkloadBenchmark
@Suite(.enabled(if: ProcessInfo.processInfo.environment["WORKLOAD_BENCH"] != nil))
struct WorkloadBenchmarkTests {
    static let complaints = Int(ProcessInfo.processInfo.environment["WORKLOAD_BENCH"] ?? "") ?? 3_000

    @Test(arguments: [Durability.relaxed, .durable])
    func throughput(durability: Durability) async throws {
        let workload = StandardWorkload(seed: 1)
        for mode in [StandardWorkload.SubmissionMode.perCommand, .concurrent(64)] {
            let store = Store()
            defer { store.remove() }
            let clock = ManualClock(workload.start)
            let engine = try await ComplaintEngine.open(
                directory: store.path,
                configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: durability))
            defer { engine.close() }
            let report = try await workload.run(on: engine, clock: clock, complaints: Self.complaints, mode: mode)
            print("\(report) [\(durability)] \(String(format: "%.2f", report.eventsPerComplaint)) events/complaint")
        }
        // 64 submitters each taking whole complaints, the clock moved forward only: commands are decided up
        // to a few minutes late (timestamps differ from the paced run) but 64 are in flight at once.
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(workload.start)
        let engine = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: durability))
        defer { engine.close() }
        let commitsBefore = engine.log.statistics.commits
        let head = try engine.log.headPosition()
        let began = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for submitter in 0..<64 {
                group.addTask {
                    for i in stride(from: submitter, to: Self.complaints, by: 64) {
                        for step in workload.steps(forComplaint: i) {
                            clock.set(step.time)
                            try await engine.handle(step.envelope)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - began).components
        let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
        let events = try engine.log.headPosition() - head
        print("write: \(events) events in \(String(format: "%.3f", elapsed)) s = \(Int(Double(events) / elapsed)) events/s "
            + "(64 unpaced submitters, \(engine.log.statistics.commits - commitsBefore) commits) [\(durability)]")
        var timerEvents = 0
        var position = head + 1
        while true {
            let batch = try engine.log.read(from: position, limit: 10_000)
            guard let last = batch.last else { break }
            timerEvents += batch.count { $0.commandID?.hasPrefix("timer:") == true }
            position = last.position + 1
        }
        print("unpaced run: \(timerEvents) timer events [\(durability)]")
    }
}
