public import Foundation

/// Which timer of a clock fires: the warning or the breach.
public enum ClockTimerKind: String, ClosedValueSet {
    /// The warning at `warnAt × target`.
    case warning
    /// The breach at the target.
    case breach

    /// The value-set name used in errors.
    public static let valueSetName = "timer"
}

/// A timer an open clock will fire if it keeps running (DOMAIN.md §1, §4).
public struct ClockTimer: Hashable, Comparable, Sendable {
    /// The clock.
    public let clock: ClockName
    /// The clock instance.
    public let instance: Int
    /// Warning or breach.
    public let kind: ClockTimerKind
    /// When the timer is due; the `occurredAt` of the event it fires.
    public let dueAt: Date

    /// Creates a timer.
    public init(clock: ClockName, instance: Int, kind: ClockTimerKind, dueAt: Date) {
        self.clock = clock
        self.instance = instance
        self.kind = kind
        self.dueAt = dueAt
    }

    /// The deterministic command id `timer:<stream>:<clock>:<instance>:<warning|breach>`, so a
    /// timer can never fire twice.
    public func commandId(stream: String) -> String {
        "timer:\(stream):\(clock.rawValue):\(instance):\(kind.rawValue)"
    }

    /// Firing order within one stream: due time, then clock (acknowledgement, resolution,
    /// followUp), then warning before breach, then instance. Streams are ordered by the engine
    /// (stream id as UTF-8 bytes) before this.
    public static func < (lhs: ClockTimer, rhs: ClockTimer) -> Bool {
        if lhs.dueAt != rhs.dueAt { return lhs.dueAt < rhs.dueAt }
        if lhs.clock != rhs.clock { return lhs.clock < rhs.clock }
        if lhs.kind != rhs.kind { return lhs.kind == .warning }
        return lhs.instance < rhs.instance
    }
}
