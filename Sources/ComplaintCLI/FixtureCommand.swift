public import ArgumentParser
import ComplaintFixtures
import Foundation

/// `complaintctl fixture`: run scenario fixtures and export a complaint as one (see Specs/fixture-format.md).
public struct FixtureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fixture",
        abstract: "Run scenario fixtures, or export a complaint's history as one.",
        subcommands: [Run.self, Export.self]
    )

    public init() {}

    /// Where the subcommands write (standard output unless a test replaces it).
    nonisolated(unsafe) public static var output: @Sendable (String) -> Void = { print($0) }

    /// `complaintctl fixture run PATH...`.
    public struct Run: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run fixtures (files or folders: *.yaml, *.yml, *.json); exit 0 only when all pass."
        )

        @Argument(help: "Fixture files or folders (searched recursively).")
        public var paths: [String]

        public init() {}

        public func run() async throws {
            let outcome = await FixtureSuite().run(paths: paths, output: FixtureCommand.output)
            if outcome.failed > 0 || outcome.results.isEmpty { throw ExitCode(1) }
        }
    }

    /// `complaintctl fixture export [--store DIR] --complaint ID [--out FILE]`.
    public struct Export: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a scenario that replays one complaint's history from a store (opened read-only)."
        )

        @OptionGroup public var store: StoreOptions

        @Option(name: .long, help: "The complaint id.")
        public var complaint: String

        @Option(name: .long, help: "The file to write (default: standard output).")
        public var out: String?

        public init() {}

        public func run() async throws {
            let directory = store.resolved().path
            let yaml = try await ScenarioExporter().export(storeDirectory: directory, complaint: complaint)
            if let out {
                try yaml.write(toFile: out, atomically: true, encoding: .utf8)
                FixtureCommand.output("wrote \(out)")
            } else {
                FixtureCommand.output(yaml)
            }
        }
    }
}
