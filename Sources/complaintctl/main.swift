import ArgumentParser
import ComplaintCLI

// Parses the arguments and runs the chosen subcommand; errors go to stderr with a non-zero exit.
// Subcommands whose work writes to a Console run through `runOnStandardConsole()`: calling `run()`
// on an `any AsyncParsableCommand` from here reaches `ParsableCommand`'s synchronous default,
// which only prints the help.
do {
    var command = try ComplaintCTL.parseAsRoot()
    if let consoleCommand = command as? any ConsoleCommand {
        try await consoleCommand.runOnStandardConsole()
    } else if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch {
    ComplaintCTL.exit(withError: error)
}

/// Runs an async subcommand. Top-level code resolves `run()` on the existential to the synchronous
/// `ParsableCommand.run()` (which prints help); inside an async function the async one is chosen.
func runAsync(_ command: inout any AsyncParsableCommand) async throws {
    try await command.run()
}
