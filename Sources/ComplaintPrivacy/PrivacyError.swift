/// Why a key-store or encryption operation failed.
public struct PrivacyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Wraps a code name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The customer's key was destroyed (ForgetCustomer): their data can no longer be read.
        public static let customerForgotten = Code(rawValue: "customerForgotten")
        /// The customer id is empty or longer than 128 bytes.
        public static let invalidCustomerID = Code(rawValue: "invalidCustomerID")
        /// The master key is missing, malformed, or not the one the key store was written with.
        public static let badMasterKey = Code(rawValue: "badMasterKey")
        /// The key file is damaged.
        public static let keyStoreCorrupted = Code(rawValue: "keyStoreCorrupted")
        /// Reading or writing the key file failed.
        public static let ioFailed = Code(rawValue: "ioFailed")
        /// A sealed field could not be opened (damaged, or sealed for another customer or field).
        public static let sealedFieldInvalid = Code(rawValue: "sealedFieldInvalid")

        /// The code's name.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence saying what failed and why.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
