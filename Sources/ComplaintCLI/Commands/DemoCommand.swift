public import ArgumentParser
import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import Foundation
import ComplaintWorkflow
import EventLog

/// `complaintctl demo`: simulates a month of complaints in a new store and prints what came of it.
public struct DemoCommand: ConsoleCommand {
    public static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a month of complaints with the real engine in a new store, then print queues, KPIs, an audit trail, a PDCA record and the verification.",
        discussion: "The same --seed prints the same figures, queues and states on every run (hashes aside).")

    @OptionGroup public var storeOptions: StoreOptions

    /// Days to simulate.
    @Option(help: "Days to simulate.")
    public var days = 30

    /// The seed.
    @Option(help: "The seed of the simulation.")
    public var seed: UInt64 = 1

    /// Complaints per day (on average).
    @Option(name: .customLong("per-day"), help: "Complaints arriving per day (on average, ±6).")
    public var perDay = 36

    /// Replace a non-empty store.
    @Flag(help: "Delete the store directory first if it is not empty.")
    public var fresh = false

    public init() {}

    /// The first day simulated: Monday 2 March 2026, 00:00 in Asia/Shanghai.
    static let start = Date(timeIntervalSince1970: 1_772_380_800)

    public func execute(on console: Console) async throws {
        guard (1...366).contains(days) else { throw CLIError("usage", "--days must be 1…366, not \(days)") }
        guard (1...10_000).contains(perDay) else { throw CLIError("usage", "--per-day must be 1…10000, not \(perDay)") }
        let access = StoreAccess(storeOptions, console: console)
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: access.path), !entries.isEmpty {
            guard fresh else {
                throw CLIError("storeNotEmpty", "\(access.path) is not empty; pass --fresh to replace it, or choose another --store")
            }
            try manager.removeItem(atPath: access.path)
        }
        let settings = DemoSimulation.Settings(days: days, seed: seed, complaintsPerDay: perDay, start: Self.start)
        let clock = ManualClock(settings.start)
        let engine = try await access.openForWriting(create: true, policy: .standard, clock: clock, durability: .relaxed)
        defer { engine.close() }
        let started = ContinuousClock.now
        let simulation = DemoSimulation(engine: engine, clock: clock, settings: settings)
        let progress = ProgressBar(total: days, console: console)
        let outcome = try await simulation.run { progress.show($0) }
        progress.finish()
        let elapsed = ContinuousClock.now - started
        try await DemoBoard.print(outcome, settings: settings, engine: engine, on: console)
        for example in outcome.refusalExamples { console.note("refused: \(example)") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        console.note("demo: simulated \(days) days in \(Figure.fixed(seconds, 2)) s; store \(access.path)")
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal.
struct ProgressBar {
    let total: Int
    let console: Console

    func show(_ done: Int) {
        guard console.diagnosticsAreTerminal, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        console.diagnose("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] day \(done)/\(total)")
    }

    func finish() {
        if console.diagnosticsAreTerminal { console.diagnose("\n") }
    }
}
