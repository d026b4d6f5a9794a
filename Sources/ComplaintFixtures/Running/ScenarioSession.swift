import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// One run of one scenario: the engine, its clock, and what the steps recorded.
final class ScenarioSession {
    let scenario: Scenario
    let directory: String
    let clock: ManualClock
    let configuration: EngineConfiguration
    private(set) var engine: ComplaintEngine
    /// Each command id's recorded positions (for idempotent retries).
    private var outcomes: [String: [UInt64]] = [:]

    init(scenario: Scenario, directory: String, faults: WorkflowFaults) async throws {
        self.scenario = scenario
        self.directory = directory
        clock = ManualClock(scenario.start)
        var configuration = EngineConfiguration(policy: scenario.policy, clock: clock, durability: .relaxed)
        configuration.faults = faults
        self.configuration = configuration
        engine = try await ComplaintEngine.open(directory: directory, configuration: configuration)
    }

    func close() { engine.close() }

    /// Plays `given` and `when` and checks `then`; returns the differences.
    func play() async throws -> [String] {
        for step in scenario.given {
            if let failure = try await perform(step) { return [failure] }
        }
        let mark = try engine.log.headPosition()
        for step in scenario.when {
            if let failure = try await perform(step) { return [failure] }
        }
        let recorded = try engine.loggedEvents(after: mark)
        return try ExpectationChecks(engine: engine, scenario: scenario, now: clock.now(), recorded: recorded).differences()
    }

    /// Performs one step; returns why it failed, or `nil`.
    private func perform(_ step: ScenarioStep) async throws -> String? {
        let at = "\(step.label) (line \(step.line))"
        switch step.action {
        case .command(let command):
            return try await send(command, at: at, label: step.label)
        case .advance(let seconds):
            try await engine.advance(to: clock.now().addingTimeInterval(TimeInterval(seconds)))
        case .until(let instant):
            guard instant >= clock.now() else {
                return "\(at): until \(FixtureTime.format(instant)) is before the fixture clock (\(FixtureTime.format(clock.now())))"
            }
            try await engine.advance(to: instant)
        case .restart:
            engine.close()
            engine = try await ComplaintEngine.open(directory: directory, configuration: configuration)
        case .rebuild:
            try engine.log.rebuildProjections()
        }
        return nil
    }

    private func send(_ step: CommandStep, at: String, label: String) async throws -> String? {
        let commandId = step.commandId ?? "fixture:\(label)"
        let envelope = CommandEnvelope(
            commandId: commandId, streamId: step.stream, actor: step.actor, expectedVersion: step.expectedVersion,
            command: step.command)
        let what = "\(at) \(step.name.rawValue) on \(step.stream)"
        let before = try engine.log.headPosition()
        do {
            let events = try await engine.handle(envelope)
            let positions = events.map(\.position)
            if let expected = step.expectedError {
                return "\(what): expected error \(expected), but it was accepted (\(events.map(\.decided.event.typeName).joined(separator: ", ")))"
            }
            if let earlier = outcomes[commandId] {
                if earlier != positions {
                    return "\(what): retry of commandId \(commandId) returned positions \(positions), the first outcome was \(earlier)"
                }
                let fresh = try engine.loggedEvents(after: before).filter { $0.commandId == commandId }
                if !fresh.isEmpty { return "\(what): retry of commandId \(commandId) recorded \(fresh.count) more events" }
            } else {
                outcomes[commandId] = positions
            }
            return nil
        } catch {
            guard let expected = step.expectedError else {
                return "\(what): refused with \(error.code) (\(error)), but no error was expected"
            }
            if error.code != expected {
                return "\(what): expected error \(expected), found \(error.code) (\(error))"
            }
            let recorded = try engine.loggedEvents(after: before).filter { $0.commandId == commandId }
            if !recorded.isEmpty {
                return "\(what): refused with \(expected) but recorded \(recorded.map(\.decided.event.typeName))"
            }
            return nil
        }
    }
}
