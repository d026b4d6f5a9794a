import BinaryCoding
import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation

/// Compares expected events (and audit entries) with recorded ones.
enum EventMatching {
    /// The differences between `expected` and `event` (empty: it matches).
    static func differences(_ expected: ExpectedEvent, _ event: LoggedEvent) -> [String] {
        var found: [String] = []
        if event.decided.event.typeName != expected.type { found.append("type: expected \(expected.type), found \(event.decided.event.typeName)") }
        if let stream = expected.stream, stream != event.stream { found.append("stream: expected \(stream), found \(event.stream)") }
        if let id = expected.actorId, id != event.decided.actor.id { found.append("actor: expected \(id), found \(event.decided.actor)") }
        if let role = expected.actorRole, role != event.decided.actor.role.rawValue {
            found.append("actor: expected \(expected.actorId ?? "")/\(role), found \(event.decided.actor)")
        }
        if let at = expected.at, abs(at.timeIntervalSince(event.decided.occurredAt)) > 0.000_000_5 {
            found.append("at: expected \(FixtureTime.format(at)), found occurredAt \(FixtureTime.format(event.decided.occurredAt))")
        }
        if let rule = expected.rule, rule != event.decided.rule?.rawValue {
            found.append("rule: expected \(rule), found \(event.decided.rule?.rawValue ?? "none")")
        }
        if let data = expected.data {
            let tree = try? EventCodec().tree(of: event.decided.event)
            found += ValueMatching.differences(expected: data, actual: tree, path: "data")
        }
        return found
    }

    /// Checks that `expected` appear in `recorded` in order (others may lie between); returns the
    /// differences, naming the expectation (`then.events[2] (line 30)`).
    static func subsequence(_ expected: [ExpectedEvent], in recorded: [LoggedEvent], label: String) -> [String] {
        var next = recorded.startIndex
        for (index, entry) in expected.enumerated() {
            if let match = recorded[next...].firstIndex(where: { differences(entry, $0).isEmpty }) {
                next = match + 1
                continue
            }
            var lines = ["\(label)[\(index)] (line \(entry.line)): expected \(entry.summary)"]
            let sameType = recorded[next...].filter { $0.decided.event.typeName == entry.type }
            if sameType.isEmpty {
                let earlier = recorded[..<next].contains { differences(entry, $0).isEmpty }
                let seen = recorded[next...].map(\.decided.event.typeName)
                lines.append("    not recorded\(earlier ? " after the previous match (it came earlier: order differs)" : "")"
                    + "; recorded\(next > 0 ? " after the previous match" : ""): \(seen.isEmpty ? "nothing" : seen.joined(separator: ", "))")
            } else {
                for candidate in sameType.prefix(3) {
                    lines.append("    \(candidate.decided.event.typeName) on \(candidate.stream) at position \(candidate.position) differs: "
                        + differences(entry, candidate).joined(separator: "; "))
                }
            }
            return [lines.joined(separator: "\n")]
        }
        return []
    }
}
