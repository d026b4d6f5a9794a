/// The phase of one SLA clock instance (DOMAIN.md §4).
public enum ClockPhase: String, ClosedValueSet {
    /// Counting time.
    case running
    /// Not counting; keeps the time used so far.
    case paused
    /// Finished by the event that ends it; final.
    case stopped
    /// Abandoned (closing for another reason, a reopen); final.
    case cancelled

    /// The value-set name used in errors.
    public static let valueSetName = "phase"

    /// Whether the clock can still change (running or paused).
    public var isOpen: Bool { self == .running || self == .paused }
}

/// The outcome of one SLA clock instance (DOMAIN.md §4).
public enum ClockOutcome: String, ClosedValueSet {
    /// Stopped with used time below the target, never breached.
    case onTime
    /// Breached at some point, or stopped with used time at or above the target.
    case late
    /// Running or paused, not breached.
    case open
    /// Cancelled before breaching.
    case void

    /// The value-set name used in errors.
    public static let valueSetName = "outcome"
}
