public import ArgumentParser

/// `complaintctl fixture`: run scenario fixtures and export a complaint as one (see Specs/fixture-format.md).
public struct FixtureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fixture",
        abstract: "Run scenario fixtures, or export a complaint's history as one."
    )

    public init() {}
}
