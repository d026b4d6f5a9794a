public import ComplaintEngine
public import ComplaintWorkflow
public import Foundation

/// Runs scenario fixtures against the real engine: a fresh LMDB store in a temporary directory,
/// real projections, and a `ManualClock` that starts at the scenario's `start` and moves only by
/// its steps.
///
/// ```swift
/// let result = try await ScenarioRunner().run(file: url)
/// #expect(result.passed, "\(result.report)")
/// ```
public struct ScenarioRunner: Sendable {
    /// Faults injected into the engine (testing the fixtures themselves; empty in normal use).
    public var faults: WorkflowFaults
    /// Where the temporary stores go (default: the system's temporary directory).
    public var temporaryDirectory: URL

    /// Creates a runner.
    public init(faults: WorkflowFaults = [], temporaryDirectory: URL = FileManager.default.temporaryDirectory) {
        self.faults = faults
        self.temporaryDirectory = temporaryDirectory
    }

    /// Loads and runs the fixture at `url`. A malformed fixture is a failed result naming the file,
    /// line and reason.
    ///
    /// - Throws: only when the temporary store cannot be created or opened.
    public func run(file url: URL) async throws -> ScenarioResult {
        let scenario: Scenario
        do throws(FixtureError) {
            scenario = try ScenarioParser().load(file: url)
        } catch {
            return ScenarioResult(name: url.lastPathComponent, file: url.path, failures: ["\(error)"], seconds: 0)
        }
        return try await run(scenario)
    }

    /// Parses `text` and runs it (`file` names it in reports).
    public func run(text: String, file: String = "<text>") async throws -> ScenarioResult {
        let scenario: Scenario
        do throws(FixtureError) {
            scenario = try ScenarioParser().parse(text, file: file)
        } catch {
            return ScenarioResult(name: file, file: file, failures: ["\(error)"], seconds: 0)
        }
        return try await run(scenario)
    }

    /// Runs a loaded scenario.
    ///
    /// - Throws: only when the temporary store cannot be created or opened.
    public func run(_ scenario: Scenario) async throws -> ScenarioResult {
        let directory = temporaryDirectory.appendingPathComponent("complaint-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await run(scenario, storeDirectory: directory)
    }

    /// Runs a loaded scenario on a store in `storeDirectory` and keeps the store there (to inspect
    /// it, or to export from it). The directory should be new or empty.
    ///
    /// - Throws: only when the store cannot be created or opened.
    public func run(_ scenario: Scenario, storeDirectory directory: URL) async throws -> ScenarioResult {
        let started = ContinuousClock.now
        let session = try await ScenarioSession(scenario: scenario, directory: directory.path, faults: faults)
        var failures: [String] = []
        do {
            failures = try await session.play()
        } catch {
            failures.append("the engine failed: \(error)")
        }
        session.close()
        return ScenarioResult(
            name: scenario.name, file: scenario.file, failures: failures, seconds: (ContinuousClock.now - started).seconds)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
