import BinaryCoding
import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation

/// Checks a scenario's `then` against the engine after `when`.
struct ExpectationChecks {
    let engine: ComplaintEngine
    let scenario: Scenario
    let now: Date
    /// The events recorded during `when`.
    let recorded: [LoggedEvent]

    var then: Expectations { scenario.then }

    func differences() throws -> [String] {
        var found = EventMatching.subsequence(then.events, in: recorded, label: "then.events")
        for (type, line) in then.noEvents {
            let hits = recorded.filter { $0.decided.event.typeName == type }
            if !hits.isEmpty {
                found.append("then.noEvents (line \(line)): \(type) was recorded during when (\(hits.map { "\($0.stream) at position \($0.position)" }.joined(separator: ", ")))")
            }
        }
        for (id, fields, line) in then.complaints {
            guard let state = try engine.complaint(id) else {
                found.append("then.complaints.\(id) (line \(line)): no such complaint")
                continue
            }
            let view = StateViews.complaint(state, now: now, policy: scenario.policy)
            found += ValueMatching.differences(expected: fields, actual: view, path: "")
                .map { "then.complaints.\(id) (line \(line)): \($0)" }
        }
        for (name, ids, line) in then.queues {
            let actual = try engine.queueIds(name)
            if actual != ids {
                found.append("then.queues.\(name) (line \(line)): expected [\(ids.joined(separator: ", "))], found [\(actual.joined(separator: ", "))]")
            }
        }
        for expectation in then.kpis { found += try kpiDifferences(expectation) }
        for (stream, entries, _) in then.audit {
            let trail = try engine.auditTrail(complaint: stream)
            let events = try engine.loggedEvents(stream: stream)
            let positions = Set(trail.map(\.position))
            found += EventMatching.subsequence(entries, in: events.filter { positions.contains($0.position) }, label: "then.audit.\(stream)")
        }
        for (id, fields, line) in then.improvements {
            guard let state = try engine.improvement(id) else {
                found.append("then.improvements.\(id) (line \(line)): no such improvement cycle")
                continue
            }
            found += ValueMatching.differences(expected: fields, actual: StateViews.improvement(state), path: "")
                .map { "then.improvements.\(id) (line \(line)): \($0)" }
        }
        return found
    }

    private func kpiDifferences(_ expectation: KPIExpectation) throws -> [String] {
        var slice = KPISlice()
        slice.category = expectation.category.flatMap(Category.init(rawValue:))
        slice.channel = expectation.channel.flatMap(Channel.init(rawValue:))
        slice.owner = expectation.owner
        slice.department = expectation.department
        let report: KPIReport = if expectation.from != nil || expectation.to != nil {
            try engine.kpis(
                from: expectation.from ?? .distantPast, to: expectation.to ?? Date(timeIntervalSince1970: 253_402_300_799),
                where: slice)
        } else {
            try engine.kpis(where: slice)
        }
        var found: [String] = []
        for (kpi, value, tolerance, line) in expectation.values {
            let figure = report[kpi]
            let actual = figure.value
            let matches: Bool = switch (value, actual) {
            case (nil, nil): true
            case (let expected?, let actual?): abs(expected - actual) <= tolerance
            default: false
            }
            if !matches {
                found.append("then.kpis.\(kpi.rawValue) (line \(line)): expected \(value.map { "\($0)" } ?? "null"), "
                    + "found \(actual.map { "\($0)" } ?? "null") (\(figure.numerator)/\(figure.denominator))")
            }
        }
        return found
    }
}
