public import Foundation

/// One instance of an SLA clock of a complaint (DOMAIN.md §4): its target, the time used so far,
/// its phase and the instants it warned, breached and ended.
///
/// The clock is plain arithmetic: it never reads the system clock; every mutation and query takes
/// the instant and, for business clocks, the ``BusinessCalendar`` to measure working time with.
/// Mutations that do not apply to the current phase change nothing and return `false`, so the
/// engine records an event only when something changed.
///
/// Timer order: the engine fires a timer due at an instant before any command at that instant, so
/// a clock stopped exactly at its due time has breached first and is late. ``outcome`` agrees even
/// without the breach mark: a stop with used time equal to the target is late.
public struct SLAClock: Hashable, Codable, Sendable {
    /// Which clock this is.
    public let name: ClockName
    /// The instance number of this clock on its complaint: 1, 2, … (a reopen starts a new one).
    public let instance: Int
    /// The time allowed, in seconds (working seconds for a business clock).
    public private(set) var target: Int64
    /// Elapsed or business time.
    public let calendarKind: ClockCalendarKind
    /// Fraction of the target at which the warning is due, in (0, 1).
    public private(set) var warnAt: Double
    /// Running, paused, stopped or cancelled.
    public private(set) var phase: ClockPhase
    /// Seconds used before the current running stretch (all used seconds unless running).
    public private(set) var usedSeconds: Int64
    /// The start of the current running stretch; `nil` unless running.
    public private(set) var runningSince: Date?
    /// When the instance started.
    public let startedAt: Date
    /// When the warning fired, if it did.
    public private(set) var warnedAt: Date?
    /// When the clock breached, if it did.
    public private(set) var breachedAt: Date?
    /// When the clock was stopped or cancelled.
    public private(set) var stoppedAt: Date?

    /// Starts a running instance at `startedAt`.
    public init(
        name: ClockName, instance: Int, target: Int64, calendarKind: ClockCalendarKind, warnAt: Double,
        startedAt: Date
    ) {
        self.name = name
        self.instance = instance
        self.target = target
        self.calendarKind = calendarKind
        self.warnAt = warnAt
        self.phase = .running
        self.usedSeconds = 0
        self.runningSince = startedAt
        self.startedAt = startedAt
    }

    /// Restores an instance from every stored field, as a storage codec read them (no checks).
    public init(
        restoring name: ClockName, instance: Int, target: Int64, calendarKind: ClockCalendarKind, warnAt: Double,
        phase: ClockPhase, usedSeconds: Int64, runningSince: Date?, startedAt: Date, warnedAt: Date?, breachedAt: Date?,
        stoppedAt: Date?
    ) {
        self.name = name
        self.instance = instance
        self.target = target
        self.calendarKind = calendarKind
        self.warnAt = warnAt
        self.phase = phase
        self.usedSeconds = usedSeconds
        self.runningSince = runningSince
        self.startedAt = startedAt
        self.warnedAt = warnedAt
        self.breachedAt = breachedAt
        self.stoppedAt = stoppedAt
    }

    /// Starts a running instance with the target, calendar and warning fraction of `policy`.
    public init(name: ClockName, instance: Int, policy: ClockPolicy, startedAt: Date) {
        self.init(
            name: name, instance: instance, target: policy.target, calendarKind: policy.calendar,
            warnAt: policy.warnAt, startedAt: startedAt)
    }

    // MARK: Queries

    /// Seconds used up to `instant` (banked time plus the current running stretch).
    public func used(at instant: Date, calendar: BusinessCalendar) -> Int64 {
        guard phase == .running, let since = runningSince else { return usedSeconds }
        return usedSeconds + measure(from: since, to: instant, calendar: calendar)
    }

    /// Whole minutes used up to `instant` (rounded down), as events and views report them.
    public func usedMinutes(at instant: Date, calendar: BusinessCalendar) -> Int64 {
        used(at: instant, calendar: calendar) / 60
    }

    /// The instant the used time reaches the target if the clock keeps running; `nil` unless running.
    public func dueAt(calendar: BusinessCalendar) -> Date? {
        instant(whenUsedReaches: target, calendar: calendar)
    }

    /// The instant the used time reaches `warnAt × target` (``ClockPolicy/warningThreshold``) if the
    /// clock keeps running; `nil` unless running. For a business clock the fraction is of working time.
    public func warningDueAt(calendar: BusinessCalendar) -> Date? {
        instant(whenUsedReaches: policy.warningThreshold, calendar: calendar)
    }

    /// The timers still to fire, warning before breach: the warning unless warned or breached, the
    /// breach unless breached. Empty unless running.
    public func pendingTimers(calendar: BusinessCalendar) -> [ClockTimer] {
        var timers: [ClockTimer] = []
        if warnedAt == nil, breachedAt == nil, let due = warningDueAt(calendar: calendar) {
            timers.append(ClockTimer(clock: name, instance: instance, kind: .warning, dueAt: due))
        }
        if breachedAt == nil, let due = dueAt(calendar: calendar) {
            timers.append(ClockTimer(clock: name, instance: instance, kind: .breach, dueAt: due))
        }
        return timers
    }

    /// Whether the used time at `instant` has reached the target (running or paused). After a
    /// ``retarget(target:warnAt:)`` below the used time this is how a paused clock, which has no
    /// due time, is found to be due at once.
    public func isOverdue(at instant: Date, calendar: BusinessCalendar) -> Bool {
        phase.isOpen && used(at: instant, calendar: calendar) >= target
    }

    /// Whether the used time at `instant` has reached the warning threshold (running or paused).
    public func isWarningOverdue(at instant: Date, calendar: BusinessCalendar) -> Bool {
        phase.isOpen && used(at: instant, calendar: calendar) >= policy.warningThreshold
    }

    /// On time, late, open or void (DOMAIN.md §4).
    ///
    /// Late once breached, whatever happened afterwards; a stop with used time at or above the
    /// target is late too. Open while running or paused; void if cancelled before breaching.
    public var outcome: ClockOutcome {
        if breachedAt != nil { return .late }
        switch phase {
        case .running, .paused: return .open
        case .cancelled: return .void
        case .stopped: return usedSeconds >= target ? .late : .onTime
        }
    }

    /// The clock's target, calendar and warning fraction as a ``ClockPolicy``.
    public var policy: ClockPolicy { ClockPolicy(target: target, calendar: calendarKind, warnAt: warnAt) }

    // MARK: Mutations

    /// Stops counting at `instant`, banking the running stretch. Only from `running`.
    @discardableResult
    public mutating func pause(at instant: Date, calendar: BusinessCalendar) -> Bool {
        guard phase == .running else { return false }
        bank(at: instant, calendar: calendar)
        phase = .paused
        return true
    }

    /// Counts again from `instant`. Only from `paused`.
    @discardableResult
    public mutating func resume(at instant: Date) -> Bool {
        guard phase == .paused else { return false }
        phase = .running
        runningSince = instant
        return true
    }

    /// Ends the clock at `instant` (its stop event happened). Only from `running` or `paused`.
    @discardableResult
    public mutating func stop(at instant: Date, calendar: BusinessCalendar) -> Bool {
        end(.stopped, at: instant, calendar: calendar)
    }

    /// Abandons the clock at `instant` (closing for another reason, a reopen). Only from `running`
    /// or `paused`.
    @discardableResult
    public mutating func cancel(at instant: Date, calendar: BusinessCalendar) -> Bool {
        end(.cancelled, at: instant, calendar: calendar)
    }

    /// Replaces the target and warning fraction, counted from the clock's start (a
    /// reclassification under `category2025`). Only while open; the due times move accordingly,
    /// and a due time now in the past is due at once. Breach and warning marks stay.
    @discardableResult
    public mutating func retarget(target: Int64, warnAt: Double) -> Bool {
        guard phase.isOpen, target != self.target || warnAt != self.warnAt else { return false }
        self.target = target
        self.warnAt = warnAt
        return true
    }

    /// Records that the warning fired at `instant`. Only once.
    @discardableResult
    public mutating func markWarned(at instant: Date) -> Bool {
        guard warnedAt == nil else { return false }
        warnedAt = instant
        return true
    }

    /// Records that the clock breached at `instant`. Only once; the clock keeps its phase.
    @discardableResult
    public mutating func markBreached(at instant: Date) -> Bool {
        guard breachedAt == nil else { return false }
        breachedAt = instant
        return true
    }

    // MARK: Arithmetic

    private mutating func end(_ final: ClockPhase, at instant: Date, calendar: BusinessCalendar) -> Bool {
        guard phase.isOpen else { return false }
        if phase == .running { bank(at: instant, calendar: calendar) }
        phase = final
        stoppedAt = instant
        return true
    }

    private mutating func bank(at instant: Date, calendar: BusinessCalendar) {
        usedSeconds = used(at: instant, calendar: calendar)
        runningSince = nil
    }

    private func instant(whenUsedReaches used: Int64, calendar: BusinessCalendar) -> Date? {
        guard phase == .running, let since = runningSince else { return nil }
        let remaining = max(0, used - usedSeconds)
        switch calendarKind {
        case .elapsed: return since.addingTimeInterval(TimeInterval(remaining))
        case .business: return calendar.adding(workingSeconds: remaining, to: since)
        }
    }

    private func measure(from start: Date, to end: Date, calendar: BusinessCalendar) -> Int64 {
        switch calendarKind {
        case .elapsed: return max(0, Int64(end.timeIntervalSince(start).rounded()))
        case .business: return calendar.workingSeconds(from: start, to: end)
        }
    }
}
