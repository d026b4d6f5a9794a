import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Specs/event-schema.md")
struct EventSchemaTests {
    @Test func generationFindsNoProblems() throws {
        let (_, problems) = try EventSchemaDocument.render()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func committedDocumentIsCurrent() throws {
        let (text, _) = try EventSchemaDocument.render()
        let url = GoldenFiles.packageRoot.appendingPathComponent("Specs/event-schema.md")
        if GoldenFiles.regenerating {
            try Data(text.utf8).write(to: url, options: .atomic)
            return
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        guard committed != text else { return }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(old, new)).firstIndex { $0 != $1 } ?? min(old.count, new.count)
        Issue.record(
            """
            Specs/event-schema.md is stale (regenerate it with REGENERATE_GOLDEN=1); first difference at line \(line + 1):
              committed: \(line < old.count ? String(old[line]) : "<end>")
              generated: \(line < new.count ? String(new[line]) : "<end>")
            """)
    }

    @Test func everyRuleKeyRecordsSomeAutomaticEvent() {
        let covered = Set(EventSchemaDocument.automaticRules.values.joined())
        #expect(covered == Set(RuleKey.allCases))
    }

    @Test func everyEventTypeHasAProducer() {
        for type in EventType.allCases {
            #expect(EventSchemaDocument.producers(of: type) != "—", "\(type.typeName)")
        }
    }

    /// DOMAIN.md §8's personal fields, written out independently of the generator's table.
    @Test func personalFieldsAreExactlyThoseOfDomainSection8() throws {
        let (text, _) = try EventSchemaDocument.render()
        let marked = text.split(separator: "\n").filter { $0.hasSuffix("| personal |") }.map(String.init)
        let expected = [
            "| `customer.name` | string | optional | personal |",
            "| `customer.phone` | string | optional | personal |",
            "| `customer.email` | string | optional | personal |",
            "| `description` | string | required | personal |",
            "| `remedySought` | string | optional | personal |",
            "| `attachments` | list of string | optional | personal |",
            "| `followUpExpectation` | string | optional | personal |",
            "| `reason` | string | optional | personal |",
            "| `comment` | string | optional | personal |",
        ]
        #expect(marked.sorted() == expected.sorted())
        #expect(text.contains("| [CustomerRejected](#customerrejected) | 1 | `RecordCustomerResponse` | `reason` |"))
        #expect(text.contains("| [SatisfactionRecorded](#satisfactionrecorded) | 2 | `RecordSatisfaction` | `comment` |"))
    }
}
