public import ArgumentParser
public import ComplaintEngine
import ComplaintPolicy
import Foundation
import ComplaintWorkflow
import EventLog

/// `complaintctl policy show|check FILE`.
public struct PolicyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Show the store's policy, or check a policy file.",
        subcommands: [Show.self, Check.self])

    public init() {}

    /// `policy show`: the policy the store logged last.
    public struct Show: StoreReadingCommand {
        public static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print the policy the store logged last (--json: its canonical JSON).")

        @OptionGroup public var storeOptions: StoreOptions
        @OptionGroup public var output: OutputOptions

        public init() {}

        public func read(_ engine: ComplaintEngine, on console: Console) async throws {
            guard let document = try StoreAccess.loggedPolicyDocument(of: engine) else {
                throw CLIError("notFound", "the store has logged no policy")
            }
            if output.json {
                console.line(String(decoding: document, as: UTF8.self))
            } else {
                console.line(PolicyCommand.summary(try ServicePolicy.load(json: document)))
            }
        }
    }

    /// `policy check FILE`: loads and validates a policy file (YAML or JSON).
    public struct Check: ConsoleCommand {
        public static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a policy file (YAML or JSON: a preset name, {preset, overrides}, or a full policy); exit 1 naming the first problem.")

        @OptionGroup public var output: OutputOptions

        /// The policy file.
        @Argument(help: "The policy file.")
        public var file: String

        public init() {}

        public func execute(on console: Console) async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("input", "cannot read \(file)") }
            let text = String(decoding: data, as: UTF8.self)
            let policy: ServicePolicy
            do {
                policy = try ServicePolicy.load(yaml: text)
            } catch {
                throw CLIError("invalidPolicy", "\(file): \(error)")
            }
            if output.json {
                console.line(String(decoding: policy.canonicalBytes(), as: UTF8.self))
            } else {
                console.line("\(file): valid")
                console.line(PolicyCommand.summary(policy))
            }
        }
    }

    /// The values an operator checks first.
    static func summary(_ policy: ServicePolicy) -> String {
        var lines = ["policy \(policy.name) version \(policy.version)"]
        var clocks = Table(["clock", "target", "calendar", "warnAt"])
        for name in ClockName.allCases {
            guard let clock = policy.clocks[name] else { continue }
            let minutes = clock.target / 60
            clocks.add([name.rawValue, minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes)m", clock.calendar.rawValue, Figure.decimal(clock.warnAt, 2)])
        }
        lines.append(clocks.text)
        lines.append("calendar: \(policy.calendar.timeZoneIdentifier)")
        lines.append("approval above \(Figure.decimal(Double(policy.approvalCompensationLimit) / 100, 2)) CNY; high amount \(Figure.decimal(Double(policy.highAmount) / 100, 2)) CNY")
        lines.append("reopen window \(policy.reopenWindowDays) days; unreachable after \(policy.unreachableAttempts) attempts; satisfied at \(policy.satisfactionThreshold)/5")
        let escalation = policy.escalation.keys.sorted { $0.rawValue < $1.rawValue }
            .map { "\($0.rawValue)\(policy.isEnabled($0) ? "" : " (off)")" }
        lines.append("escalation rules: " + escalation.joined(separator: ", "))
        lines.append("categories: " + policy.categories.map(\.rawValue).joined(separator: ", "))
        let targets = policy.kpiTargets.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        lines.append("KPI targets: " + (targets.isEmpty ? "none" : targets.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }
}
