public import ArgumentParser
public import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import EventLog

/// `complaintctl pdca [ID]`: improvement cycles and the suggestions the engine has recorded.
public struct PDCACommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pdca",
        abstract: "Print an improvement cycle (PDCA) with its measured check, or list every cycle and the current suggestions.")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The cycle id.
    @Argument(help: "The improvement cycle id (PDCA-1); without it, every cycle and the suggestions.")
    public var id: String?

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        if let id {
            guard let state = try engine.improvement(id) else { throw CLIError("notFound", "no improvement cycle \(id)") }
            console.line(output.json ? JSONValue.encoding(state).text : Self.text(id, state, zone: engine.policy.calendar.timeZone))
            return
        }
        let cycles = try engine.improvements().compactMap { id in try engine.improvement(id).map { (id, $0) } }
        let suggestions = try engine.improvementSuggestions()
        if output.json {
            console.line(JSONValue.object([
                ("cycles", .array(cycles.map { id, state in
                    .object([("id", .string(id)), ("state", JSONValue.encoding(state))])
                })),
                ("suggestions", .array(suggestions.map { JSONValue.encoding($0.suggestion) })),
            ]).text)
            return
        }
        var table = Table(["cycle", "status", "trigger", "owner", "objectives", "actions", "verdict", "outcome"])
        for (id, state) in cycles {
            table.add([
                id, state.status.rawValue, state.trigger.rawValue, state.owner, String(state.objectives.count),
                String(state.actions.count), state.verdict?.rawValue ?? "–", state.outcome?.rawValue ?? "–",
            ])
        }
        console.line(cycles.isEmpty ? "no improvement cycles" : table.text)
        console.line()
        console.line(Self.suggestionText(suggestions))
    }

    static func suggestionText(_ suggestions: [SuggestedImprovement]) -> String {
        guard !suggestions.isEmpty else { return "no suggestions" }
        let shown = 10
        var table = Table(["suggestion", "rule", "evidence", "why"])
        for suggested in suggestions.prefix(shown) {
            table.add([
                suggested.suggestion.suggestionId, suggested.suggestion.rule.rawValue,
                String(suggested.suggestion.evidence.count), suggested.decided.reason ?? "",
            ])
        }
        let more = suggestions.count > shown ? "\n… \(suggestions.count - shown) more (--json lists every one)" : ""
        return "suggestions (\(suggestions.count)):\n" + table.text + more
    }

    /// A cycle: its facts, objectives with baseline and result figures, and actions.
    static func text(_ id: String, _ state: ImprovementState, zone: TimeZone) -> String {
        var lines = [
            "\(id): \(state.status.rawValue)\(state.outcome.map { " (\($0.rawValue))" } ?? "")  trigger \(state.trigger.rawValue)  owner \(state.owner)",
            "problem: \(state.problem)",
            "evidence: \(state.evidence.count) complaint(s)\(state.suggestionId.map { "; suggestion \($0)" } ?? "")",
            "root causes: " + (state.rootCauses.isEmpty ? "–" : state.rootCauses.map { "\($0.causeClass.rawValue) (\($0.method.rawValue))" }.joined(separator: ", ")),
        ]
        if let window = state.resultWindow {
            lines.append("check window: \(Instant.short(window.from, in: zone)) .. \(Instant.short(window.to, in: zone))")
        }
        lines.append("verdict: \(state.verdict?.rawValue ?? "not evaluated yet")"
            + (state.nextCycleId.map { "; next cycle \($0)" } ?? "") + (state.previousCycleId.map { "; continues \($0)" } ?? ""))
        var objectives = Table(["objective", "kpi", "filter", "baseline", "target", "baseline figure", "result figure"])
        for objective in state.objectives {
            let isRate = objective.kpi.isRate
            func show(_ value: Double?) -> String { isRate ? Figure.percent(value) : Figure.decimal(value, 2) }
            objectives.add([
                objective.objectiveId, objective.kpi.rawValue, filterText(objective.filter),
                "\(KPIBoard.day(objective.baseline.from, zone))..\(KPIBoard.day(objective.baseline.to, zone))",
                show(objective.target), show(objective.baselineFigure), show(objective.resultFigure),
            ])
        }
        var actions = Table(["action", "type", "owner", "phase"])
        for action in state.actions { actions.add([action.actionId, action.type.rawValue, action.owner, action.phase.rawValue]) }
        return (lines + ["", objectives.text, "", actions.text]).joined(separator: "\n")
    }

    static func filterText(_ filter: ObjectiveFilter) -> String {
        let parts = [
            filter.category.map { "category=\($0.rawValue)" }, filter.channel.map { "channel=\($0.rawValue)" },
            filter.owner.map { "owner=\($0)" }, filter.department.map { "department=\($0)" },
        ].compactMap { $0 }
        return parts.isEmpty ? "all" : parts.joined(separator: ",")
    }
}
