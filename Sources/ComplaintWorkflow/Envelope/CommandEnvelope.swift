/// A command as sent to the engine: its idempotency key, stream, actor, optional
/// concurrency and tracing ids, and the command itself (DOMAIN.md §1).
public struct CommandEnvelope: Hashable, Sendable {
    /// The idempotency key (unique per store, kept forever; checked by the engine).
    public var commandId: String
    /// The stream the command is for.
    public var streamId: String
    /// Who sends it.
    public var actor: Actor
    /// The stream version the sender saw; a mismatch is ``WorkflowError/Code/versionConflict``.
    public var expectedVersion: Int?
    /// Groups the commands of one conversation.
    public var correlationId: String?
    /// The command or event that caused this one.
    public var causationId: String?
    /// The command and its data.
    public var command: WorkflowCommand

    /// Creates an envelope.
    public init(
        commandId: String, streamId: String, actor: Actor, expectedVersion: Int? = nil,
        correlationId: String? = nil, causationId: String? = nil, command: WorkflowCommand
    ) {
        self.commandId = commandId
        self.streamId = streamId
        self.actor = actor
        self.expectedVersion = expectedVersion
        self.correlationId = correlationId
        self.causationId = causationId
        self.command = command
    }

    /// Checks the envelope's shape: id limits and a positive expected version.
    public func validate() throws(WorkflowError) {
        try Identifier.validate(commandId, field: "commandId")
        try Identifier.validate(streamId, field: "streamId")
        try Identifier.validate(actor.id, field: "actor.id")
        try Identifier.validate(correlationId, field: "correlationId")
        try Identifier.validate(causationId, field: "causationId")
        if let expectedVersion, expectedVersion < 0 {
            throw .invalid("expectedVersion", "must not be negative, got \(expectedVersion)")
        }
    }
}
