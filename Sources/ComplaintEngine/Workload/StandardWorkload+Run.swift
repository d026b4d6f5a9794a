public import ComplaintWorkflow
import EventLog
public import Foundation

extension StandardWorkload {
    /// How ``StandardWorkload/run(on:clock:complaints:mode:progress:)`` submits the commands.
    public enum SubmissionMode: Sendable, Hashable {
        /// One command at a time, in time order (each its own commit).
        case perCommand
        /// Up to `n` commands in flight at once, each awaiting its own result (group commit).
        ///
        /// Every command is handled with the clock at exactly its own time, so only commands due at
        /// the same instant run together: the workload has about 12.6 of them per instant, which
        /// bounds the useful `n`. The final states equal those of ``perCommand``.
        case concurrent(Int)
    }

    /// How far a run has got.
    public struct Progress: Sendable, Hashable {
        /// Complaints whose last command was handled.
        public var complaintsDone: Int
        /// Complaints in the run.
        public var complaints: Int
        /// Commands handled.
        public var commands: Int
    }

    /// What a run did and how long it took.
    public struct Report: Sendable, Hashable, CustomStringConvertible {
        /// Complaints run.
        public var complaints: Int
        /// Commands handled.
        public var commands: Int
        /// Events the run appended (the log's head moved by this much).
        public var events: Int
        /// Commits the log made during the run.
        public var commits: Int
        /// Wall time of the run.
        public var elapsed: Duration
        /// The mode it ran in.
        public var mode: SubmissionMode

        /// Events per complaint (`WORKLOAD.md`: about 12.3).
        public var eventsPerComplaint: Double { complaints == 0 ? 0 : Double(events) / Double(complaints) }
        /// Events per second of wall time.
        public var eventsPerSecond: Double { events == 0 ? 0 : Double(events) / elapsed.seconds }
        /// Commands per second of wall time.
        public var commandsPerSecond: Double { commands == 0 ? 0 : Double(commands) / elapsed.seconds }

        /// `write: E events in S s = R events/s (MODE)`, the workload's output line.
        public var description: String {
            let mode = switch mode {
            case .perCommand: "per-command"
            case .concurrent(let n): "concurrency \(n)"
            }
            return "write: \(events) events in \(String(format: "%.3f", elapsed.seconds)) s = "
                + "\(Int(eventsPerSecond.rounded())) events/s (\(mode), \(commands) commands, \(commits) commits)"
        }
    }

    /// A command of the workload that the engine did not accept: a bug in the generator or the
    /// engine, never an expected outcome.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The complaint's index.
        public var complaint: Int
        /// The step's index within the complaint.
        public var step: Int
        /// The refused command.
        public var command: CommandName
        /// Its command id.
        public var commandId: String
        /// The engine's error code (`invalidTransition`, `notPermitted`, …), or `clockAhead`.
        public var code: String
        /// The engine's reason.
        public var reason: String

        /// Complaint, step, command and reason.
        public var description: String {
            "standard workload: complaint \(complaint) step \(step) (\(command.rawValue), \(commandId)) was refused: "
                + "\(code): \(reason)"
        }
    }

    /// Runs complaints `0 ..< complaints` through `engine`, moving `clock` (the engine's clock) to each
    /// command's time before handling it.
    ///
    /// The engine should be opened with ``policy`` and `clock` starting at or before ``start``.
    ///
    /// - Parameters:
    ///   - engine: the engine to drive.
    ///   - clock: the engine's manual clock.
    ///   - complaints: how many complaints to run (complaint `i` for `i` in `0 ..< complaints`).
    ///   - mode: how commands are grouped into commits (WORKLOAD.md's `--commit` modes).
    ///   - progress: called after each instant in which a complaint finished.
    /// - Throws: ``Refusal`` for the first command the engine does not accept (nothing after it is
    ///   submitted), or when `clock` is already past the first command's time.
    @discardableResult
    public func run(
        on engine: ComplaintEngine, clock: ManualClock, complaints: Int, mode: SubmissionMode = .perCommand,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) async throws(Refusal) -> Report {
        let submitters: Int = switch mode {
        case .perCommand: 1
        case .concurrent(let n): max(1, n)
        }
        let head = (try? engine.log.headPosition()) ?? 0
        let commitsBefore = engine.log.statistics.commits
        let began = ContinuousClock.now
        var commands = 0
        var done = 0
        for due in schedule(complaints: complaints) {
            let time = due[0].time
            if clock.now() > time {
                throw Refusal(
                    complaint: due[0].complaint, step: due[0].index, command: due[0].envelope.command.name,
                    commandId: due[0].envelope.commandId, code: "clockAhead",
                    reason: "the clock shows \(clock.now()), after the command's time \(time)")
            }
            clock.set(time)
            if submitters == 1 || due.count == 1 {
                for step in due { try await Self.handle(step, on: engine) }
            } else {
                try await Self.handleConcurrently(due, on: engine, submitters: submitters)
            }
            commands += due.count
            let finished = due.count { $0.envelope.command.name == .closeComplaint }
            if finished > 0 {
                done += finished
                progress?(Progress(complaintsDone: done, complaints: complaints, commands: commands))
            }
        }
        let elapsed = ContinuousClock.now - began
        let events = Int(((try? engine.log.headPosition()) ?? head) - head)
        return Report(
            complaints: complaints, commands: commands, events: events,
            commits: engine.log.statistics.commits - commitsBefore, elapsed: elapsed, mode: mode)
    }

    private static func handle(_ step: Step, on engine: ComplaintEngine) async throws(Refusal) {
        do {
            try await engine.handle(step.envelope)
        } catch {
            throw Refusal(
                complaint: step.complaint, step: step.index, command: step.envelope.command.name,
                commandId: step.envelope.commandId, code: error.code, reason: error.description)
        }
    }

    /// Handles commands of one instant (all for different complaints) with up to `submitters` in flight.
    private static func handleConcurrently(_ due: [Step], on engine: ComplaintEngine, submitters: Int) async throws(Refusal) {
        let outcome: Refusal? = await withTaskGroup(of: Refusal?.self) { group in
            var next = 0
            func submit() {
                let step = due[next]
                next += 1
                group.addTask {
                    do throws(Refusal) {
                        try await handle(step, on: engine)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            while next < min(submitters, due.count) { submit() }
            var first: Refusal?
            while let result = await group.next() {
                if let result {
                    first = first ?? result
                } else if first == nil, next < due.count {
                    submit()
                }
            }
            return first
        }
        if let outcome { throw outcome }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
