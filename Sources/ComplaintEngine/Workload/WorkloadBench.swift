public import ComplaintLMDB
import ComplaintWorkflow
import EventLog
public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The standard workload as a benchmark (`WORKLOAD.md`): writes it through the engine in one of the
/// submission modes, rebuilds every projection from the log (`replay`), and measures raw LMDB
/// baselines in the same process and run, printing the workload's machine-readable lines.
///
/// `complaintctl bench` and the `Benchmarks` package's `engine-bench` both call ``run(output:)``.
public struct WorkloadBench: Sendable {
    /// How the commands are submitted.
    public enum Mode: Sendable, Hashable, CustomStringConvertible {
        /// Every command its own commit, one at a time, in time order.
        case perCommand
        /// One commit per complaint (``ComplaintEngine/handle(batch:)`` with its commands).
        case perComplaint
        /// One commit per `n` complaints.
        case batch(Int)
        /// `n` concurrent submitters, each taking whole complaints and awaiting each command's result.
        case concurrency(Int)

        /// Parses `per-command`, `per-complaint`, `batch:N`.
        public init?(commit: String) {
            switch commit {
            case "per-command": self = .perCommand
            case "per-complaint": self = .perComplaint
            default:
                guard commit.hasPrefix("batch:"), let n = Int(commit.dropFirst(6)), n > 0 else { return nil }
                self = .batch(n)
            }
        }

        public var description: String {
            switch self {
            case .perCommand: "per-command"
            case .perComplaint: "per-complaint"
            case .batch(let n): "batch:\(n)"
            case .concurrency(let n): "concurrency \(n)"
            }
        }
    }

    /// What to run.
    public struct Options: Sendable {
        /// Complaints written per repetition.
        public var complaints = 2_000
        /// How they are submitted.
        public var mode = Mode.perCommand
        /// Commit durability of the engine (and of the put baseline).
        public var durability = Durability.durable
        /// Whether to rebuild every projection from the written log and time it.
        public var replay = true
        /// Whether to write at all (`false` with ``store`` replays an existing store).
        public var write = true
        /// Repetitions; every figure is the median.
        public var repetitions = 3
        /// Raw single-put durable commits per repetition for `baseline-commit`.
        public var baselineCommits = 300
        /// Where temporary stores go (default: the system temp folder).
        public var directory: String?
        /// Replay this existing store instead of a freshly written one (it is not removed).
        public var store: String?
        /// The workload's seed.
        public var seed: UInt64 = 1
        /// With ``store``: time only the catch-up of the projections when the engine opens the
        /// store (all of the log for a store from ``WorkloadBench/generateLargeLog(at:events:templates:seed:progress:)``),
        /// not a full rebuild after it.
        public var catchUpOnly = false

        public init() {}
    }

    public let options: Options

    public init(_ options: Options) { self.options = options }

    struct Sample {
        var count: Int
        var seconds: Double
        var cpu: Double
        var commits = 0
        var latencies: [Double] = []
        var rate: Double { seconds > 0 ? Double(count) / seconds : 0 }
    }

    /// Runs the benchmark and prints its lines through `output`.
    public func run(output: (String) -> Void) async throws {
        let sampler = AnonymousMemorySampler()
        sampler.start()
        defer { sampler.stop() }
        let base = options.directory ?? NSTemporaryDirectory()
        let scratch = (base.hasSuffix("/") ? base : base + "/") + "complaint-bench-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var writes: [Sample] = []
        var replays: [Sample] = []
        var puts: [Sample] = []
        var commits: [Sample] = []
        var scans: [Sample] = []
        var writeRatios: [Double] = []
        var replayRatios: [Double] = []
        for repetition in 0..<max(1, options.repetitions) {
            let path = options.store ?? scratch + "/engine-\(repetition)"
            if options.write {
                let write = try await writeWorkload(into: path)
                writes.append(write)
                let put = try baselinePut(records: Self.sampleRecords(path), count: max(write.count, 10_000), scratch + "/put-\(repetition)")
                puts.append(put)
                writeRatios.append(write.rate / put.rate)
            }
            commits.append(try baselineCommits(scratch + "/commit-\(repetition)"))
            if options.replay {
                let replay = try await replayAll(path)
                replays.append(replay)
                let scan = try baselineScan(path)
                scans.append(scan)
                replayRatios.append(replay.rate / scan.rate)
            }
            if options.store == nil { try? FileManager.default.removeItem(atPath: path) }
        }

        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? .nan : sorted[(sorted.count - 1) / 2]
        }
        func medianSample(_ samples: [Sample]) -> Sample {
            samples.sorted { $0.rate < $1.rate }[(samples.count - 1) / 2]
        }
        func number(_ value: Double) -> String { String(Int(value.rounded())) }
        func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
        func fraction(_ value: Double) -> String { String(format: "%.3f", value) }
        let commit = medianSample(commits)
        let commitP50 = median(commits.map { Self.percentile($0.latencies, 50) })
        let commitP99 = median(commits.map { Self.percentile($0.latencies, 99) })
        if !writes.isEmpty {
            let write = medianSample(writes)
            var extra = "\(options.durability), \(write.commits) commits, cpu \(String(format: "%.1f", write.cpu / Double(write.count) * 1e6)) us/event"
            var p99Ratio: Double?
            if !write.latencies.isEmpty {
                let p50 = median(writes.map { Self.percentile($0.latencies, 50) })
                let p99 = median(writes.map { Self.percentile($0.latencies, 99) })
                extra += ", per command p50 \(number(p50 * 1e6)) us, p99 \(number(p99 * 1e6)) us"
                p99Ratio = p99 / commitP99
            }
            output("write: \(write.count) events in \(seconds(write.seconds)) s = \(number(write.rate)) events/s (\(options.mode), \(extra))")
            let put = medianSample(puts)
            output("baseline-put: \(put.count) puts in \(seconds(put.seconds)) s = \(number(put.rate)) puts/s (batches of 1000, \(options.durability))")
            output("baseline-commit: \(number(commit.rate)) commits/s, p50 \(number(commitP50 * 1e6)) us, p99 \(number(commitP99 * 1e6)) us")
            output("ratio-write: \(fraction(median(writeRatios)))")
            if options.durability == .durable {
                // The sync bound: the engine's commits per second against raw single-put commits.
                let syncRatios = zip(writes, commits).map { Double($0.commits) / $0.seconds / $1.rate }
                output("ratio-sync: \(fraction(median(syncRatios))) (engine commits/s ÷ raw durable commits/s)")
            }
            if let p99Ratio { output("ratio-p99: \(fraction(p99Ratio)) (per-command p99 ÷ raw single-put commit p99)") }
        } else {
            output("baseline-commit: \(number(commit.rate)) commits/s, p50 \(number(commitP50 * 1e6)) us, p99 \(number(commitP99 * 1e6)) us")
        }
        if !replays.isEmpty {
            let replay = medianSample(replays)
            let scan = medianSample(scans)
            output("replay: \(replay.count) events in \(seconds(replay.seconds)) s = \(number(replay.rate)) events/s (every projection, cpu \(String(format: "%.2f", replay.cpu / Double(max(replay.count, 1)) * 1e6)) us/event)")
            output("baseline-scan: \(scan.count) records in \(seconds(scan.seconds)) s = \(number(scan.rate)) records/s")
            output("ratio-replay: \(fraction(median(replayRatios)))")
        }
        sampler.stop()
        output("peak-anon-mb: \(number(Double(sampler.peakKilobytes) / 1024))")
    }

    // MARK: Writing

    func openEngine(_ path: String, clock: ManualClock) async throws -> ComplaintEngine {
        try await ComplaintEngine.open(directory: path, configuration: EngineConfiguration(
            policy: StandardWorkload.policy, clock: clock, durability: options.durability))
    }

    func writeWorkload(into path: String) async throws -> Sample {
        let workload = StandardWorkload(seed: options.seed)
        let clock = ManualClock(workload.start)
        let engine = try await openEngine(path, clock: clock)
        defer { engine.close() }
        let head = try engine.log.headPosition()
        let commitsBefore = engine.log.statistics.commits
        let cpuBefore = Self.processCPU()
        let began = ContinuousClock.now
        var latencies: [Double] = []
        switch options.mode {
        case .perCommand:
            latencies.reserveCapacity(options.complaints * 13)
            for due in workload.schedule(complaints: options.complaints) {
                clock.set(due[0].time)
                for step in due {
                    let start = ContinuousClock.now
                    try await Self.handle(step, engine)
                    latencies.append((ContinuousClock.now - start).secondsValue)
                }
            }
        case .perComplaint:
            for i in 0..<options.complaints {
                let steps = workload.steps(forComplaint: i)
                clock.set(steps[0].time)
                try await Self.handle(batch: steps, engine)
            }
        case .batch(let n):
            var i = 0
            while i < options.complaints {
                let range = i..<min(i + n, options.complaints)
                let steps = range.flatMap { workload.steps(forComplaint: $0) }
                clock.set(steps[0].time)
                try await Self.handle(batch: steps, engine)
                i = range.upperBound
            }
        case .concurrency(let n):
            // n submitters each take whole complaints; the clock only moves forward, so commands are
            // decided up to a few minutes late, but n are in flight at once.
            let complaints = options.complaints
            try await withThrowingTaskGroup(of: Void.self) { group in
                for submitter in 0..<max(1, n) {
                    group.addTask {
                        for i in stride(from: submitter, to: complaints, by: max(1, n)) {
                            for step in workload.steps(forComplaint: i) {
                                clock.set(step.time)
                                try await Self.handle(step, engine)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let elapsed = (ContinuousClock.now - began).secondsValue
        let cpu = Self.processCPU() - cpuBefore
        let events = Int(try engine.log.headPosition() - head)
        return Sample(
            count: events, seconds: elapsed, cpu: cpu, commits: engine.log.statistics.commits - commitsBefore,
            latencies: latencies)
    }

    static func handle(_ step: StandardWorkload.Step, _ engine: ComplaintEngine) async throws {
        do {
            try await engine.handle(step.envelope)
        } catch {
            throw StandardWorkload.Refusal(
                complaint: step.complaint, step: step.index, command: step.envelope.command.name,
                commandId: step.envelope.commandId, code: error.code, reason: error.description)
        }
    }

    static func handle(batch steps: [StandardWorkload.Step], _ engine: ComplaintEngine) async throws {
        do {
            try await engine.handle(batch: steps.map(\.envelope))
        } catch {
            throw StandardWorkload.Refusal(
                complaint: steps[0].complaint, step: 0, command: steps[0].envelope.command.name,
                commandId: steps[0].envelope.commandId, code: error.code, reason: error.description)
        }
    }

    // MARK: Replay

    /// Rebuilds every projection of the store from position 1 (`EventLog.rebuildProjections()`).
    func replayAll(_ path: String) async throws -> Sample {
        let workload = StandardWorkload(seed: options.seed)
        var cpuBefore = Self.processCPU()
        var began = ContinuousClock.now
        let engine = try await openEngine(path, clock: ManualClock(workload.start))
        defer { engine.close() }
        let events = Int(try engine.log.headPosition())
        if options.catchUpOnly {
            // Opening caught every projection up from its checkpoint (the whole log for a generated store).
            return Sample(count: events, seconds: (ContinuousClock.now - began).secondsValue, cpu: Self.processCPU() - cpuBefore)
        }
        cpuBefore = Self.processCPU()
        began = ContinuousClock.now
        try engine.log.rebuildProjections()
        return Sample(count: events, seconds: (ContinuousClock.now - began).secondsValue, cpu: Self.processCPU() - cpuBefore)
    }

    // MARK: Large logs

    /// Writes a store of about `events` events quickly, for rebuild and memory checks at scale:
    /// the first `templates` complaints go through the engine (``ComplaintEngine/handle(batch:)``,
    /// 100 complaints a commit, relaxed), then their recorded events are appended again, unchanged
    /// but for the stream (`C-<i>` for complaint `i`), through the bare log (no projections, no
    /// decisions) in requests of about 1,000 events until the log holds `events`. Every appended
    /// record is one the engine produced (same types, payloads, sealed fields and metadata), so
    /// the projections do the same work per event as on a log written wholly through the engine.
    /// The projections are left behind the log: opening an engine on the store catches them up.
    public static func generateLargeLog(
        at path: String, events target: Int, templates: Int = 5_000, seed: UInt64 = 1, progress: ((Int) -> Void)? = nil
    ) async throws {
        let workload = StandardWorkload(seed: seed)
        let clock = ManualClock(workload.start)
        do {
            let engine = try await ComplaintEngine.open(directory: path, configuration: EngineConfiguration(
                policy: StandardWorkload.policy, clock: clock, durability: .relaxed))
            defer { engine.close() }
            var i = 0
            while i < templates {
                let range = i..<min(i + 100, templates)
                let steps = range.flatMap { workload.steps(forComplaint: $0) }
                clock.set(steps[0].time)
                try await handle(batch: steps, engine)
                i = range.upperBound
            }
        }
        let log = try EventLog.open(directory: path, configuration: EventLog.Configuration(durability: .relaxed))
        defer { log.close() }
        var byStream: [String: [RecordedEvent]] = [:]
        var position: UInt64 = 1
        while true {
            let batch = try log.read(from: position, limit: 10_000)
            guard let last = batch.last else { break }
            for record in batch where record.streamKind == StreamKind.complaint.rawValue { byStream[record.stream, default: []].append(record) }
            position = last.position + 1
        }
        let template: [[ProposedEvent]] = (0..<templates).map { i in
            (byStream[StandardWorkload.streamId(i)] ?? []).map {
                ProposedEvent(
                    type: $0.type, schemaVersion: $0.schemaVersion, actor: $0.actor, occurredAt: $0.occurredAt,
                    correlationID: $0.correlationID, causationID: $0.causationID, payload: $0.payload, metadata: $0.metadata)
            }
        }
        var total = Int(try log.headPosition())
        var complaint = templates
        while total < target {
            var streams: [StreamAppend] = []
            var count = 0
            while count < 1_000, total + count < target {
                let events = template[complaint % templates]
                streams.append(StreamAppend(
                    stream: StandardWorkload.streamId(complaint), kind: StreamKind.complaint.rawValue, expectedVersion: .noStream,
                    events: events))
                count += events.count
                complaint += 1
            }
            _ = try await log.append(AppendRequest(streams: streams))
            total += count
            if complaint % 10_000 < streams.count { progress?(total) }
        }
    }

    // MARK: Baselines (the thin LMDB layer, no engine, no log)

    /// Up to 1,000 of the log's own record bytes, to put in the baselines.
    static func sampleRecords(_ path: String) throws -> [[UInt8]] {
        let environment = try Environment.open(directory: path, configuration: EnvironmentConfiguration(
            databases: [DatabaseSpec("events")], durability: .relaxed, access: .readOnly))
        defer { environment.close() }
        let events = environment.database("events")
        return try environment.read { txn in
            try txn.withCursor(on: events) { cursor in
                var records: [[UInt8]] = []
                var entry = try cursor.first()
                while let current = entry, records.count < 1_000 {
                    records.append(Array(current.value))
                    entry = try cursor.next()
                }
                return records
            }
        }
    }

    /// `count` puts of the log's record bytes in transactions of 1,000 (`MDB_APPEND`, big-endian
    /// position keys, as the log's events database), at the run's durability.
    func baselinePut(records: [[UInt8]], count: Int, _ path: String) throws -> Sample {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let environment = try Environment.open(directory: path, configuration: EnvironmentConfiguration(
            databases: [DatabaseSpec("events")], durability: options.durability))
        defer { environment.close() }
        let events = environment.database("events")
        let records = records.isEmpty ? [[UInt8](repeating: 7, count: 400)] : records
        let cpuBefore = Self.processCPU()
        let began = ContinuousClock.now
        var next: UInt64 = 1
        while next <= UInt64(count) {
            let last = min(next + 999, UInt64(count))
            try environment.write { txn in
                for position in next...last {
                    var key = position.bigEndian
                    try withUnsafeBytes(of: &key) { k in
                        try records[Int(position) % records.count].withUnsafeBytes { v in
                            try txn.put(in: events, key: k, value: v, append: true)
                        }
                    }
                }
            }
            next = last + 1
        }
        try environment.sync(force: true)
        return Sample(count: count, seconds: (ContinuousClock.now - began).secondsValue, cpu: Self.processCPU() - cpuBefore)
    }

    /// Durable commits of one 400-byte put each: the sync bound and the single-commit latency.
    func baselineCommits(_ path: String) throws -> Sample {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let environment = try Environment.open(directory: path, configuration: EnvironmentConfiguration(
            databases: [DatabaseSpec("events")], durability: .durable))
        defer { environment.close() }
        let events = environment.database("events")
        let record = [UInt8](repeating: 0x5A, count: 400)
        var latencies: [Double] = []
        let count = max(1, options.baselineCommits)
        latencies.reserveCapacity(count)
        let began = ContinuousClock.now
        for position in 1...UInt64(count) {
            let start = ContinuousClock.now
            try environment.write { txn in
                var key = position.bigEndian
                try withUnsafeBytes(of: &key) { k in
                    try record.withUnsafeBytes { try txn.put(in: events, key: k, value: $0, append: true) }
                }
            }
            latencies.append((ContinuousClock.now - start).secondsValue)
        }
        return Sample(count: count, seconds: (ContinuousClock.now - began).secondsValue, cpu: 0, latencies: latencies)
    }

    /// A raw cursor scan of the log's events database: touches every key and value, copies nothing.
    func baselineScan(_ path: String) throws -> Sample {
        let environment = try Environment.open(directory: path, configuration: EnvironmentConfiguration(
            databases: [DatabaseSpec("events")], durability: .relaxed, access: .readOnly))
        defer { environment.close() }
        let events = environment.database("events")
        let began = ContinuousClock.now
        let (count, checksum) = try environment.read { txn in
            try txn.withCursor(on: events) { cursor in
                var count = 0
                var checksum: UInt64 = 0
                var entry = try cursor.first()
                while let current = entry {
                    count += 1
                    checksum &+= UInt64(current.key[current.key.count - 1]) &+ UInt64(current.value.count)
                        &+ UInt64(current.value[0]) &+ UInt64(current.value[current.value.count - 1])
                    entry = try cursor.next()
                }
                return (count, checksum)
            }
        }
        let elapsed = (ContinuousClock.now - began).secondsValue
        precondition(checksum != 1, "keeps the scan from being optimised away")
        return Sample(count: count, seconds: elapsed, cpu: 0)
    }

    // MARK: Measuring

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank - 1, 0), sorted.count - 1)]
    }

    /// CPU time of the whole process (user + system, every thread).
    static func processCPU() -> Double {
        #if canImport(Glibc)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
        #else
        return 0
        #endif
    }
}

/// Samples `RssAnon` (anonymous resident memory: heap and stacks, not the mapped data file) every
/// 20 ms on a thread of its own and keeps the peak.
public final class AnonymousMemorySampler: Sendable {
    private let state = Mutex<(peak: Int, running: Bool)>((0, false))

    public init() {}

    /// The current `RssAnon` in kB, or `nil` without `/proc`.
    public static func currentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("RssAnon:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    public func start() {
        state.withLock { $0.running = true }
        let thread = Thread { [self] in
            while state.withLock({ $0.running }) {
                sample()
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        thread.name = "RssAnon sampler"
        thread.start()
    }

    public func sample() {
        let current = Self.currentKilobytes() ?? 0
        state.withLock { $0.peak = max($0.peak, current) }
    }

    public func stop() {
        sample()
        state.withLock { $0.running = false }
    }

    /// The highest `RssAnon` seen, in kB.
    public var peakKilobytes: Int { state.withLock { $0.peak } }
}

extension Duration {
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
