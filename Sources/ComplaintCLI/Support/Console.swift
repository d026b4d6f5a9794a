#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation
import Synchronization

/// Where a subcommand writes: its output, its diagnostics, and whether diagnostics go to a terminal
/// (a progress bar is drawn only then). Tests pass a ``CapturedConsole``'s console and read what was
/// written; the executable writes to the process's standard output and standard error.
public struct Console: Sendable {
    /// Writes output text (no newline is added).
    public var write: @Sendable (String) -> Void
    /// Writes diagnostic text (no newline is added).
    public var diagnose: @Sendable (String) -> Void
    /// Whether diagnostics go to a terminal.
    public var diagnosticsAreTerminal: Bool

    /// Creates a console from its two writers.
    public init(
        write: @escaping @Sendable (String) -> Void, diagnose: @escaping @Sendable (String) -> Void,
        diagnosticsAreTerminal: Bool = false
    ) {
        self.write = write
        self.diagnose = diagnose
        self.diagnosticsAreTerminal = diagnosticsAreTerminal
    }

    /// The process's standard output and standard error.
    public static var standard: Console {
        Console(
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            diagnose: { FileHandle.standardError.write(Data($0.utf8)) },
            diagnosticsAreTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// Writes one line of output.
    func line(_ text: String = "") { write(text + "\n") }

    /// Writes one line of diagnostics.
    func note(_ text: String) { diagnose(text + "\n") }
}

/// A console that keeps what was written, for tests and for commands that post-process output.
public final class CapturedConsole: Sendable {
    private let parts = Mutex<(output: String, diagnostics: String)>(("", ""))

    /// Creates an empty capture.
    public init() {}

    /// The console writing into this capture.
    public var console: Console {
        Console(
            write: { [self] text in parts.withLock { $0.output += text } },
            diagnose: { [self] text in parts.withLock { $0.diagnostics += text } })
    }

    /// Everything written as output so far.
    public var output: String { parts.withLock { $0.output } }
    /// Everything written as diagnostics so far.
    public var diagnostics: String { parts.withLock { $0.diagnostics } }
}
