import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import ComplaintEngine
import EventLog

/// A complaint's state fields (DOMAIN.md §3) as `show` prints them.
enum ComplaintView {
    /// The state fields in contract order, as JSON.
    static func json(_ id: String, _ state: ComplaintState, policy: ServicePolicy, now: Date) -> JSONValue {
        .object([
            ("id", .string(id)),
            ("status", .string(state.status.rawValue)),
            ("escalationLevel", .int(state.escalationLevel)),
            ("severity", .string(state.severity?.rawValue)),
            ("assessedSeverity", .string(state.assessedSeverity?.rawValue)),
            ("urgency", .string(state.urgency?.rawValue)),
            ("customerImportance", .int(state.customerImportance)),
            ("category", .string(state.category?.rawValue)),
            ("problemClass", .string(state.problemClass?.rawValue)),
            ("source", .string(state.source.rawValue)),
            ("channel", .string(state.channel.rawValue)),
            ("customerId", .string(state.customerId)),
            ("owner", .string(state.owner)),
            ("department", .string(state.department)),
            ("acknowledged", .bool(state.acknowledged)),
            ("authenticity", .string(state.authenticity?.rawValue)),
            ("reopenCount", .int(state.reopenCount)),
            ("rejectionCount", .int(state.rejectionCount)),
            ("repeatOf", .array(state.repeatOf.map(JSONValue.string))),
            ("receivedAt", .instant(state.receivedAt)),
            ("closedReason", .string(state.closedReason?.rawValue)),
            ("clocks", .object(clocks(state).map { clock in
                (clock.name.rawValue, .object([
                    ("phase", .string(clock.phase.rawValue)),
                    ("instance", .int(clock.instance)),
                    ("dueAt", .instant(clock.dueAt(calendar: policy.calendar))),
                    ("warnedAt", .instant(clock.warnedAt)),
                    ("breachedAt", .instant(clock.breachedAt)),
                    ("usedMinutes", .int(clock.usedMinutes(at: now, calendar: policy.calendar))),
                ]))
            })),
        ])
    }

    /// The state as a two-column table, then its clocks.
    static func text(_ id: String, _ state: ComplaintState, policy: ServicePolicy, now: Date) -> String {
        let zone = policy.calendar.timeZone
        var fields = Table(["field", "value"])
        let rows: [(String, String)] = [
            ("id", id), ("status", state.status.rawValue), ("escalationLevel", String(state.escalationLevel)),
            ("severity", state.severity?.rawValue ?? "–"), ("assessedSeverity", state.assessedSeverity?.rawValue ?? "–"),
            ("urgency", state.urgency?.rawValue ?? "–"), ("customerImportance", String(state.customerImportance)),
            ("category", state.category?.rawValue ?? "–"), ("problemClass", state.problemClass?.rawValue ?? "–"),
            ("source", state.source.rawValue), ("channel", state.channel.rawValue), ("customerId", state.customerId),
            ("owner", state.owner ?? "–"), ("department", state.department ?? "–"),
            ("acknowledged", String(state.acknowledged)), ("authenticity", state.authenticity?.rawValue ?? "–"),
            ("reopenCount", String(state.reopenCount)), ("rejectionCount", String(state.rejectionCount)),
            ("repeatOf", state.repeatOf.isEmpty ? "–" : state.repeatOf.joined(separator: ", ")),
            ("receivedAt", Instant.short(state.receivedAt, in: zone)), ("closedReason", state.closedReason?.rawValue ?? "–"),
        ]
        for row in rows { fields.add([row.0, row.1]) }
        var clockTable = Table(["clock", "instance", "phase", "dueAt", "warnedAt", "breachedAt", "usedMinutes", "outcome"])
        for clock in clocks(state) {
            clockTable.add([
                clock.name.rawValue, String(clock.instance), clock.phase.rawValue,
                clock.dueAt(calendar: policy.calendar).map { Instant.short($0, in: zone) } ?? "–",
                clock.warnedAt.map { Instant.short($0, in: zone) } ?? "–",
                clock.breachedAt.map { Instant.short($0, in: zone) } ?? "–",
                String(clock.usedMinutes(at: now, calendar: policy.calendar)), clock.outcome.rawValue,
            ])
        }
        return fields.text + "\n\n" + clockTable.text
    }

    /// The clocks in the contract's order (acknowledgement, resolution, followUp).
    static func clocks(_ state: ComplaintState) -> [SLAClock] {
        ClockName.allCases.compactMap { state.clocks[$0] }
    }
}
