public import ArgumentParser
public import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl export [--from POS] --format jsonl`: the log as JSON Lines.
public struct ExportCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log from a position as JSON Lines: every record's fields, decoded data and hashes (Specs/log-format.md).")

    @OptionGroup public var storeOptions: StoreOptions

    /// The first position.
    @Option(help: "The first position to export.")
    public var from: UInt64 = 1

    /// The last position.
    @Option(help: "The last position to export (default: the head when the export starts).")
    public var through: UInt64?

    /// The format; only `jsonl`.
    @Option(help: "The output format (jsonl).")
    public var format = "jsonl"

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        guard format == "jsonl" else { throw CLIError("usage", "--format takes jsonl, not '\(format)'") }
        var stream = EventOutput.ConsoleStream(console: console)
        let count = try engine.exportAudit(from: from, through: through, to: &stream)
        console.note("exported \(count) records")
    }
}
