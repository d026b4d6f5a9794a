public import ArgumentParser
public import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl show ID [--as-of T]`: a complaint's state, now or as it was at a point in the log.
public struct ShowCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a complaint's state (now, or --as-of an instant or log position).")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The complaint id.
    @Argument(help: "The complaint id.")
    public var id: String

    /// An ISO 8601 instant or a log position.
    @Option(name: .customLong("as-of"), help: "An ISO 8601 instant or a log position: the state as it was then.")
    public var asOf: String?

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let point = try asOf.map(HistoryPointArgument.parse)
        let state = try point.map { try engine.complaint(id, asOf: $0) } ?? engine.complaint(id)
        guard let state else {
            throw CLIError("notFound", "no complaint \(id)\(asOf.map { " as of \($0)" } ?? "")")
        }
        // Used minutes of running clocks are counted up to the point shown (or the log's latest record).
        let now = try point.map { try HistoryPointArgument.instant(of: $0, in: engine) } ?? StoreAccess.headInstant(of: engine)
        if output.json {
            console.line(ComplaintView.json(id, state, policy: engine.policy, now: now).text)
        } else {
            console.line(ComplaintView.text(id, state, policy: engine.policy, now: now))
        }
    }

}
