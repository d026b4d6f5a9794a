public import ArgumentParser
import ComplaintEngine
import ComplaintWorkflow
import Foundation
import ComplaintPolicy
import EventLog

/// `complaintctl forget CUSTOMER`: erases a customer's personal data (ForgetCustomer).
public struct ForgetCommand: ConsoleCommand {
    public static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Forget a customer: destroy their key so their personal fields read [erased] everywhere (the log still verifies).")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The customer id.
    @Argument(help: "The customer id.")
    public var customer: String

    /// The data protection officer's actor id.
    @Option(help: "The data protection officer's actor id.")
    public var actor = "dpo"

    public init() {}

    public func execute(on console: Console) async throws {
        let engine = try await StoreAccess(storeOptions, console: console).openForWriting()
        defer { engine.close() }
        // A deterministic command id: running it again is a no-op, and finishes an interrupted erasure.
        let events = try await engine.handle(CommandEnvelope(
            commandId: "forget:\(customer)", streamId: StreamKind.customerStreamId(customer),
            actor: Actor(id: actor, role: .dataProtectionOfficer), command: .forgetCustomer(ForgetCustomer(customerId: customer))))
        try EventOutput.print(events, of: engine, json: output.json, on: console)
    }
}
