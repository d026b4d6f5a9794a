import ComplaintFixtures
import Foundation

/// The project's scenario fixtures (`Specs/scenarios`), found from this file's path.
enum ScenarioFiles {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Specs/scenarios", isDirectory: true)

    /// Every fixture, as paths relative to `Specs/scenarios` (readable test-case names).
    static let relativePaths: [String] = FixtureSuite.fixtureFiles(under: [root.path]).map {
        String($0.path.dropFirst(root.path.count + 1))
    }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
