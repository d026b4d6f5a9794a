import ArgumentParser
import ComplaintCLI

// Parses the arguments and runs the chosen subcommand; errors go to stderr with a non-zero exit.
do {
    var command = try ComplaintCTL.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
} catch {
    ComplaintCTL.exit(withError: error)
}
