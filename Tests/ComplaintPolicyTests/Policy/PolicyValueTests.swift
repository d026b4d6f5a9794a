import Foundation
import Testing
@testable import ComplaintPolicy

@Suite("Policy values")
struct PolicyValueTests {
    @Test func yamlScalarsKeepTheirKinds() throws {
        let value = try PolicyValue(yaml: """
            count: 3
            warnAt: 0.75
            enabled: false
            nothing: ~
            date: 2026-10-01
            opens: 09:00
            closes: 18:00
            quoted: "42"
            list: [a, 1]
            big: 1_000_000
            hex: 0x10
            exponent: 1e3
            """)
        #expect(value == [
            "count": 3, "warnAt": 0.75, "enabled": false, "nothing": nil, "date": "2026-10-01",
            "opens": "09:00", "closes": "18:00", "quoted": "42", "list": ["a", 1],
            "big": 1_000_000, "hex": 16, "exponent": 1000.0,
        ])
    }

    @Test func malformedYamlAndDuplicateKeysAreRefused() {
        #expect(throws: PolicyValidationError.self) { try PolicyValue(yaml: "a: [1, 2") }
        #expect(throws: PolicyValidationError(field: "a", reason: "key appears twice")) { try PolicyValue(yaml: "a: 1\na: 2") }
    }

    @Test func jsonDecodingDistinguishesKinds() throws {
        let value = try JSONDecoder().decode(PolicyValue.self, from: Data(#"{"a":1,"b":1.5,"c":true,"d":null,"e":"x","f":[]}"#.utf8))
        #expect(value == ["a": 1, "b": 1.5, "c": true, "d": nil, "e": "x", "f": []])
    }

    @Test func canonicalJSONSortsKeysAndEscapes() {
        let value: PolicyValue = ["b": [1, 2.5, true, nil], "a": "q\"\\\n\u{01}é", "B": [:]]
        #expect(String(decoding: CanonicalJSON.bytes(of: value), as: UTF8.self)
            == #"{"B":{},"a":"q\"\\\n\u0001é","b":[1,2.5,true,null]}"#)
    }
}
