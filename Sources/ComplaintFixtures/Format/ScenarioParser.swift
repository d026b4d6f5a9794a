import ComplaintPolicy
import ComplaintWorkflow
public import Foundation
import Yams

/// Loads scenario fixtures from YAML or JSON text (JSON is read as YAML: same structure) and
/// validates them, so that every problem is a ``FixtureError`` with the file, line and reason.
public struct ScenarioParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Loads the fixture file at `url`.
    public func load(file url: URL) throws(FixtureError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FixtureError(.unreadable, file: url.path, line: 0, "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text, file: url.path)
    }

    /// Loads a fixture from its text; `file` names it in errors and reports.
    public func parse(_ text: String, file: String = "<text>") throws(FixtureError) -> Scenario {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw FixtureError(.missingKey, file: file, line: 1, "the fixture is empty")
            }
            root = node
        } catch let error as FixtureError {
            throw error
        } catch let error as YamlError {
            throw FixtureError(.badYAML, file: file, line: error.line, "malformed YAML: \(error.problem)")
        } catch {
            throw FixtureError(.badYAML, file: file, line: 0, "malformed YAML: \(error)")
        }
        return try ScenarioReading(file: file).scenario(root)
    }
}

extension YamlError {
    /// The line the parser stopped at.
    var line: Int {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }

    /// The parser's complaint, without the echoed text.
    var problem: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
        default: "\(self)"
        }
    }
}

/// The reading of one fixture file's tree.
struct ScenarioReading {
    let file: String

    static let topKeys: Set<String> = ["name", "description", "policy", "start", "given", "when", "then"]

    func scenario(_ root: Node) throws(FixtureError) -> Scenario {
        let top = try MappingReader(root, file: file, context: "the scenario")
        try top.onlyKeys(Self.topKeys)
        let name = try top.requiredString("name")
        let start = try top.required("start").instant(file: file, what: "start")
        let policy = try PolicyReading(file: file).policy(top["policy"])
        let given = try steps(top["given"], section: "given")
        guard let whenNode = top["when"] else {
            throw FixtureError(.missingKey, file: file, line: top.line, "the scenario needs 'when' (the steps under test)")
        }
        let when = try steps(whenNode, section: "when")
        let then = try top["then"].map { (node) throws(FixtureError) in try ExpectationReading(file: file).expectations(node) }
            ?? Expectations()
        return Scenario(
            name: name, description: try top.string("description"), policy: policy, start: start, given: given,
            when: when, then: then, file: file)
    }

    func steps(_ node: Node?, section: String) throws(FixtureError) -> [ScenarioStep] {
        guard let node else { return [] }
        if case .scalar = node, node.null != nil { return [] }
        var steps: [ScenarioStep] = []
        for (index, item) in try node.list(file: file, what: section).enumerated() {
            steps.append(try StepReading(file: file).step(item, label: "\(section)[\(index)]"))
        }
        return steps
    }
}
