import Benchmark
import ComplaintLMDB
import EventLog
import Foundation
import LogWorkload

// The event log's append and read paths next to raw LMDB baselines (the same record bytes through
// the thin `ComplaintLMDB` layer). Batched benchmarks use `scalingFactor: .kilo`: one iteration is
// 1,000 events, so throughput reads as events/s and malloc counts as "per 1,000 events".
// Absolute times on the shared 2-core machines drift: compare a log benchmark with its baseline
// from the same run, not with last week's figure. `log-bench` prints the ratios directly.

/// What a benchmark's setup opens and its teardown removes. Touched by one benchmark at a time.
final class Fixture: @unchecked Sendable {
    var scratch: ScratchDirectory?
    var log: EventLog?
    var raw: RawStore?
    var records: [[UInt8]] = []
    var next = 0

    func openLog(_ durability: Durability, preload: Int = 0) async throws {
        let scratch = try ScratchDirectory("bench-log")
        self.scratch = scratch
        let log = try EventLog.open(directory: scratch.child("log"), configuration: .init(durability: durability))
        self.log = log
        for first in stride(from: 0, to: preload, by: Workload.batchSize) {
            _ = try await log.append(Workload.batchRequest(first: first, count: min(Workload.batchSize, preload - first)))
        }
        if preload > 0 { try log.environment.sync() }
        next = preload
    }

    func openRaw(_ durability: Durability) async throws {
        let scratch = try ScratchDirectory("bench-raw")
        self.scratch = scratch
        records = try await Workload.sampleRecords(in: scratch.child("sample"))
        raw = try RawStore.open(directory: scratch.child("raw"), durability: durability)
        next = 0
    }

    func close() {
        log?.close()
        raw?.close()
        scratch?.remove()
        log = nil
        raw = nil
        scratch = nil
        records = []
        next = 0
    }
}

/// Events in the log that the read and verify benchmarks cycle through.
let replayEvents = 100_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .cpuTotal, .mallocCountTotal],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 10_000)

    let batched = Benchmark.Configuration(scalingFactor: .kilo)
    let single = Benchmark.Configuration(scalingFactor: .one, maxIterations: 2_000)

    // MARK: Batched writes: 1,000 events per iteration

    for durability in [Durability.relaxed, .durable] {
        let fixture = Fixture()
        Benchmark("Raw LMDB put ×1,000, one txn (\(durability)) [baseline]", configuration: batched) { benchmark in
            let count = benchmark.scaledIterations.count
            try! fixture.raw!.putBatch(fixture.records, first: UInt64(fixture.next + 1), count: count)
            fixture.next += count
        } setup: {
            try await fixture.openRaw(durability)
        } teardown: {
            fixture.close()
        }
    }

    for durability in [Durability.relaxed, .durable] {
        let fixture = Fixture()
        Benchmark("Log append, 1 request × 1,000 events (\(durability))", configuration: batched) { benchmark async in
            let count = benchmark.scaledIterations.count
            _ = try! await fixture.log!.append(Workload.batchRequest(first: fixture.next, count: count))
            fixture.next += count
        } setup: {
            try await fixture.openLog(durability)
        } teardown: {
            fixture.close()
        }
    }

    for durability in [Durability.relaxed, .durable] {
        let fixture = Fixture()
        Benchmark("Log append, 1,000 concurrent 1-event requests (\(durability))", configuration: batched) { benchmark async in
            let log = fixture.log!
            let first = fixture.next, count = benchmark.scaledIterations.count
            await withTaskGroup(of: Void.self) { group in
                for index in first..<(first + count) {
                    group.addTask { _ = try! await log.append(Workload.singleRequest(index)) }
                }
            }
            fixture.next += count
        } setup: {
            try await fixture.openLog(durability)
        } teardown: {
            fixture.close()
        }
    }

    // MARK: Durable single commits: one per iteration

    do {
        let fixture = Fixture()
        Benchmark("Raw LMDB durable commit, 1 put [baseline]", configuration: single) { benchmark in
            try! fixture.raw!.commitOne(fixture.records[fixture.next % fixture.records.count], key: UInt64(fixture.next + 1))
            fixture.next += 1
        } setup: {
            try await fixture.openRaw(.durable)
        } teardown: {
            fixture.close()
        }
    }

    do {
        let fixture = Fixture()
        Benchmark("Log durable append, 1 event, awaited", configuration: single) { benchmark async in
            _ = try! await fixture.log!.append(Workload.singleRequest(fixture.next))
            fixture.next += 1
        } setup: {
            try await fixture.openLog(.durable)
        } teardown: {
            fixture.close()
        }
    }

    do {
        // 64 callers share 1,000 commands per iteration, each awaiting its own durable append.
        let fixture = Fixture()
        Benchmark("Log durable append, 64 concurrent callers (1,000 commands)", configuration: batched) { benchmark async in
            let log = fixture.log!
            let first = fixture.next, count = benchmark.scaledIterations.count
            await withTaskGroup(of: Void.self) { group in
                for caller in 0..<64 {
                    group.addTask {
                        for index in stride(from: first + caller, to: first + count, by: 64) {
                            _ = try! await log.append(Workload.singleRequest(index))
                        }
                    }
                }
            }
            fixture.next += count
        } setup: {
            try await fixture.openLog(.durable)
        } teardown: {
            fixture.close()
        }
    }

    // MARK: Reads: 1,000 events per iteration, cycling through a 100,000-event log

    do {
        let fixture = Fixture()
        Benchmark("Log read(from:limit: 1,000)", configuration: batched) { benchmark in
            let position = UInt64(fixture.next % replayEvents + 1)
            let events = try! fixture.log!.read(from: position, limit: benchmark.scaledIterations.count)
            blackHole(events)
            fixture.next += benchmark.scaledIterations.count
        } setup: {
            try await fixture.openLog(.relaxed, preload: replayEvents)
            fixture.next = 0
        } teardown: {
            fixture.close()
        }
    }

    do {
        let fixture = Fixture()
        Benchmark("Raw cursor scan of events, 1,000 records [baseline]", configuration: batched) { benchmark in
            let log = fixture.log!
            let events = log.environment.database("events")
            let count = benchmark.scaledIterations.count
            let position = UInt64(fixture.next % replayEvents + 1)
            let checksum = try! RawStore.scan(log.environment, events, from: position, limit: count)
            blackHole(checksum)
            fixture.next += count
        } setup: {
            try await fixture.openLog(.relaxed, preload: replayEvents)
            fixture.next = 0
        } teardown: {
            fixture.close()
        }
    }

    do {
        let fixture = Fixture()
        Benchmark("Log verify, 1,000 records", configuration: batched) { benchmark in
            let count = benchmark.scaledIterations.count
            let from = UInt64(fixture.next % (replayEvents - count) + 1)
            let report = try! fixture.log!.verify(from: from, through: from + UInt64(count) - 1)
            precondition(report.isIntact)
            fixture.next += count
        } setup: {
            try await fixture.openLog(.relaxed, preload: replayEvents)
            fixture.next = 0
        } teardown: {
            fixture.close()
        }
    }
}
