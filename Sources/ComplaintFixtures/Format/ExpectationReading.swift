import ComplaintPolicy
import Foundation
import Yams

/// Reads the `then` section.
struct ExpectationReading {
    let file: String

    static let sections: Set<String> = ["events", "noEvents", "complaints", "queues", "kpis", "audit", "improvements"]
    static let eventKeys: Set<String> = ["type", "stream", "actor", "at", "data", "rule"]
    static let sliceKeys: Set<String> = ["category", "channel", "owner", "department", "from", "to"]

    func expectations(_ node: Node) throws(FixtureError) -> Expectations {
        var result = Expectations()
        let then = try MappingReader(node, file: file, context: "then")
        try then.onlyKeys(Self.sections)
        if let events = then["events"] {
            result.events = try events.list(file: file, what: "then.events").map { (item) throws(FixtureError) in
                try event(item, what: "then.events")
            }
        }
        if let none = then["noEvents"] {
            result.noEvents = try none.list(file: file, what: "then.noEvents").map { (item) throws(FixtureError) in
                (try item.scalarString(file: file, what: "then.noEvents"), item.line)
            }
        }
        if let complaints = then["complaints"] {
            result.complaints = try keyed(complaints, what: "then.complaints")
        }
        if let improvements = then["improvements"] {
            result.improvements = try keyed(improvements, what: "then.improvements")
        }
        if let queues = then["queues"] {
            let reader = try MappingReader(queues, file: file, context: "then.queues")
            result.queues = try reader.pairs.map { (pair) throws(FixtureError) in
                let ids = try pair.value.list(file: file, what: "then.queues.\(pair.key)").map { (id) throws(FixtureError) in
                    try id.scalarString(file: file, what: "then.queues.\(pair.key)")
                }
                return (pair.key, ids, pair.value.line)
            }
        }
        if let kpis = then["kpis"] {
            result.kpis = try self.kpis(kpis)
        }
        if let audit = then["audit"] {
            let reader = try MappingReader(audit, file: file, context: "then.audit")
            result.audit = try reader.pairs.map { (pair) throws(FixtureError) in
                let entries = try pair.value.list(file: file, what: "then.audit.\(pair.key)").map { (item) throws(FixtureError) in
                    try event(item, what: "then.audit.\(pair.key)")
                }
                return (pair.key, entries, pair.value.line)
            }
        }
        return result
    }

    private func keyed(_ node: Node, what: String) throws(FixtureError) -> [(id: String, fields: FixtureNode, line: Int)] {
        let reader = try MappingReader(node, file: file, context: what)
        return try reader.pairs.map { (pair) throws(FixtureError) in
            _ = try MappingReader(pair.value, file: file, context: "\(what).\(pair.key)")
            return (pair.key, FixtureNode(pair.value), pair.value.line)
        }
    }

    func event(_ node: Node, what: String) throws(FixtureError) -> ExpectedEvent {
        let reader = try MappingReader(node, file: file, context: "an entry of \(what)")
        try reader.onlyKeys(Self.eventKeys)
        var actor: (id: String, role: String?)?
        if let actorNode = reader["actor"] {
            actor = try ActorReading.parts(actorNode, file: file, what: "\(what) actor")
        }
        let data = try reader["data"].map { (data) throws(FixtureError) in
            _ = try MappingReader(data, file: file, context: "\(what) data")
            return FixtureNode(data)
        }
        return ExpectedEvent(
            type: try reader.requiredString("type"), stream: try reader.string("stream"), actorId: actor?.id,
            actorRole: actor?.role, at: try reader.date("at"), data: data, rule: try reader.string("rule"),
            line: reader.line)
    }

    private func kpis(_ node: Node) throws(FixtureError) -> [KPIExpectation] {
        if case .mapping = node {
            return [KPIExpectation(values: try values(node, what: "then.kpis"), line: node.line)]
        }
        return try node.list(file: file, what: "then.kpis").map { (item) throws(FixtureError) in
            let reader = try MappingReader(item, file: file, context: "an entry of then.kpis")
            try reader.onlyKeys(["where", "values"])
            var expectation = KPIExpectation(
                values: try values(try reader.required("values"), what: "then.kpis values"), line: reader.line)
            if let slice = reader["where"] {
                let whereReader = try MappingReader(slice, file: file, context: "then.kpis where")
                try whereReader.onlyKeys(Self.sliceKeys)
                expectation.category = try whereReader.string("category")
                expectation.channel = try whereReader.string("channel")
                expectation.owner = try whereReader.string("owner")
                expectation.department = try whereReader.string("department")
                expectation.from = try whereReader.date("from")
                expectation.to = try whereReader.date("to")
            }
            return expectation
        }
    }

    private func values(_ node: Node, what: String) throws(FixtureError) -> [(kpi: KPI, value: Double?, tolerance: Double, line: Int)] {
        let reader = try MappingReader(node, file: file, context: what)
        return try reader.pairs.map { (pair) throws(FixtureError) in
            guard let kpi = KPI(rawValue: pair.key) else {
                throw FixtureError(.unknownField, file: file, line: pair.value.line, "unknown KPI '\(pair.key)' in \(what)")
            }
            var valueNode = pair.value
            var tolerance = 1e-9
            if case .mapping = pair.value {
                let entry = try MappingReader(pair.value, file: file, context: "\(what).\(pair.key)")
                try entry.onlyKeys(["value", "tolerance"])
                valueNode = try entry.required("value")
                if let given = entry["tolerance"] {
                    guard let number = given.float else {
                        throw FixtureError(.badValue, file: file, line: given.line, "\(what).\(pair.key).tolerance must be a number")
                    }
                    tolerance = number
                }
            }
            if valueNode.null != nil { return (kpi, nil, tolerance, pair.value.line) }
            guard let number = valueNode.float else {
                throw FixtureError(.badValue, file: file, line: valueNode.line, "\(what).\(pair.key) must be a number or null")
            }
            return (kpi, number, tolerance, pair.value.line)
        }
    }
}
