import BinaryCoding
import ComplaintEngine
import ComplaintWorkflow

/// Turns the first event a command recorded back into that command (its data is the command's
/// fields under the same names, DOMAIN.md §1).
enum CommandReconstruction {
    /// The command name that records `type` (ComplaintClosed by its reason).
    static func commandName(for event: WorkflowEvent, tree: BinaryValue) -> CommandName? {
        if event.type == .complaintClosed {
            switch tree["reason"] {
            case .string("falseComplaint")?: return .rejectAsFalse
            case .string("withdrawn")?: return .withdrawComplaint
            default: return .closeComplaint
            }
        }
        return TransitionTable.rows.first { $0.events.contains(event.type) }?.command
            ?? ImprovementTable.rows.first { $0.events.contains(event.type) }?.command
    }

    /// The command (its data decoded from the event's data), or `nil` when the event was not a
    /// command's own.
    static func command(from logged: LoggedEvent) -> (name: CommandName, data: BinaryValue)? {
        guard let tree = try? EventCodec().tree(of: logged.decided.event),
              let name = commandName(for: logged.decided.event, tree: tree),
              let command = try? WorkflowCommand(name: name, from: BinaryDecoder().decoder(for: tree)),
              let data = try? BinaryEncoder().encodeValue(DataBox(command: command))
        else { return nil }
        return (name, data)
    }
}
