import ComplaintLMDB
import EventLog
import Foundation
import LogWorkload
import Synchronization

/// `log-bench`: the event log's append and read paths against raw LMDB baselines, in one process,
/// timed with `ContinuousClock`, repeated, reported as medians in WORKLOAD.md's line format.
///
/// Each repetition runs every measurement once, baseline next to the log, so slow phases of this
/// shared machine hit both sides of a ratio alike. Lines on stdout are the figures; progress and
/// per-repetition figures go to stderr.
@main
struct LogBench {
    static func main() async {
        do {
            let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
            try await Runner(options).run()
        } catch let error as Options.Invalid {
            FileHandle.standardError.write(Data("log-bench: \(error.message)\n\n\(Options.usage)\n".utf8))
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("log-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}

struct Options {
    var events = 200_000
    var groupEvents = 50_000
    var single = 2_000
    var concurrent = 20_000
    var callers = 64
    var repetitions = 3
    var directory: String?
    /// Phases to run (for profiling); all when empty.
    var only: Set<String> = []
    static let phases: Set<String> = ["put", "batch", "group", "commit", "concurrency", "scan", "verify"]

    struct Invalid: Error { let message: String }

    static let usage = """
        usage: log-bench [--events N] [--single N] [--concurrent N] [--callers N] [--reps N] [--dir PATH]
          --events N      events per batched run (default 200000; batches of 1000)
          --group-events N  events per run of 1000 concurrent single-event requests (default 50000)
          --single N      durable single appends / raw durable commits per run (default 2000)
          --concurrent N  commands per run of the concurrent durable callers (default 20000)
          --callers N     concurrent durable callers (default 64)
          --reps N        repetitions; figures are medians (default 3)
          --dir PATH      where the temporary stores go (default: the system temp folder)
          --only LIST     run only these phases (comma-separated: put, batch, group, commit,
                          concurrency, scan, verify), e.g. to profile one path
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func number(_ flag: String) throws -> Int {
            guard let text = rest.popFirst(), let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
                throw Invalid(message: "\(flag) needs a positive number")
            }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--events": options.events = try number(flag)
            case "--group-events": options.groupEvents = try number(flag)
            case "--single": options.single = try number(flag)
            case "--concurrent": options.concurrent = try number(flag)
            case "--callers": options.callers = try number(flag)
            case "--reps": options.repetitions = try number(flag)
            case "--dir":
                guard let path = rest.popFirst() else { throw Invalid(message: "--dir needs a path") }
                options.directory = path
            case "--only":
                guard let list = rest.popFirst() else { throw Invalid(message: "--only needs a list") }
                options.only = Set(list.split(separator: ",").map(String.init))
                guard options.only.isSubset(of: phases) else {
                    throw Invalid(message: "unknown phase in \(list); phases: \(phases.sorted().joined(separator: ", "))")
                }
            case "-h", "--help":
                print(usage)
                exit(0)
            default: throw Invalid(message: "unknown argument \(flag)")
            }
        }
        return options
    }
}

/// Samples `RssAnon` every 10 ms on its own thread and keeps the peak.
final class AnonymousMemorySampler: Sendable {
    private let state = Mutex((peak: 0, stop: false))

    func start() {
        let thread = Thread { [self] in
            while true {
                let kilobytes = AnonymousMemory.currentKilobytes() ?? 0
                let stop = state.withLock { state in
                    state.peak = max(state.peak, kilobytes)
                    return state.stop
                }
                if stop { return }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        thread.name = "RssAnon sampler"
        thread.start()
    }

    var peakKilobytes: Int {
        let now = AnonymousMemory.currentKilobytes() ?? 0
        return state.withLock { max($0.peak, now) }
    }

    func stop() { state.withLock { $0.stop = true } }
}

/// One repetition's figure: work done, seconds, and (for commits) each operation's latency.
struct Sample {
    var operations: Int
    var seconds: Double
    var latencies: [Double] = []   // seconds
    var commits: Int = 0
    /// Process CPU seconds (all threads) spent in the measured spans; 0 when not measured.
    var cpuSeconds: Double = 0
    var rate: Double { Double(operations) / seconds }
    var cpuPerOperation: Double { cpuSeconds / Double(operations) }
}

final class Runner {
    let options: Options
    let clock = ContinuousClock()
    let memory = AnonymousMemorySampler()
    var samples: [String: [Sample]] = [:]
    /// Log rate / baseline rate of each paired run, by figure.
    var ratios: [String: [Double]] = [:]
    /// Baseline CPU per operation / log CPU per operation of each paired run, by figure.
    var cpuRatios: [String: [Double]] = [:]
    var records: [[UInt8]] = []

    init(_ options: Options) { self.options = options }

    func runs(_ phase: String) -> Bool { options.only.isEmpty || options.only.contains(phase) }

    func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    func record(_ name: String, _ sample: Sample) {
        samples[name, default: []].append(sample)
        note(String(format: "  %@: %d in %.3f s = %.0f/s", name, sample.operations, sample.seconds, sample.rate))
    }

    /// Records a paired run: the baseline and the log measured side by side, interleaved.
    func record(_ ratio: String, baseline: String, _ raw: Sample, log: String, _ logged: Sample) {
        record(baseline, raw)
        record(log, logged)
        ratios[ratio, default: []].append(logged.rate / raw.rate)
        if raw.cpuSeconds > 0 && logged.cpuSeconds > 0 {
            cpuRatios[ratio, default: []].append(raw.cpuPerOperation / logged.cpuPerOperation)
        }
    }

    func run() async throws {
        memory.start()
        defer { memory.stop() }
        let started = clock.now
        let scratch = try ScratchDirectory("run", base: options.directory)
        defer { scratch.remove() }
        note("log-bench: events \(options.events), group events \(options.groupEvents), single \(options.single), concurrent \(options.concurrent) × \(options.callers) callers, \(options.repetitions) repetitions, in \(scratch.path)")

        records = try await Workload.sampleRecords(in: scratch.child("sample"))
        let recordBytes = Double(records.reduce(0) { $0 + $1.count }) / Double(records.count)

        // The log scanned and verified below: written once, relaxed, in batches.
        let replayLog = try EventLog.open(directory: scratch.child("replay"), configuration: .init(durability: .relaxed))
        defer { replayLog.close() }
        for first in stride(from: 0, to: options.events, by: Workload.batchSize) {
            _ = try await replayLog.append(Workload.batchRequest(first: first, count: min(Workload.batchSize, options.events - first)))
        }
        try replayLog.environment.sync()

        for repetition in 1...options.repetitions {
            note("repetition \(repetition)/\(options.repetitions)")
            if runs("put") { record("baseline-put relaxed no-append", try baselinePuts(.relaxed, append: false, scratch)) }
            for durability in [Durability.relaxed, .durable] {
                for concurrentSingles in [false, true] where runs(concurrentSingles ? "group" : "batch") {
                    let mode = "\(concurrentSingles ? "group" : "batch"):1000 \(durability)"
                    let pair = try await pairedWrites(durability, concurrentSingles: concurrentSingles, scratch)
                    let baseline = "baseline-put \(durability)\(concurrentSingles ? " group" : "")"
                    record(mode, baseline: baseline, pair.raw, log: mode, pair.log)
                }
            }
            if runs("commit") {
                let commits = try await pairedSingleCommits(scratch)
                record("per-command durable", baseline: "baseline-commit", commits.raw, log: "per-command durable", commits.log)
            }
            if runs("concurrency") {
                let concurrent = try await logConcurrentAppends(scratch)
                let raw = try baselineGroupCommits(scratch)
                record("concurrency durable", concurrent)
                record("baseline-commit group", raw)
                // Raw bound: the puts per second of durable commits of `callers` puts each.
                ratios["concurrency", default: []].append(concurrent.rate / raw.rate)
            }
            for _ in 0..<(runs("scan") ? 3 : 0) {
                let raw = try rawScan(replayLog, chunked: false)
                let chunked = try rawScan(replayLog, chunked: true)
                let scan = try logScan(replayLog)
                record("replay", baseline: "baseline-scan", raw, log: "scan", scan)
                record("baseline-scan chunked", chunked)
                ratios["replay chunked", default: []].append(scan.rate / chunked.rate)
                cpuRatios["replay chunked", default: []].append(chunked.cpuPerOperation / scan.cpuPerOperation)
            }
            if runs("verify") {
                let raw = try rawScan(replayLog, chunked: false)
                record("verify", baseline: "baseline-scan", raw, log: "verify", try logVerify(replayLog))
            }
        }

        report(recordBytes: recordBytes)
        note(String(format: "log-bench: done in %.1f s", started.duration(to: clock.now).seconds))
    }

    // MARK: Paired measurements (baseline and log interleaved, so drift hits both)

    /// `events` events in waves of 1,000, each wave followed (or preceded, alternately) by a raw
    /// batch of 1,000 puts of the same record bytes. A log wave is one request of 1,000 events, or
    /// 1,000 concurrent single-event requests (each awaited by its own task) that the writer
    /// group-commits.
    func pairedWrites(_ durability: Durability, concurrentSingles: Bool, _ scratch: ScratchDirectory) async throws -> (raw: Sample, log: Sample) {
        let shape = concurrentSingles ? "group" : "batch"
        let logDirectory = scratch.child("log-\(shape)-\(durability)")
        let rawDirectory = scratch.child("raw-\(shape)-\(durability)")
        let log = try EventLog.open(directory: logDirectory, configuration: .init(durability: durability))
        defer { log.close(); try? FileManager.default.removeItem(atPath: logDirectory) }
        let store = try RawStore.open(directory: rawDirectory, durability: durability)
        defer { store.close(); try? FileManager.default.removeItem(atPath: rawDirectory) }
        let total = concurrentSingles ? options.groupEvents : options.events
        var rawSeconds = 0.0, logSeconds = 0.0, rawCPU = 0.0, logCPU = 0.0
        var first = 0, wave = 0
        while first < total {
            let count = min(Workload.batchSize, total - first)
            for side in wave % 2 == 0 ? [0, 1] : [1, 0] {
                let cpu = ProcessCPU.seconds()
                let start = clock.now
                if side == 0 {
                    try store.putBatch(records, first: UInt64(first + 1), count: count)
                    rawSeconds += start.duration(to: clock.now).seconds
                    rawCPU += ProcessCPU.seconds() - cpu
                } else {
                    try await logWave(log, first: first, count: count, concurrentSingles: concurrentSingles)
                    logSeconds += start.duration(to: clock.now).seconds
                    logCPU += ProcessCPU.seconds() - cpu
                }
            }
            first += count
            wave += 1
        }
        let statistics = log.statistics
        precondition(statistics.events == total, "the log recorded \(statistics.events) of \(total) events")
        return (Sample(operations: total, seconds: rawSeconds, commits: wave, cpuSeconds: rawCPU),
                Sample(operations: total, seconds: logSeconds, commits: statistics.commits, cpuSeconds: logCPU))
    }

    func logWave(_ log: EventLog, first: Int, count: Int, concurrentSingles: Bool) async throws {
        if concurrentSingles {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in first..<(first + count) {
                    group.addTask { _ = try await log.append(Workload.singleRequest(index)) }
                }
                try await group.waitForAll()
            }
        } else {
            _ = try await log.append(Workload.batchRequest(first: first, count: count))
        }
    }

    /// `single` raw durable commits of one put and `single` durable log appends of one event
    /// (one request, awaited), alternating one by one.
    func pairedSingleCommits(_ scratch: ScratchDirectory) async throws -> (raw: Sample, log: Sample) {
        let logDirectory = scratch.child("log-single"), rawDirectory = scratch.child("raw-commit")
        let log = try EventLog.open(directory: logDirectory, configuration: .init(durability: .durable))
        defer { log.close(); try? FileManager.default.removeItem(atPath: logDirectory) }
        let store = try RawStore.open(directory: rawDirectory, durability: .durable)
        defer { store.close(); try? FileManager.default.removeItem(atPath: rawDirectory) }
        var rawLatencies: [Double] = [], logLatencies: [Double] = []
        rawLatencies.reserveCapacity(options.single)
        logLatencies.reserveCapacity(options.single)
        for index in 0..<options.single {
            for side in index % 2 == 0 ? [0, 1] : [1, 0] {
                let before = clock.now
                if side == 0 {
                    try store.commitOne(records[index % records.count], key: UInt64(index + 1))
                    rawLatencies.append(before.duration(to: clock.now).seconds)
                } else {
                    _ = try await log.append(Workload.singleRequest(index))
                    logLatencies.append(before.duration(to: clock.now).seconds)
                }
            }
        }
        return (Sample(operations: options.single, seconds: rawLatencies.reduce(0, +), latencies: rawLatencies, commits: options.single),
                Sample(operations: options.single, seconds: logLatencies.reduce(0, +), latencies: logLatencies,
                       commits: log.statistics.commits))
    }

    // MARK: Single measurements

    /// `events` raw puts of the log's record bytes, 1,000 per write transaction.
    func baselinePuts(_ durability: Durability, append: Bool, _ scratch: ScratchDirectory) throws -> Sample {
        let directory = scratch.child("raw-put-\(durability)-\(append)")
        let store = try RawStore.open(directory: directory, durability: durability)
        defer { store.close(); try? FileManager.default.removeItem(atPath: directory) }
        let total = options.events
        let start = clock.now
        var first = 0
        while first < total {
            let count = min(Workload.batchSize, total - first)
            try store.putBatch(records, first: UInt64(first + 1), count: count, append: append)
            first += count
        }
        return Sample(operations: total, seconds: start.duration(to: clock.now).seconds, commits: (total + 999) / 1000)
    }

    /// Durable commits of `callers` puts each (what one full group commit of single-event
    /// commands would put into the events database alone): the raw bound for concurrent callers.
    func baselineGroupCommits(_ scratch: ScratchDirectory) throws -> Sample {
        let directory = scratch.child("raw-group-commit")
        let store = try RawStore.open(directory: directory, durability: .durable)
        defer { store.close(); try? FileManager.default.removeItem(atPath: directory) }
        let commits = max(options.concurrent / options.callers, 1)
        var latencies: [Double] = []
        latencies.reserveCapacity(commits)
        for commit in 0..<commits {
            let before = clock.now
            try store.putBatch(records, first: UInt64(commit * options.callers + 1), count: options.callers)
            latencies.append(before.duration(to: clock.now).seconds)
        }
        return Sample(operations: commits * options.callers, seconds: latencies.reduce(0, +), latencies: latencies, commits: commits)
    }

    func rawScan(_ log: EventLog, chunked: Bool) throws -> Sample {
        let events = log.environment.database("events")
        let cpu = ProcessCPU.seconds()
        let start = clock.now
        let result = chunked ? try RawStore.scanInChunks(log.environment, events) : try RawStore.scan(log.environment, events)
        let seconds = start.duration(to: clock.now).seconds
        precondition(result.count == options.events, "raw scan saw \(result.count) records")
        return Sample(operations: result.count, seconds: seconds, cpuSeconds: ProcessCPU.seconds() - cpu)
    }

    /// `callers` tasks, each appending one durable single-event command at a time.
    func logConcurrentAppends(_ scratch: ScratchDirectory) async throws -> Sample {
        let directory = scratch.child("log-concurrent")
        let log = try EventLog.open(directory: directory, configuration: .init(durability: .durable))
        defer { log.close(); try? FileManager.default.removeItem(atPath: directory) }
        let total = options.concurrent, callers = options.callers
        let clock = self.clock
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var latencies: [Double] = []
                    latencies.reserveCapacity(total / callers + 1)
                    for index in stride(from: caller, to: total, by: callers) {
                        let before = clock.now
                        _ = try await log.append(Workload.singleRequest(index))
                        latencies.append(before.duration(to: clock.now).seconds)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: [Double]()) { $0 += $1 }
        }
        let seconds = start.duration(to: clock.now).seconds
        return Sample(operations: total, seconds: seconds, latencies: latencies, commits: log.statistics.commits)
    }

    /// The whole log through `read(from:limit:)` in batches of 1,000.
    func logScan(_ log: EventLog) throws -> Sample {
        let cpu = ProcessCPU.seconds()
        let start = clock.now
        var next: UInt64 = 1
        var count = 0
        var checksum: UInt64 = 0
        while true {
            let batch = try log.read(from: next, limit: Workload.batchSize)
            guard let last = batch.last else { break }
            for event in batch { checksum &+= event.streamVersion &+ UInt64(event.payload.count) }
            count += batch.count
            next = last.position + 1
        }
        let seconds = start.duration(to: clock.now).seconds
        precondition(count == options.events && checksum > 0, "the log scan saw \(count) events")
        return Sample(operations: count, seconds: seconds, cpuSeconds: ProcessCPU.seconds() - cpu)
    }

    func logVerify(_ log: EventLog) throws -> Sample {
        let cpu = ProcessCPU.seconds()
        let start = clock.now
        let report = try log.verify()
        let seconds = start.duration(to: clock.now).seconds
        precondition(report.isIntact && report.checked == UInt64(options.events), "verify: \(report)")
        return Sample(operations: Int(report.checked), seconds: seconds, cpuSeconds: ProcessCPU.seconds() - cpu)
    }

    // MARK: Report

    func median(_ name: String) -> (operations: Int, seconds: Double, rate: Double, commits: Int) {
        let list = samples[name] ?? []
        return (list.first?.operations ?? 0, Stats.median(list.map(\.seconds)), Stats.median(list.map(\.rate)),
                list.isEmpty ? 0 : Int(Stats.median(list.map { Double($0.commits) })))
    }

    func latency(_ name: String) -> (p50: Double, p99: Double) {
        let all = (samples[name] ?? []).flatMap(\.latencies)
        return (Stats.percentile(all, 50) * 1e6, Stats.percentile(all, 99) * 1e6)
    }

    func ratio(_ name: String) -> Double { Stats.median(ratios[name] ?? []) }
    func cpuRatio(_ name: String) -> Double { Stats.median(cpuRatios[name] ?? []) }
    func cpuPerOperation(_ name: String) -> Double { Stats.median((samples[name] ?? []).map(\.cpuPerOperation)) * 1e6 }

    func report(recordBytes: Double) {
        func out(_ text: String) { print(text) }
        func number(_ value: Double) -> String { String(format: "%.0f", value) }
        func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
        func fraction(_ value: Double) -> String { String(format: "%.3f", value) }

        out("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(options.repetitions) repetitions (medians), record \(number(recordBytes)) bytes (payload ~\(Workload.payloadBytes))")
        for durability in ["relaxed", "durable"] {
            let put = median("baseline-put \(durability)")
            out("baseline-put: \(put.operations) puts in \(seconds(put.seconds)) s = \(number(put.rate)) puts/s (batch:1000 \(durability))")
        }
        let plain = median("baseline-put relaxed no-append")
        out("baseline-put: \(plain.operations) puts in \(seconds(plain.seconds)) s = \(number(plain.rate)) puts/s (batch:1000 relaxed, no MDB_APPEND)")
        for durability in ["relaxed", "durable"] {
            for shape in ["batch", "group"] {
                let write = median("\(shape):1000 \(durability)")
                out("write: \(write.operations) events in \(seconds(write.seconds)) s = \(number(write.rate)) events/s (\(shape):1000 \(durability))")
                out("commits: \(write.commits) for \(write.operations) events (\(shape):1000 \(durability))")
            }
        }
        let commit = median("baseline-commit")
        let commitLatency = latency("baseline-commit")
        out("baseline-commit: \(number(commit.rate)) commits/s, p50 \(number(commitLatency.p50)) us, p99 \(number(commitLatency.p99)) us")
        let single = median("per-command durable")
        let singleLatency = latency("per-command durable")
        out("write: \(single.operations) events in \(seconds(single.seconds)) s = \(number(single.rate)) events/s (per-command durable)")
        out("latency: p50 \(number(singleLatency.p50)) us, p99 \(number(singleLatency.p99)) us (per-command durable)")
        let concurrent = median("concurrency durable")
        let concurrentLatency = latency("concurrency durable")
        out("write: \(concurrent.operations) events in \(seconds(concurrent.seconds)) s = \(number(concurrent.rate)) events/s (concurrency \(options.callers) durable)")
        out("latency: p50 \(number(concurrentLatency.p50)) us, p99 \(number(concurrentLatency.p99)) us (concurrency \(options.callers) durable)")
        out("commits: \(concurrent.commits) for \(concurrent.operations) commands (concurrency \(options.callers) durable)")
        let group = median("baseline-commit group")
        let groupLatency = latency("baseline-commit group")
        out("baseline-commit: \(number(Double(group.commits) / group.seconds)) commits/s, p50 \(number(groupLatency.p50)) us, p99 \(number(groupLatency.p99)) us (\(options.callers) puts per commit = \(number(group.rate)) puts/s)")
        let scan = median("scan")
        let rawScan = median("baseline-scan")
        let rawChunked = median("baseline-scan chunked")
        out("scan: \(scan.operations) events in \(seconds(scan.seconds)) s = \(number(scan.rate)) events/s (read limit:1000)")
        out("baseline-scan: \(rawScan.operations) records in \(seconds(rawScan.seconds)) s = \(number(rawScan.rate)) records/s (one cursor)")
        out("baseline-scan: \(rawChunked.operations) records in \(seconds(rawChunked.seconds)) s = \(number(rawChunked.rate)) records/s (read txn per 1000)")
        let verify = median("verify")
        out("verify: \(verify.operations) events in \(seconds(verify.seconds)) s = \(number(verify.rate)) events/s")

        out("ratio-write: \(fraction(ratio("batch:1000 durable"))) (batch:1000 durable)")
        out("ratio-write: \(fraction(ratio("batch:1000 relaxed"))) (batch:1000 relaxed)")
        out("ratio-write: \(fraction(ratio("group:1000 durable"))) (group:1000 durable)")
        out("ratio-write: \(fraction(ratio("group:1000 relaxed"))) (group:1000 relaxed)")
        out("ratio-commit: \(fraction(ratio("per-command durable")))")
        out("ratio-commit-p99: \(fraction(singleLatency.p99 / commitLatency.p99)) (per-command p99 / raw commit p99)")
        out("ratio-concurrency: \(fraction(ratio("concurrency"))) (concurrency \(options.callers) durable / raw \(options.callers)-put durable commits)")
        out("ratio-replay: \(fraction(ratio("replay")))")
        out("ratio-replay: \(fraction(ratio("replay chunked"))) (read txn per 1000)")
        out("ratio-verify: \(fraction(ratio("verify")))")
        // CPU-bound paths by process CPU time: steadier than wall time when others load the machine.
        func microseconds(_ value: Double) -> String { String(format: "%.2f", value) }
        for mode in ["batch:1000 relaxed", "group:1000 relaxed"] {
            out("cpu-per-event: log \(microseconds(cpuPerOperation(mode))) us, raw put \(microseconds(cpuPerOperation(mode.hasPrefix("group") ? "baseline-put relaxed group" : "baseline-put relaxed"))) us (\(mode))")
        }
        out("cpu-per-event: log \(microseconds(cpuPerOperation("scan"))) us, raw cursor \(microseconds(cpuPerOperation("baseline-scan"))) us (scan)")
        out("cpu-per-event: log \(microseconds(cpuPerOperation("verify"))) us (verify)")
        out("cpu-ratio-write: \(fraction(cpuRatio("batch:1000 relaxed"))) (batch:1000 relaxed)")
        out("cpu-ratio-write: \(fraction(cpuRatio("group:1000 relaxed"))) (group:1000 relaxed)")
        out("cpu-ratio-replay: \(fraction(cpuRatio("replay")))")
        out("cpu-ratio-verify: \(fraction(cpuRatio("verify")))")
        out("peak-anon-mb: \(number(Double(memory.peakKilobytes) / 1024))")
    }
}
