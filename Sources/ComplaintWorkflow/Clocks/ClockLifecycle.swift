import ComplaintPolicy
import Foundation

/// How events start, pause, resume, stop, cancel and re-target the clocks of a complaint
/// (DOMAIN.md §4). Only ``evolve(_:_:policy:)`` calls these.
extension ComplaintState {
    /// Starts a new instance of `name` (instance 1, 2, … per clock) with the policy's target
    /// for the current problem class.
    mutating func startClock(_ name: ClockName, at instant: Date, policy: ServicePolicy) {
        guard let clockPolicy = policy.clockPolicy(name, problemClass: problemClass) else { return }
        let instance = (clocks[name]?.instance ?? 0) + 1
        clocks[name] = SLAClock(name: name, instance: instance, policy: clockPolicy, startedAt: instant)
    }

    /// Stops an open instance: its outcome is settled.
    mutating func stopClock(_ name: ClockName, at instant: Date, policy: ServicePolicy) {
        updateOpenClock(name) { $0.stop(at: instant, calendar: policy.calendar) }
    }

    /// Pauses a running instance (resolution while `awaitingCustomer`).
    mutating func pauseClock(_ name: ClockName, at instant: Date, policy: ServicePolicy) {
        updateOpenClock(name) { $0.pause(at: instant, calendar: policy.calendar) }
    }

    /// Resumes a paused instance.
    mutating func resumeClock(_ name: ClockName, at instant: Date, policy: ServicePolicy) {
        updateOpenClock(name) { $0.resume(at: instant) }
    }

    /// Cancels an open instance (void unless it breached).
    mutating func cancelClock(_ name: ClockName, at instant: Date, policy: ServicePolicy) {
        updateOpenClock(name) { $0.cancel(at: instant, calendar: policy.calendar) }
    }

    /// Closing leaves no running clock: `resolved` stops the follow-up (the `followUpSkipped`
    /// breach that follows makes an unbreached one late); every other open clock is cancelled.
    mutating func closeClocks(reason: ClosureReason, at instant: Date, policy: ServicePolicy) {
        for name in ClockName.allCases {
            if reason == .resolved, name == .followUp {
                stopClock(name, at: instant, policy: policy)
            } else {
                cancelClock(name, at: instant, policy: policy)
            }
        }
    }

    /// Re-targets every open clock from its start with the target for the current problem class
    /// (preset `category2025`; a no-op where the target does not depend on the class).
    mutating func retargetOpenClocks(policy: ServicePolicy) {
        for name in ClockName.allCases {
            guard let clockPolicy = policy.clockPolicy(name, problemClass: problemClass) else { continue }
            updateOpenClock(name) { $0.retarget(target: clockPolicy.target, warnAt: clockPolicy.warnAt) }
        }
    }

    /// Records the warning of the current instance.
    mutating func markWarned(_ name: ClockName, at instant: Date) {
        clocks[name]?.markWarned(at: instant)
    }

    /// Records the breach of the current instance.
    mutating func markBreached(_ name: ClockName, at instant: Date) {
        clocks[name]?.markBreached(at: instant)
    }

    private mutating func updateOpenClock(_ name: ClockName, _ change: (inout SLAClock) -> Void) {
        guard var clock = clocks[name], clock.phase.isOpen else { return }
        change(&clock)
        clocks[name] = clock
    }
}
