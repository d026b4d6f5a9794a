public import Foundation
import Synchronization

/// A test's child process (an executable of this package, built beside the test binary) whose
/// standard output is read line by line. Shared by the crash and multi-process tests.
public final class ChildProcess: @unchecked Sendable {
    /// The running process.
    public let process = Process()
    private let output: Pipe
    private let ending = Mutex<ProcessEnding?>(nil)

    /// Starts `executable` (a product of this package) with `arguments`.
    public init(executable: String, _ arguments: [String]) throws {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.executableURL = own.deletingLastPathComponent().appendingPathComponent(executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        output = try launch(process, piping: .output)[0]
    }

    /// Lines the child prints, as they arrive (read on a thread of their own).
    public func lines() -> AsyncStream<String> {
        let handle = output.fileHandleForReading
        return AsyncStream { continuation in
            let reader = Thread {
                var pending = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: 10) {
                        continuation.yield(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...newline)
                    }
                }
                continuation.finish()
            }
            reader.start()
        }
    }

    /// Waits for exit and returns everything printed (for children that end by themselves).
    public func finish() -> [String] {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        _ = waitForExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Waits until the child has ended (see ``Foundation/Process/waitForExit()``) and says how.
    public func waitForExit() -> ProcessEnding {
        if let known = ending.withLock({ $0 }) { return known }
        let observed = process.waitForExit()
        ending.withLock { $0 = observed }
        return observed
    }

    /// Kills the child with SIGKILL and waits for it; returns a description of how it ended, for
    /// failure messages.
    @discardableResult
    public func killNow() -> String {
        kill(process.processIdentifier, SIGKILL)
        return waitForExit().description
    }

    /// Whether the child ended by SIGKILL (call after it ended).
    public var wasKilled: Bool { waitForExit() == .signaled(SIGKILL) }
}
