import BinaryCoding
import ComplaintPolicy
import Crypto
import EventLog
import Foundation
import Synchronization

/// The policies the log has activated (`PolicyActivated` events on stream `policies`), by the
/// position of their activation. Decisions made under a policy record that position, so replays,
/// rebuilds and time travel evolve every event under the policy that was in force for it.
final class PolicyBook: Sendable {
    static let stream = "policies"
    static let eventType = "PolicyActivated"

    /// The payload of `PolicyActivated`.
    struct Activation: Codable, Hashable {
        var version: String
        var hash: String
        var policy: [UInt8]
    }

    private let policies = Mutex<[UInt64: ServicePolicy]>([:])

    static func hash(of policy: ServicePolicy) -> String {
        SHA256.hash(data: policy.canonicalBytes()).map { String(format: "%02x", $0) }.joined()
    }

    static func activation(of policy: ServicePolicy) -> Activation {
        Activation(version: policy.version, hash: hash(of: policy), policy: policy.canonicalBytes())
    }

    /// Reads a `PolicyActivated` record and remembers its policy.
    @discardableResult
    func register(_ record: RecordedEvent) throws -> (activation: Activation, policy: ServicePolicy) {
        let activation = try BinaryDecoder().decode(Activation.self, from: record.payload)
        let policy = try ServicePolicy.load(json: Data(activation.policy))
        policies.withLock { $0[record.position] = policy }
        return (activation, policy)
    }

    /// The policy activated at `position`.
    func policy(at position: UInt64?) -> ServicePolicy? {
        guard let position else { return nil }
        return policies.withLock { $0[position] }
    }
}
