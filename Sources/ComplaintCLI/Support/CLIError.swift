import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// A failure the operator can act on: a stable code and one sentence saying what went wrong.
/// `complaintctl` prints it on standard error (never a stack trace) and exits non-zero.
public struct CLIError: Error, Sendable, CustomStringConvertible {
    /// The stable code: an engine or log error code (`storeBusy`, `notPermitted`, …) or `usage`,
    /// `input`, `noStore`, `notFound`.
    public var code: String
    /// What went wrong and, where it helps, what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Translates any error thrown by the engine, the log or the policy module.
    static func from(_ error: any Error, store: String? = nil) -> CLIError {
        switch error {
        case let error as CLIError:
            return error
        case let error as EngineError:
            if case .storage(let storage) = error { return from(storage, store: store) }
            return CLIError(error.code, "refused: \(error)")
        case let error as EventLogError:
            if error.code == .storeBusy {
                return CLIError(
                    "storeBusy",
                    "the store \(store ?? "") is held by another process that writes to it; "
                        + "read commands still work, write commands must wait until it closes")
            }
            return CLIError(error.code.rawValue, error.message)
        case let error as WorkflowError:
            return CLIError(error.code.rawValue, "refused: \(error)")
        case let error as PolicyValidationError:
            return CLIError("invalidPolicy", "\(error)")
        default:
            return CLIError("failed", "\(error)")
        }
    }
}
