import BinaryCoding
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// Turns log records into audit entries and export lines: the envelope, the metadata (rule, reason,
/// policy), the policy's version label, and for exports the decoded data.
struct AuditReader {
    let log: EventLog
    let translator: EventTranslator
    let policies: PolicyBook

    // MARK: Entries

    func entry(_ record: RecordedEvent) throws -> AuditEntry {
        let context = try self.context(of: record)
        return AuditEntry(
            position: record.position, stream: record.stream, streamKind: record.streamKind,
            streamVersion: record.streamVersion, eventType: record.type, schemaVersion: record.schemaVersion,
            actor: record.actor, occurredAt: record.occurredAt, recordedAt: record.recordedAt,
            commandId: record.commandID, correlationId: record.correlationID, causationId: record.causationID,
            policyPosition: context.policyPosition, policyVersion: context.policyVersion, rule: context.metadata.rule,
            reason: context.metadata.reason, hash: record.hash, previousHash: record.previousHash)
    }

    /// The records at `positions` (ascending), read a run of consecutive positions at a time.
    func records(at positions: [UInt64]) throws -> [RecordedEvent] {
        var records: [RecordedEvent] = []
        records.reserveCapacity(positions.count)
        var index = 0
        while index < positions.count {
            var end = index + 1
            while end < positions.count, positions[end] == positions[end - 1] + 1 { end += 1 }
            let run = try log.read(from: positions[index], limit: end - index)
            guard run.count == end - index else {
                throw EventLogError(.storageCorrupted, "the audit index names position \(positions[index]) beyond the log", position: positions[index])
            }
            records += run
            index = end
        }
        return records
    }

    // MARK: Export lines

    /// One JSON object with every field of the record: enough to rebuild its body bytes
    /// (`Specs/log-format.md`) and check its hash, plus the decoded data for people.
    func line(_ record: RecordedEvent) throws -> String {
        let context = try self.context(of: record)
        var json = JSONLine()
        json.object { json in
            json.key("format"); json.integer(1 as UInt8)
            json.key("position"); json.integer(record.position)
            json.key("stream"); json.string(record.stream)
            json.key("streamKind"); json.string(record.streamKind)
            json.key("streamVersion"); json.integer(record.streamVersion)
            json.key("type"); json.string(record.type)
            json.key("schemaVersion"); json.integer(record.schemaVersion)
            json.key("eventId"); json.string(record.id.uuidString.lowercased())
            json.key("commandId"); json.string(record.commandID)
            json.key("correlationId"); json.string(record.correlationID)
            json.key("causationId"); json.string(record.causationID)
            json.key("actor")
            json.object { json in
                json.key("id"); json.string(record.actor.id)
                json.key("role"); json.string(record.actor.role)
            }
            json.key("recordedAt"); json.string(AuditTime.iso8601(record.recordedAt))
            json.key("occurredAt"); json.string(AuditTime.iso8601(record.occurredAt))
            json.key("policyPosition"); json.integer(context.policyPosition)
            json.key("policyVersion"); json.string(context.policyVersion)
            json.key("rule"); json.string(context.metadata.rule)
            json.key("reason"); json.string(context.metadata.reason)
            json.key("customerId"); json.string(context.metadata.customerId)
            writeData(of: record, into: &json)
            json.key("metadata"); json.string(Data(record.metadata).base64EncodedString())
            json.key("payload"); json.string(Data(record.payload).base64EncodedString())
            json.key("previousHash"); json.string(record.previousHash.hex)
            json.key("hash"); json.string(record.hash.hex)
        }
        return json.text
    }

    /// `data`: the event decoded (upcast to the current schema) with personal fields revealed or
    /// `[erased]`; a `PolicyActivated` policy as its canonical JSON; for a type this library does
    /// not know, the stored value tree. When the data does not decode, `data` is `null` and
    /// `dataError` says why (the line still carries the payload, so the hash still checks).
    private func writeData(of record: RecordedEvent, into json: inout JSONLine) {
        do {
            if record.type == PolicyBook.eventType {
                let activation = try BinaryDecoder().decode(PolicyBook.Activation.self, from: record.payload)
                let policy = Data(activation.policy)
                let isJSON = (try? JSONSerialization.jsonObject(with: policy)) != nil
                json.key("data")
                json.object { json in
                    json.key("version"); json.string(activation.version)
                    json.key("hash"); json.string(activation.hash)
                    json.key("policy")
                    if isJSON { json.raw(String(decoding: policy, as: UTF8.self)) } else { json.string(String(decoding: policy, as: UTF8.self)) }
                }
            } else if EventType(rawValue: record.type) != nil {
                let tree = try translator.codec.tree(of: translator.logged(record).decided.event)
                json.key("data")
                json.value(tree)
            } else {
                let tree = try BinaryValue(decoding: record.payload)
                json.key("data")
                json.value(tree)
            }
        } catch {
            json.key("data"); json.null()
            json.key("dataError"); json.string("\(error)")
        }
    }

    // MARK: Metadata and policies

    private struct Context {
        var metadata: EventMetadata
        var policyPosition: UInt64?
        var policyVersion: String?
    }

    private func context(of record: RecordedEvent) throws -> Context {
        if record.type == PolicyBook.eventType {
            let version = try? BinaryDecoder().decode(PolicyBook.Activation.self, from: record.payload).version
            return Context(metadata: EventMetadata(), policyPosition: record.position, policyVersion: version)
        }
        let metadata: EventMetadata
        do {
            metadata = try EventMetadata.decode(record.metadata)
        } catch {
            throw EventLogError(.storageCorrupted, "the metadata at position \(record.position) does not decode: \(error)", position: record.position)
        }
        return Context(
            metadata: metadata, policyPosition: metadata.policyPosition,
            policyVersion: try metadata.policyPosition.flatMap(policyVersion(at:)))
    }

    /// The version label of the policy activated at `position`, from the book (or the log, for a
    /// policy the book has not seen).
    private func policyVersion(at position: UInt64) throws -> String? {
        if let policy = policies.policy(at: position) { return policy.version }
        guard let record = try log.event(at: position), record.type == PolicyBook.eventType else { return nil }
        return try? policies.register(record).policy.version
    }
}
