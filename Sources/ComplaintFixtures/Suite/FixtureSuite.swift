public import ComplaintWorkflow
public import Foundation

/// Runs every fixture under some paths and writes the report of FIXTURES.md ("Running"):
/// `PASS name` / `FAIL name` with indented differences, then `N passed, N failed` alone on a line.
/// This is the whole of `complaintctl fixture run`, callable in-process.
public struct FixtureSuite: Sendable {
    /// The runner each fixture goes through.
    public var runner: ScenarioRunner

    /// Creates a suite over `runner`.
    public init(runner: ScenarioRunner = ScenarioRunner()) {
        self.runner = runner
    }

    /// The fixture files under `paths`: files as given, folders searched recursively for `*.yaml`,
    /// `*.yml` and `*.json`, sorted by path. A path that does not exist is returned as is (running it
    /// reports it unreadable).
    public static func fixtureFiles(under paths: [String]) -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let root = URL(fileURLWithPath: path, isDirectory: true)
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            var found: [URL] = []
            while let url = enumerator?.nextObject() as? URL {
                if ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()) { found.append(url) }
            }
            files += found.sorted { $0.path < $1.path }
        }
        return files
    }

    /// The outcome of a run: every result, and the counts.
    public struct Outcome: Sendable {
        /// One result per fixture file, in file order.
        public var results: [ScenarioResult]
        /// How many passed.
        public var passed: Int { results.filter(\.passed).count }
        /// How many failed.
        public var failed: Int { results.count - passed }
        /// `N passed, N failed`.
        public var summary: String { "\(passed) passed, \(failed) failed" }
    }

    /// Runs the fixtures under `paths`, writing each result's report as it finishes and the closing
    /// summary line to `output`.
    public func run(paths: [String], output: (String) -> Void) async -> Outcome {
        var results: [ScenarioResult] = []
        for file in Self.fixtureFiles(under: paths) {
            let result: ScenarioResult
            do {
                result = try await runner.run(file: file)
            } catch {
                result = ScenarioResult(name: file.lastPathComponent, file: file.path, failures: ["\(file.path): could not run: \(error)"], seconds: 0)
            }
            output(result.report)
            results.append(result)
        }
        let outcome = Outcome(results: results)
        output(outcome.summary)
        return outcome
    }
}
