extension AppendRequest {
    /// Checks every limit of ``LogLimits``; runs on the caller's task before the request reaches
    /// the writer, so a bad request costs the writer nothing and records nothing.
    func validate() throws(EventLogError) {
        if let commandID { try LogLimits.checkID(commandID, field: "commandId") }
        guard fingerprint.count <= LogLimits.maxFingerprintBytes else {
            throw .invalid("fingerprint", "exceeds \(LogLimits.maxFingerprintBytes) bytes (got \(fingerprint.count))")
        }
        guard !streams.isEmpty else { throw .invalid("streams", "must name at least one stream") }
        guard eventCount <= LogLimits.maxEventsPerRequest else {
            throw .invalid("events", "exceed \(LogLimits.maxEventsPerRequest) in one request (got \(eventCount))")
        }
        for append in streams {
            let streamBytes = append.stream.utf8.count
            guard LogLimits.streamIDBytes.contains(streamBytes) else {
                throw .invalid("streamId", "must be 1–128 bytes of UTF-8 (got \(streamBytes))")
            }
            try LogLimits.checkName(append.kind, field: "streamKind", bytes: LogLimits.streamKindBytes, extra: LogLimits.streamKindPunctuation)
            if case .exact(let version) = append.expectedVersion, version > UInt64(Int64.max) {
                throw .invalid("expectedVersion", "is out of range")
            }
            for event in append.events { try event.validate() }
        }
    }
}

extension ProposedEvent {
    func validate() throws(EventLogError) {
        try LogLimits.checkName(type, field: "eventType", bytes: LogLimits.eventTypeBytes, extra: LogLimits.eventTypePunctuation)
        try LogLimits.checkID(actor.id, field: "actor.id")
        let roleBytes = actor.role.utf8.count
        guard LogLimits.actorRoleBytes.contains(roleBytes) else {
            throw .invalid("actor.role", "must be 1–64 bytes (got \(roleBytes))")
        }
        if let correlationID { try LogLimits.checkID(correlationID, field: "correlationId") }
        if let causationID { try LogLimits.checkID(causationID, field: "causationId") }
        guard payload.count <= LogLimits.maxPayloadBytes else {
            throw .invalid("payload", "exceeds \(LogLimits.maxPayloadBytes) bytes (got \(payload.count))")
        }
        guard metadata.count <= LogLimits.maxMetadataBytes else {
            throw .invalid("metadata", "exceeds \(LogLimits.maxMetadataBytes) bytes (got \(metadata.count))")
        }
    }
}
