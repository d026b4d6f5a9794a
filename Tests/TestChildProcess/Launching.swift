public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serialises the launching of child processes in this test process.
///
/// Foundation's `Pipe` and `Process` create their descriptors without close-on-exec (Foundation
/// notices a child's exit when every copy of a socket it hands the child is closed). Tests run in
/// parallel, so a child launched by one test while another test is between creating its pipes and
/// launching its own child inherits that other child's pipe and socket: the other child's output
/// then never reaches end-of-file, and `waitUntilExit()` never returns, until the unrelated child
/// ends too — which, with the cooperative pool's threads blocked in `waitUntilExit()`, can be never.
/// Create a child's pipes and launch it inside `launching { }`, and wait with
/// ``Foundation/Process/waitForExit()``.
public func launching<T>(_ body: () throws -> T) rethrows -> T {
    launchLock.lock()
    defer { launchLock.unlock() }
    return try body()
}

private let launchLock = NSLock()

/// How a child process ended.
public enum ProcessEnding: Equatable, Sendable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// `exit N` or `signal N`.
    public var description: String {
        switch self {
        case .exited(let status): "exit \(status)"
        case .signaled(let signal): "signal \(signal)"
        }
    }
}

extension Process {
    /// Waits until the child has ended and says how, watching the process itself (`waitid` without
    /// reaping it, so Foundation still does) instead of Foundation's exit notice, which a copy of
    /// its socket in another child can hold back (see ``launching(_:)``).
    public func waitForExit() -> ProcessEnding {
        var info = siginfo_t()
        while waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOWAIT) != 0 {
            guard errno == EINTR else {
                // Already reaped by Foundation, which then knows how it ended.
                waitUntilExit()
                return terminationReason == .uncaughtSignal ? .signaled(terminationStatus) : .exited(terminationStatus)
            }
        }
        let status = info._sifields._sigchld.si_status
        return info.si_code == Int32(CLD_EXITED) ? .exited(status) : .signaled(status)
    }
}

/// A standard stream of a child process.
public enum StandardStream: Sendable {
    case input, output, errors
}

/// Connects a new pipe to each of `streams` of `process` and launches it, both inside
/// ``launching(_:)``; returns the pipes in the order of `streams`.
public func launch(_ process: Process, piping streams: StandardStream...) throws -> [Pipe] {
    try launching {
        let pipes = streams.map { stream in
            let pipe = Pipe()
            switch stream {
            case .input: process.standardInput = pipe
            case .output: process.standardOutput = pipe
            case .errors: process.standardError = pipe
            }
            return pipe
        }
        try process.run()
        return pipes
    }
}
