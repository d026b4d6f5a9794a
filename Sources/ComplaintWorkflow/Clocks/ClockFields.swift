public import ComplaintPolicy
public import Foundation

/// The `clocks` state field as fixtures and `show` read it (DOMAIN.md §3):
/// `{phase, dueAt?, warnedAt?, breachedAt?, usedMinutes}` for the current instance of a clock.
public struct ClockFields: Hashable, Sendable {
    /// The instance (1, 2, …).
    public var instance: Int
    /// `running`, `paused`, `stopped` or `cancelled`.
    public var phase: ClockPhase
    /// When the target will be used up (running instances only).
    public var dueAt: Date?
    /// When the warning fired.
    public var warnedAt: Date?
    /// When it breached.
    public var breachedAt: Date?
    /// Time used so far (up to `now` while running), in whole minutes.
    public var usedMinutes: Int
    /// `onTime`, `late`, `open` or `void`.
    public var outcome: ClockOutcome
}

extension ComplaintState {
    /// The `clocks` field at `now`.
    public func clockFields(at now: Date, policy: ServicePolicy) -> [ClockName: ClockFields] {
        clocks.mapValues { clock in
            ClockFields(
                instance: clock.instance, phase: clock.phase, dueAt: clock.dueAt(calendar: policy.calendar), warnedAt: clock.warnedAt,
                breachedAt: clock.breachedAt, usedMinutes: Int(clock.usedMinutes(at: now, calendar: policy.calendar)),
                outcome: clock.outcome)
        }
    }
}
