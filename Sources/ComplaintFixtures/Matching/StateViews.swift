import BinaryCoding
import ComplaintPolicy
import ComplaintWorkflow
import Foundation

/// The state fields fixtures compare (DOMAIN.md §3 and §7), as value trees.
enum StateViews {
    /// A complaint's state with `clocks` as `{name: {phase, instance, dueAt?, warnedAt?, breachedAt?,
    /// usedMinutes}}` for the current instance of each clock, measured at `now`.
    static func complaint(_ state: ComplaintState, now: Date, policy: ServicePolicy) -> BinaryValue {
        var view = (try? BinaryEncoder().encodeValue(state)) ?? .map([:])
        var clocks: [String: BinaryValue] = [:]
        for (name, clock) in state.clocks {
            var fields: [String: BinaryValue] = [
                "phase": .string(clock.phase.rawValue),
                "instance": .int(Int64(clock.instance)),
                "usedMinutes": .int(clock.usedMinutes(at: now, calendar: policy.calendar)),
                "outcome": .string("\(clock.outcome)"),
            ]
            if let due = clock.dueAt(calendar: policy.calendar) { fields["dueAt"] = timestamp(due) }
            if let warned = clock.warnedAt { fields["warnedAt"] = timestamp(warned) }
            if let breached = clock.breachedAt { fields["breachedAt"] = timestamp(breached) }
            clocks[name.rawValue] = .map(fields)
        }
        view["clocks"] = .map(clocks)
        return view
    }

    /// An improvement cycle's state.
    static func improvement(_ state: ImprovementState) -> BinaryValue {
        (try? BinaryEncoder().encodeValue(state)) ?? .map([:])
    }

    static func timestamp(_ date: Date) -> BinaryValue {
        .timestamp(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }
}
