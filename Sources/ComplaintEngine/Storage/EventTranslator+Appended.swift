import BinaryCoding
import ComplaintWorkflow
import EventLog
import Foundation

/// A decided event turned into the record to append, with what describing it after the append
/// needs (``EventTranslator/logged(appended:request:result:)``).
struct Proposal {
    /// What was decided.
    var decided: DecidedEvent
    /// The record to append (personal fields sealed).
    var event: ProposedEvent
    /// The payload's value tree before its personal fields were sealed: what reading the record
    /// back and revealing them gives.
    var clearTree: BinaryValue
    /// The policy position written into the metadata.
    var policyPosition: UInt64?
}

extension EventTranslator {
    /// The events a just-appended request recorded, built from its proposals and the append's
    /// result exactly as ``logged(_:)`` would decode them from the log, without reading the records
    /// back or decrypting anything: the event is decoded from the payload tree before sealing (what
    /// revealing the stored payload gives), instants are rounded to the log's whole microseconds,
    /// and positions, versions, commit time and hashes come from the result.
    ///
    /// `nil` when the result does not describe exactly these proposals (one stream, one hash per
    /// event): the caller reads the records back instead.
    func logged(appended proposals: [Proposal], request: AppendRequest, result: AppendResult) throws -> [LoggedEvent]? {
        guard let positions = result.positions else { return proposals.isEmpty ? [] : nil }
        guard request.streams.count == 1, let stream = request.streams.first?.stream,
              let lastVersion = result.streamVersions[stream], let recordedAt = result.recordedAt,
              positions.count == proposals.count, result.hashes.count == proposals.count,
              lastVersion >= UInt64(proposals.count)
        else { return nil }
        let firstVersion = lastVersion - UInt64(proposals.count) + 1
        let commandId = request.commandID
        let timerCommandId = commandId?.hasPrefix("timer:") == true ? commandId : nil
        return try proposals.enumerated().map { offset, proposal in
            let event = try codec.decode(
                typeName: proposal.event.type, schemaVersion: Int(proposal.event.schemaVersion), tree: proposal.clearTree)
            let decided = DecidedEvent(
                event, actor: proposal.decided.actor, occurredAt: Self.wholeMicroseconds(proposal.decided.occurredAt),
                rule: proposal.decided.rule, reason: proposal.decided.reason, timerCommandId: timerCommandId)
            return LoggedEvent(
                decided: decided, position: positions.lowerBound + UInt64(offset), stream: stream,
                streamVersion: firstVersion + UInt64(offset), commandId: commandId, recordedAt: recordedAt,
                policyPosition: proposal.policyPosition, hash: result.hashes[offset])
        }
    }

    /// An instant as the log stores it: rounded to whole microseconds.
    static func wholeMicroseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
    }
}
