public import ComplaintPolicy
public import ComplaintWorkflow
public import Foundation

/// One scenario fixture, loaded and validated (FIXTURES.md; `Specs/fixture-format.md`).
public struct Scenario: Sendable {
    /// The scenario's name (`PASS name` / `FAIL name`).
    public var name: String
    /// What it checks and which rule (source and section, or "policy").
    public var description: String?
    /// The policy it runs with (logged as `PolicyActivated` when the scenario starts).
    public var policy: ServicePolicy
    /// Where the fixture clock starts.
    public var start: Date
    /// Steps that set the scene; each must succeed (unless it says `expect`).
    public var given: [ScenarioStep]
    /// The steps under test.
    public var when: [ScenarioStep]
    /// What must hold after `when`.
    public var then: Expectations
    /// The file it was loaded from (`<text>` for text).
    public var file: String
}

/// One step of `given` or `when`, with the line it is written on.
public struct ScenarioStep: Sendable {
    /// What the step does.
    public enum Action: Sendable {
        /// Send a command to the engine.
        case command(CommandStep)
        /// Move the clock forward by this many seconds, firing due timers.
        case advance(seconds: Int64)
        /// Move the clock to this instant, firing due timers.
        case until(Date)
        /// Close and reopen the engine on the same log.
        case restart
        /// Rebuild every projection from the log.
        case rebuild
    }

    /// What the step does.
    public var action: Action
    /// The line of the step in its file.
    public var line: Int
    /// `given[2]` or `when[0]`: how reports name the step.
    public var label: String
}

/// A `command:` step.
public struct CommandStep: Sendable {
    /// The command's name.
    public var name: CommandName
    /// The stream it is sent to.
    public var stream: String
    /// Who sends it.
    public var actor: Actor
    /// The command and its data.
    public var command: WorkflowCommand
    /// The stream version the sender saw, if the step states one.
    public var expectedVersion: Int?
    /// The idempotency key; a fresh one is made when `nil`.
    public var commandId: String?
    /// The error code the step must be refused with (`expect: {error: CODE}`).
    public var expectedError: String?
}

/// The `then` section: each part is optional; an absent part checks nothing.
public struct Expectations: Sendable {
    /// Events recorded during `when`, as an ordered subsequence.
    public var events: [ExpectedEvent] = []
    /// Event types none of which may be recorded during `when`.
    public var noEvents: [(type: String, line: Int)] = []
    /// Complaint state fields by complaint id.
    public var complaints: [(id: String, fields: FixtureNode, line: Int)] = []
    /// Queue contents (exact ids in exact order) by queue name.
    public var queues: [(name: String, ids: [String], line: Int)] = []
    /// KPI values, over everything or a slice.
    public var kpis: [KPIExpectation] = []
    /// Audit trails by complaint id, each an ordered subsequence.
    public var audit: [(stream: String, entries: [ExpectedEvent], line: Int)] = []
    /// Improvement-cycle state fields by cycle id.
    public var improvements: [(id: String, fields: FixtureNode, line: Int)] = []
}

/// An expected event (or audit entry): its type and the fields to compare.
public struct ExpectedEvent: Sendable {
    /// The event type.
    public var type: String
    /// The stream, when listed.
    public var stream: String?
    /// The actor id, and the role when written `id/role`.
    public var actorId: String?
    /// The actor's role, when listed.
    public var actorRole: String?
    /// The `occurredAt` instant, when listed (`at`).
    public var at: Date?
    /// Data fields to compare (recursively, listed keys only).
    public var data: FixtureNode?
    /// The automatic rule, when listed.
    public var rule: String?
    /// The line of the entry.
    public var line: Int

    /// `Type {stream: …, …}` as reports show it.
    var summary: String {
        var parts: [String] = []
        if let stream { parts.append("stream: \(stream)") }
        if let actorId { parts.append("actor: \(actorId)\(actorRole.map { "/\($0)" } ?? "")") }
        if let at { parts.append("at: \(FixtureTime.format(at))") }
        if let rule { parts.append("rule: \(rule)") }
        if let data { parts.append("data: \(data.flowText)") }
        return parts.isEmpty ? type : "\(type) {\(parts.joined(separator: ", "))}"
    }
}

/// Expected KPI values over everything recorded (no `where`) or over a slice.
public struct KPIExpectation: Sendable {
    /// The category slice (latest category).
    public var category: String?
    /// The channel slice (channel at receipt).
    public var channel: String?
    /// The owner slice (latest owner).
    public var owner: String?
    /// The department slice (latest department).
    public var department: String?
    /// The start of the receipt window (inclusive).
    public var from: Date?
    /// The end of the receipt window (exclusive).
    public var to: Date?
    /// Each KPI's expected value (`nil`: no value) and tolerance.
    public var values: [(kpi: KPI, value: Double?, tolerance: Double, line: Int)]
    /// The line of the expectation.
    public var line: Int
}
