/// The target of one SLA clock: how much time it allows, which time it counts, and when it warns.
public struct ClockPolicy: Hashable, Sendable {
    /// The time allowed, in seconds (working seconds for a business clock); positive.
    public var target: Int64
    /// Whether the clock counts elapsed time or the business calendar's working time.
    public var calendar: ClockCalendarKind
    /// The fraction of ``target`` at which the warning fires, in (0, 1).
    public var warnAt: Double

    /// Creates a clock policy; ``ServicePolicy/validate()`` checks the ranges.
    public init(target: Int64, calendar: ClockCalendarKind, warnAt: Double = 0.8) {
        self.target = target
        self.calendar = calendar
        self.warnAt = warnAt
    }

    /// The used time, in seconds, at which the warning is due: `warnAt × target`, rounded up to a
    /// whole second (a product within a microsecond of a whole second counts as that second).
    public var warningThreshold: Int64 {
        let exact = Double(target) * warnAt
        let nearest = exact.rounded()
        return Int64(abs(exact - nearest) < 1e-6 ? nearest : exact.rounded(.up))
    }
}
