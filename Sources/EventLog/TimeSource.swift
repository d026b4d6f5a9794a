public import Foundation

/// Where the log reads the commit time from. Injected, so tests and fixtures control time.
public protocol TimeSource: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemTimeSource: TimeSource {
    /// Creates the system clock.
    public init() {}
    /// `Date()`.
    public func now() -> Date { Date() }
}
