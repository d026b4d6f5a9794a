import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import EventLog

/// What the demo prints once the month is simulated: the queues, the KPI board by category and by
/// channel, one complaint's audit trail, the improvement record with its measured check, the
/// erasure, and the log's verification. Every line is a function of the seed (hashes aside: payloads
/// are encrypted with random nonces).
enum DemoBoard {
    static func print(_ outcome: DemoSimulation.Outcome, settings: DemoSimulation.Settings, engine: ComplaintEngine, on console: Console) async throws {
        let zone = engine.policy.calendar.timeZone
        let head = try engine.log.headPosition()
        console.line("== complaintctl demo: \(settings.days) days from \(Instant.short(settings.start, in: zone)) (\(zone.identifier)), seed \(settings.seed)")
        console.line("\(outcome.complaints) complaints, \(outcome.commands) commands accepted, \(head) events recorded; "
            + "refused: \(outcome.refusals.values.reduce(0, +))"
            + (outcome.refusals.isEmpty ? "" : " (" + outcome.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"))

        console.line()
        console.line("== Queues (open complaints by queue)")
        let counts = try engine.queueCounts().sorted { $0.key < $1.key }
        var queues = Table(["queue", "complaints", "first in line"], numericFrom: 1)
        for (queue, count) in counts where !queue.rawValue.hasPrefix("owner:") {
            queues.add([queue.rawValue, String(count), try engine.queue(queue.rawValue, limit: 3).ids.joined(separator: " ")])
        }
        let owners = counts.filter { $0.key.rawValue.hasPrefix("owner:") }
        queues.add(["owner:* (\(owners.count) owners)", String(owners.map(\.value).reduce(0, +)), ""])
        console.line(queues.text)
        if let breached = try engine.queue("breached", limit: 5).ids.first.map({ [$0] }), !breached.isEmpty {
            console.line()
            console.line("breached, top 5:")
            let ids = try engine.queue("breached", limit: 5).ids
            console.line(QueueCommand.table(try ids.map { ($0, try engine.complaint($0)) }, engine: engine).text)
        }

        let from = settings.start
        let to = outcome.end
        console.line()
        console.line("== KPI board by category (complaints received in the month)")
        console.line(try KPIBoard.byDimension(.category, from: from, to: to, engine: engine).text(zone: zone))
        console.line()
        console.line("== KPI board by channel")
        console.line(try KPIBoard.byDimension(.channel, from: from, to: to, engine: engine).text(zone: zone))

        if let id = try featuredComplaint(engine: engine, count: outcome.complaints) {
            console.line()
            console.line("== Audit trail of \(id) (hashes are random per run: payloads are encrypted with fresh nonces)")
            console.line(AuditCommand.table(try AuditCommand.trail(id, of: engine), engine: engine).text)
        }

        if let improvementId = outcome.improvementId, let state = try engine.improvement(improvementId) {
            console.line()
            console.line("== Improvement cycle (PDCA) taken up from a suggestion (\(outcome.suggestionCount) suggested at the time)")
            if let suggestion = outcome.suggestion {
                console.line("suggestion \(suggestion.suggestion.suggestionId): \(suggestion.decided.reason ?? "")")
            }
            console.line(PDCACommand.text(improvementId, state, zone: zone))
        }

        if let customer = outcome.forgottenCustomer {
            console.line()
            console.line("== Erasure")
            let history = try engine.customerHistory(customer)
            var export = ""
            if let first = history.complaints.first { try engine.exportAudit(complaint: first.id, to: &export) }
            let erased = export.components(separatedBy: "[erased]").count - 1
            console.line("customer \(customer) forgotten: standing \(history.standing), \(history.complaints.count) complaint(s); "
                + "the audit export of \(history.complaints.first?.id ?? "–") shows [erased] \(erased) times")
        }

        console.line()
        console.line("== Verify")
        console.line(try engine.log.verify().description)
    }

    /// The complaint whose trail shows the most: reopened, else breached and escalated, else the first.
    static func featuredComplaint(engine: ComplaintEngine, count: Int) throws -> String? {
        var fallback: String?
        var escalated: String?
        for index in 0..<count {
            let id = DemoSimulation.complaintId(index)
            guard let state = try engine.complaint(id) else { continue }
            fallback = fallback ?? id
            if state.reopenCount > 0, state.rejectionCount > 0 || state.escalationLevel > 0 { return id }
            if escalated == nil, state.escalationLevel >= 2, state.clocks.values.contains(where: { $0.breachedAt != nil }), state.status == .closed {
                escalated = id
            }
        }
        return escalated ?? fallback
    }
}
