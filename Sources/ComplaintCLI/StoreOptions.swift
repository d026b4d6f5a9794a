public import ArgumentParser
public import Foundation

/// The `--store DIR` option every subcommand that touches a store takes.
///
/// Resolution order: `--store`, then the `COMPLAINTS_STORE` environment variable, then
/// `./complaints.lmdb`. ``resolved(environment:)`` also says which of the three was used, so
/// commands can tell the operator which store they opened.
public struct StoreOptions: ParsableArguments {
    /// The store directory given on the command line, if any.
    @Option(name: .long, help: "The store directory (default: $COMPLAINTS_STORE, else ./complaints.lmdb).")
    public var store: String?

    public init() {}

    /// Where the store path came from.
    public enum Source: String, Sendable {
        case option = "--store"
        case environment = "$COMPLAINTS_STORE"
        case defaultPath = "default"
    }

    /// The store directory to use and where that choice came from.
    public func resolved(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (path: String, source: Source) {
        if let store, !store.isEmpty { return (store, .option) }
        if let fromEnvironment = environment["COMPLAINTS_STORE"], !fromEnvironment.isEmpty {
            return (fromEnvironment, .environment)
        }
        return ("./complaints.lmdb", .defaultPath)
    }
}
