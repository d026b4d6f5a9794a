public import ArgumentParser
import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl rebuild [--projection NAME]`: rebuilds projections from the log.
public struct RebuildCommand: ConsoleCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild projections from the log (all, or one: \(projections.joined(separator: ", "))).")

    /// The engine's projections.
    static let projections = ["complaints", "customer-history", "kpi", "audit", "improvements"]

    @OptionGroup public var storeOptions: StoreOptions

    /// One projection; all when absent.
    @Option(help: "Rebuild only this projection.")
    public var projection: String?

    public init() {}

    public func execute(on console: Console) async throws {
        if let projection, !Self.projections.contains(projection) {
            throw CLIError("usage", "no projection '\(projection)'; projections: \(Self.projections.joined(separator: ", "))")
        }
        let engine = try await StoreAccess(storeOptions, console: console).openForWriting()
        defer { engine.close() }
        let started = ContinuousClock.now
        let names = projection.map { [$0] } ?? Self.projections
        try engine.log.rebuildProjections(names)
        let elapsed = ContinuousClock.now - started
        let events = try engine.log.headPosition()
        console.line("rebuilt \(names.joined(separator: ", ")) from \(events) events")
        console.note("rebuild took \(Figure.fixed(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 2)) s")
    }
}
