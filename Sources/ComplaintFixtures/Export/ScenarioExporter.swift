import BinaryCoding
import ComplaintLMDB
import Foundation
import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Yams

/// Turns one complaint's recorded history into a scenario fixture that replays it.
///
/// The store is opened read-only. The scenario carries the logged policy inline (the full policy
/// mapping), replays the complaint's commands (with their original command ids, actors and times)
/// in `when`, and expects every event the complaint recorded — the automatic ones (rules, timers)
/// only there — and its final state. `given` holds the other streams its decisions depended on:
/// the customer's complaints received before it (the repeat rule) and the complaint a
/// `CloseComplaint(duplicate)` names. When the customer was forgotten, the erasure is replayed
/// in `when` at its time and personal fields read `"[erased]"`.
public struct ScenarioExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// Why an export failed.
    public struct ExportError: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public var description: String
    }

    /// The scenario (YAML text) for `complaint` in the store at `storeDirectory`.
    ///
    /// - Throws: ``ExportError`` when there is no such complaint; engine errors when the store
    ///   cannot be opened or read.
    public func export(storeDirectory: String, complaint: String) async throws -> String {
        let engine = try await ComplaintEngine.open(
            directory: storeDirectory, configuration: EngineConfiguration(access: .readOnly))
        defer { engine.close() }
        return try ExportPlan(engine: engine, complaint: complaint).yaml()
    }
}

/// The reading of one complaint's history into scenario parts.
struct ExportPlan {
    let engine: ComplaintEngine
    let complaint: String
    let own: [LoggedEvent]
    let customerId: String
    let receivedAt: Date

    init(engine: ComplaintEngine, complaint: String) throws {
        self.engine = engine
        self.complaint = complaint
        own = try engine.loggedEvents(stream: complaint)
        guard let first = own.first, case .complaintReceived(let received) = first.decided.event else {
            throw ScenarioExporter.ExportError(description: "no complaint '\(complaint)' in the store")
        }
        customerId = received.customer.id
        receivedAt = first.decided.occurredAt
    }

    func yaml() throws -> String {
        let given = try givenSteps()
        var whenSteps = own.filter(isCommandEvent).map { ($0.decided.occurredAt, $0.position, $0) }
        let erasure = try engine.loggedEvents(stream: StreamKind.customerStreamId(customerId)).filter(isCommandEvent)
        whenSteps += erasure.map { ($0.decided.occurredAt, $0.position, $0) }
        whenSteps.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        let start = min(given.first?.decided.occurredAt ?? receivedAt, receivedAt)

        var clock = start
        var givenNodes: [Node] = []
        for event in given {
            givenNodes += steps(for: event, clock: &clock, clampTo: receivedAt)
        }
        var whenNodes: [Node] = []
        for (_, _, event) in whenSteps { whenNodes += steps(for: event, clock: &clock, clampTo: nil) }

        let expectedEvents = (own + erasure).sorted { $0.position < $1.position }.map(expectedEvent)
        var top: [(String, Node)] = [
            ("name", YAMLNodes.string("Replay of complaint \(complaint)")),
            ("description", YAMLNodes.string(
                "Exported by complaintctl fixture export: the recorded history of \(complaint) replayed against the logged policy (policy)")),
            ("policy", YAMLNodes.policy(try policy().document)),
            ("start", YAMLNodes.time(start)),
        ]
        if !givenNodes.isEmpty { top.append(("given", YAMLNodes.sequence(givenNodes))) }
        top.append(("when", YAMLNodes.sequence(whenNodes)))
        var then: [(String, Node)] = [("events", YAMLNodes.sequence(expectedEvents))]
        if let state = try engine.complaint(complaint) {
            then.append(("complaints", YAMLNodes.mapping([(complaint, stateNode(state))])))
        }
        top.append(("then", YAMLNodes.mapping(then)))
        return try Yams.serialize(node: YAMLNodes.mapping(top), width: -1)
    }

    /// A command's own first event (not a rule's or a timer's).
    func isCommandEvent(_ event: LoggedEvent) -> Bool {
        event.decided.rule == nil && event.decided.actor.role != .system && !(event.commandId?.hasPrefix("timer:") ?? false)
    }

    /// The policy logged for the complaint's receipt.
    func policy() throws -> ServicePolicy {
        guard let position = own.first?.policyPosition,
              let record = try engine.log.read(from: position, limit: 1).first, record.type == "PolicyActivated"
        else { return .standard }
        let activation = try BinaryDecoder().decode(LoggedPolicy.self, from: record.payload)
        return try ServicePolicy.load(json: Data(activation.policy))
    }

    /// The steps of the other streams the complaint depended on, in log order: the customer's
    /// complaints received before it (up to its receipt) and a duplicate target's receipt.
    func givenSteps() throws -> [LoggedEvent] {
        var streams: [String] = try engine.customerHistory(customerId).complaints
            .filter { $0.id != complaint && $0.receivedAt <= receivedAt }.map(\.id)
        for event in own {
            if case .complaintClosed(let closed) = event.decided.event, let target = closed.duplicateOf, !streams.contains(target) {
                streams.append(target)
            }
        }
        var events: [LoggedEvent] = []
        for stream in streams {
            let history = try engine.loggedEvents(stream: stream).filter(isCommandEvent)
            let beforeReceipt = history.filter { $0.position < own[0].position }
            events += beforeReceipt.isEmpty ? Array(history.prefix(1)) : beforeReceipt
        }
        return events.sorted { $0.position < $1.position }
    }

    /// `until` (when time moved) and the command step of `event`.
    func steps(for event: LoggedEvent, clock: inout Date, clampTo limit: Date?) -> [Node] {
        guard let (name, data) = CommandReconstruction.command(from: event) else { return [] }
        var nodes: [Node] = []
        var at = event.decided.occurredAt
        if let limit, at > limit { at = limit }
        if at > clock {
            nodes.append(YAMLNodes.mapping([("until", YAMLNodes.time(at))], flow: true))
            clock = at
        }
        var step: [(String, Node)] = [
            ("command", YAMLNodes.string(name.rawValue)),
            ("stream", YAMLNodes.string(event.stream)),
            ("actor", YAMLNodes.string("\(event.decided.actor.id)/\(event.decided.actor.role.rawValue)")),
        ]
        if let commandId = event.commandId { step.append(("commandId", YAMLNodes.string(commandId))) }
        step.append(("data", YAMLNodes.value(data)))
        nodes.append(YAMLNodes.mapping(step))
        return nodes
    }

    func expectedEvent(_ event: LoggedEvent) -> Node {
        var fields: [(String, Node)] = [
            ("type", YAMLNodes.string(event.decided.event.typeName)),
            ("stream", YAMLNodes.string(event.stream)),
            ("actor", YAMLNodes.string("\(event.decided.actor.id)/\(event.decided.actor.role.rawValue)")),
            ("at", YAMLNodes.time(event.decided.occurredAt)),
        ]
        if let rule = event.decided.rule { fields.append(("rule", YAMLNodes.string(rule.rawValue))) }
        if let tree = try? EventCodec().tree(of: event.decided.event) { fields.append(("data", YAMLNodes.value(tree))) }
        return YAMLNodes.mapping(fields, flow: true)
    }

    /// The final state's fields of DOMAIN.md §3 (clocks without the time-dependent used minutes of
    /// running instances).
    func stateNode(_ state: ComplaintState) -> Node {
        guard case .map(var fields) = StateViews.complaint(state, now: Date(), policy: (try? policy()) ?? .standard) else {
            return YAMLNodes.mapping([])
        }
        let names = [
            "status", "escalationLevel", "severity", "assessedSeverity", "urgency", "customerImportance", "category",
            "problemClass", "source", "channel", "customerId", "owner", "department", "acknowledged", "authenticity",
            "reopenCount", "rejectionCount", "repeatOf", "receivedAt", "closedReason",
        ]
        if case .map(var clocks)? = fields["clocks"] {
            for (name, clock) in clocks {
                guard case .map(var clockFields) = clock else { continue }
                clockFields["outcome"] = nil
                if clockFields["phase"] == .string("running") { clockFields["usedMinutes"] = nil }
                clocks[name] = .map(clockFields)
            }
            fields["clocks"] = .map(clocks)
        }
        let pairs = (names + ["clocks"]).compactMap { name in fields[name].map { (name, YAMLNodes.value($0)) } }
            .filter { $0.1 != Node("null", Tag(.null)) }
        return YAMLNodes.mapping(pairs)
    }
}

/// The payload of `PolicyActivated` (the engine's `PolicyBook.Activation`).
private struct LoggedPolicy: Decodable {
    var version: String
    var hash: String
    var policy: [UInt8]
}
