public import EventLog
public import Foundation
import Synchronization

/// A clock that moves only when told: for fixtures, tests and simulations.
public final class ManualClock: TimeSource {
    private let current: Mutex<Date>

    /// Starts the clock at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    /// The clock's time.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock to `instant` (never backwards: an earlier instant is ignored).
    public func set(_ instant: Date) { current.withLock { $0 = max($0, instant) } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += max(0, seconds) } }
}
