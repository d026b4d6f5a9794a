@preconcurrency public import Crypto
import Foundation

/// Encrypts and decrypts one personal field (a name, a phone number, a description) with its
/// customer's key, so the log and its hash chain only ever see ciphertext.
///
/// Sealed bytes: `u8 version (1)` | 12-byte nonce | ciphertext | 16-byte tag (AES-256-GCM). The
/// field's name is authenticated (not stored), so a sealed phone number cannot be passed off as a
/// name.
public enum SealedField {
    /// What views show for a field whose key was destroyed.
    public static let erased = "[erased]"

    /// Seals `plaintext` for a field named `field`.
    public static func seal(_ plaintext: String, field: String, key: SymmetricKey) throws(PrivacyError) -> [UInt8] {
        do {
            let sealed = try AES.GCM.seal(Array(plaintext.utf8), using: key, authenticating: Array(field.utf8))
            guard let combined = sealed.combined else { throw PrivacyError(.ioFailed, "sealing failed") }
            return [1] + Array(combined)
        } catch let error as PrivacyError {
            throw error
        } catch {
            throw PrivacyError(.ioFailed, "sealing \(field) failed: \(error)")
        }
    }

    /// Opens sealed bytes of the field named `field`.
    public static func open(_ sealed: [UInt8], field: String, key: SymmetricKey) throws(PrivacyError) -> String {
        guard sealed.first == 1, sealed.count >= 1 + 12 + 16 else {
            throw PrivacyError(.sealedFieldInvalid, "sealed \(field) has an unknown format")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            return String(decoding: try AES.GCM.open(box, using: key, authenticating: Array(field.utf8)), as: UTF8.self)
        } catch {
            throw PrivacyError(.sealedFieldInvalid, "sealed \(field) does not open with this customer's key")
        }
    }

    /// Opens sealed bytes with the key store's key for `customerID`, or returns ``erased`` when
    /// the customer was forgotten.
    public static func reveal(
        _ sealed: [UInt8], field: String, customerID: String, keys: CustomerKeyStore
    ) throws(PrivacyError) -> String {
        guard let key = keys.existingKey(for: customerID) else { return erased }
        return try open(sealed, field: field, key: key)
    }
}
