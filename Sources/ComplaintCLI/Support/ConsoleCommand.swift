public import ArgumentParser
public import ComplaintEngine

/// A subcommand whose work writes to a ``Console``: the executable runs it on standard output and
/// error, tests run it in-process on a ``CapturedConsole``.
public protocol ConsoleCommand: AsyncParsableCommand {
    /// Does the work, writing output and diagnostics to `console`.
    func execute(on console: Console) async throws
}

extension ConsoleCommand {
    /// Runs on the process's console; failures become a ``CLIError`` (printed on standard error,
    /// non-zero exit, no stack trace). `complaintctl`'s entry point calls it: a `run()` in a protocol
    /// extension would lose to `ParsableCommand`'s synchronous default, which prints the help.
    public func runOnStandardConsole() async throws {
        do {
            try await execute(on: .standard)
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            throw CLIError.from(error)
        }
    }
}

/// A subcommand that reads a store: ``execute(on:)`` opens it read-only (saying which on the
/// console's diagnostics), hands it to ``read(_:on:)`` and closes it.
public protocol StoreReadingCommand: ConsoleCommand {
    /// Which store.
    var storeOptions: StoreOptions { get }
    /// Does the work on the open store.
    func read(_ engine: ComplaintEngine, on console: Console) async throws
}

extension StoreReadingCommand {
    /// Opens the store read-only, reads, closes.
    public func execute(on console: Console) async throws {
        let engine = try await StoreAccess(storeOptions, console: console).openForReading()
        defer { engine.close() }
        try await read(engine, on: console)
    }
}

/// Parses `arguments` as a `complaintctl` command line and runs it on `console` (for tests and
/// embedding hosts).
public func runComplaintCTL(_ arguments: [String], on console: Console) async throws {
    let command = try ComplaintCTL.parseAsRoot(arguments)
    guard let runnable = command as? any ConsoleCommand else {
        throw CLIError("usage", "`\(arguments.joined(separator: " "))` is not a runnable command")
    }
    try await runnable.execute(on: console)
}

/// `--json`: every reading command prints JSON instead of tables when given it.
public struct OutputOptions: ParsableArguments {
    /// Print JSON instead of human tables.
    @Flag(name: .long, help: "Print JSON instead of human tables.")
    public var json = false

    public init() {}
}
