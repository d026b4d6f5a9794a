public import ArgumentParser
import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl submit [FILE]`: records commands given as JSON and prints the events they recorded.
public struct SubmitCommand: ConsoleCommand {
    public static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Record commands given as JSON (a file, or standard input) and print the events they recorded.",
        discussion: """
            Each command is shaped like a fixture step: {"command": "ReceiveComplaint", "stream": "C-1", \
            "actor": "agent-1/agent", "data": {...}, "commandId": "web-1"}. The input holds one command, \
            a JSON array of them, or one a line. A command without commandId gets a fresh one.
            """)

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The JSON file; standard input when absent or `-`.
    @Argument(help: "A JSON file with the command(s); standard input when absent or '-'.")
    public var file: String?

    public init() {}

    public func execute(on console: Console) async throws {
        let fromFile = try file.flatMap { $0 == "-" ? nil : try Self.read($0) }
        let engine = try await StoreAccess(storeOptions, console: console).openForWriting(create: true)
        defer { engine.close() }
        // Standard input is read once the store is open (and held): a pipe can feed commands to it.
        let input = fromFile ?? FileHandle.standardInput.readDataToEndOfFile()
        for envelope in try CommandInput.parse(input) {
            let events = try await engine.handle(envelope)
            try EventOutput.print(events, of: engine, json: output.json, on: console)
        }
    }

    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("input", "cannot read \(path)")
        }
        return data
    }
}
