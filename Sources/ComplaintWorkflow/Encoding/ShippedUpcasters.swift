public import BinaryCoding

extension EventCodec {
    /// The upcasters of the schema versions this library has shipped.
    ///
    /// - `SatisfactionRecorded` 1 → 2: version 1 had no `method` (every score came from the
    ///   post-closure questionnaire); version 2 requires it, so old payloads get `questionnaire`.
    public static let shippedUpcasters: [EventType: [Int: Upcaster]] = [
        .satisfactionRecorded: [
            1: { tree in
                var upgraded = tree
                if upgraded["method"] == nil { upgraded["method"] = .string("questionnaire") }
                return upgraded
            },
        ],
    ]
}
