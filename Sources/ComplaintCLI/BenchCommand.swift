public import ArgumentParser
public import ComplaintEngine
import ComplaintLMDB
import Dispatch
import Synchronization

/// `complaintctl bench`: the standard workload of WORKLOAD.md with baselines measured in the same run.
///
/// It writes into temporary stores (no `--store`), and prints one machine-readable line per figure:
/// `write:`, `baseline-put:`, `baseline-commit:`, `ratio-write:`, `ratio-sync:`, `ratio-p99:`,
/// `replay:`, `baseline-scan:`, `ratio-replay:`, `peak-anon-mb:`.
public struct BenchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the standard workload and print throughput next to raw LMDB baselines."
    )

    @Argument(help: "`replay` to time only the rebuild of every projection (of a store written first, or of --replay-store).")
    public var phase: String?

    @Option(help: "per-command, per-complaint or batch:N (one durable commit per N complaints).")
    public var commit: String = "per-command"

    @Option(help: "N concurrent submitters, each awaiting its own durable result (overrides --commit).")
    public var concurrency: Int?

    @Option(help: "Complaints per repetition (about 12.3 events each).")
    public var complaints: Int = 2_000

    @Option(help: "Repetitions; figures are medians.")
    public var reps: Int = 3

    @Option(help: "durable or relaxed.")
    public var durability: String = "durable"

    @Option(help: "Raw durable single-put commits per repetition for baseline-commit.")
    public var baselineCommits: Int = 300

    @Option(help: "The workload's seed.")
    public var seed: UInt64 = 1

    @Option(help: "Where the temporary stores go (default: the system temp folder).")
    public var dir: String?

    @Option(help: "With `replay`: rebuild this existing store instead of writing one.")
    public var replayStore: String?

    @Flag(help: "Skip the replay after writing.")
    public var noReplay = false

    @Flag(help: "With `replay --replay-store`: time only the projections' catch-up as the engine opens the store.")
    public var catchUpOnly = false

    @Option(help: "Generate a store of about N events at --replay-store (engine-written templates replicated through the log; see WorkloadBench.generateLargeLog) and exit.")
    public var generate: Int?

    public init() {}

    public func validate() throws {
        if let phase, phase != "replay" { throw ValidationError("unknown phase '\(phase)' (only `replay`)") }
        if concurrency == nil, WorkloadBench.Mode(commit: commit) == nil {
            throw ValidationError("--commit takes per-command, per-complaint or batch:N")
        }
        if Durability(rawValue: durability) == nil { throw ValidationError("--durability takes durable or relaxed") }
        if complaints < 1 || reps < 1 { throw ValidationError("--complaints and --reps must be at least 1") }
    }

    public func run() async throws {
        if let generate {
            try await Self.generate(generate, at: replayStore)
            return
        }
        try await WorkloadBench(options()).run { print($0) }
    }

    static func generate(_ events: Int, at path: String?) async throws {
        guard let path else { throw ValidationError("--generate needs --replay-store DIR") }
        let began = ContinuousClock.now
        try await WorkloadBench.generateLargeLog(at: path, events: events) { print("generated \($0) events") }
        print("generate: \(events) events at \(path) in \(ContinuousClock.now - began)")
    }

    /// The same from a synchronous caller (an entry point that resolves `run()` to the synchronous
    /// requirement): runs the benchmark on a task and waits for it.
    public func run() throws {
        let options = options()
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let generate = generate
        let replayStore = replayStore
        Task {
            do {
                if let generate {
                    try await Self.generate(generate, at: replayStore)
                } else {
                    try await WorkloadBench(options).run { print($0) }
                }
                outcome.withLock { $0 = .success(()) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        try outcome.withLock { $0 }?.get()
    }

    /// Parses the process's arguments as `bench`'s and runs it: the entry point of executables that
    /// do not link ArgumentParser themselves (the Benchmarks package's `engine-bench`).
    public static func runAsExecutable() async {
        await Self.main()
    }

    /// The benchmark options these arguments stand for.
    public func options() -> WorkloadBench.Options {
        var options = WorkloadBench.Options()
        options.complaints = complaints
        options.mode = concurrency.map { .concurrency($0) } ?? WorkloadBench.Mode(commit: commit) ?? .perCommand
        options.durability = Durability(rawValue: durability) ?? .durable
        options.repetitions = reps
        options.baselineCommits = baselineCommits
        options.seed = seed
        options.directory = dir
        options.replay = !noReplay
        if phase == "replay", let replayStore {
            options.store = replayStore
            options.write = false
            options.catchUpOnly = catchUpOnly
        }
        return options
    }
}
