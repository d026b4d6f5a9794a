public import ArgumentParser
public import ComplaintEngine
import EventLog
import Foundation
import ComplaintPolicy
import ComplaintWorkflow

/// `complaintctl verify`: recomputes the log's hash chain.
public struct VerifyCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the log's hash chain and name the first position that fails (exit 1 when it does).")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let report = try engine.log.verify()
        if output.json {
            console.line(Self.json(report).text)
        } else {
            console.line(report.description)
        }
        if let broken = report.firstBreak { throw CLIError("chainBroken", "the hash chain breaks at \(broken)") }
    }

    static func json(_ report: VerificationReport) -> JSONValue {
        .object([
            ("intact", .bool(report.isIntact)), ("from", .int(report.from)), ("through", .int(report.through)),
            ("checked", .int(report.checked)), ("headHash", .string(report.lastHash.hex)),
            ("firstBreak", report.firstBreak.map { .object([("position", .int($0.position)), ("reason", .string("\($0.reason)"))]) } ?? .null),
        ])
    }
}
