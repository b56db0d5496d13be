import Testing

@testable import RouterCore

@Suite struct JSONTests {
  @Test("parses objects with escapes, unicode and nesting")
  func parses() throws {
    let v = try JSONValue.parse(#"{"text": "a\"b\n\u00e9\ud83d\ude42", "n": -1.5e2, "ok": true, "x": null, "arr": [1, {"k": []}]}"#)
    #expect(v["text"]?.stringValue == "a\"b\né🙂")
    #expect(v["n"] == .number(-150))
    #expect(v["ok"] == .bool(true))
    #expect(v["x"] == .null)
  }

  @Test("rejects what is not JSON, saying where", arguments: [
    ("{\"text\": }", "expected a JSON value (at byte 10)"),
    ("not json", "expected a JSON value (at byte 1)"),
    ("{\"a\": 1} x", "unexpected characters after the JSON value (at byte 10)"),
    ("{\"a\": \"tab\there\"}", "control character inside a string (at byte 11)"),
    (String(repeating: "[", count: 100), "nested deeper than 64 levels (at byte 66)"),
  ])
  func rejects(_ text: String, _ message: String) {
    do {
      _ = try JSONValue.parse(text)
      Issue.record("parsed \(text)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("quoting keeps any text on one line and safe for terminals")
  func quoting() throws {
    let nasty = "line\nbreak \"q\" \\ \u{1B}[31m \u{7F} \u{2028}"
    let quoted = JSONText.quote(nasty)
    #expect(quoted == #""line\nbreak \"q\" \\ \u001b[31m \u007f \u2028""#)
    #expect(try JSONValue.parse(quoted) == .string(nasty))
    // C1 controls and U+2029 are escaped; other non-ASCII text (and U+00A0, U+2027, U+202A) is copied.
    let wide = "\u{85}\u{9F}\u{A0} é 胸 😀 \u{2027}\u{2029}\u{202A}\t\r"
    let wideQuoted = JSONText.quote(wide)
    #expect(wideQuoted == "\"\\u0085\\u009f\u{A0} é 胸 😀 \u{2027}\\u2029\u{202A}\\t\\r\"")
    #expect(try JSONValue.parse(wideQuoted) == .string(wide))
    #expect(JSONText.quote("") == "\"\"")
  }

  @Test("a lone high surrogate becomes U+FFFD and keeps the next character; a repeated key's last value counts")
  func surrogatesAndDuplicates() throws {
    #expect(try JSONValue.parse(#"{"text":"x\ud800\u0041y"}"#)["text"]?.stringValue == "x\u{FFFD}Ay")
    #expect(try JSONValue.parse(#"{"text":"safe","text":"second"}"#)["text"]?.stringValue == "second")
  }

  @Test("invalid UTF-8 is read with replacement characters, not a crash")
  func invalidUTF8() throws {
    let bytes: [UInt8] = Array(#"{"text":""#.utf8) + [0xFF, 0xC3] + Array(#""}"#.utf8)
    #expect(try JSONValue.parse(bytes)["text"]?.stringValue == "\u{FFFD}\u{FFFD}")
  }
}

@Suite struct SHA256Tests {
  @Test("matches the standard test vectors")
  func vectors() {
    #expect(SHA256.hex("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(String(repeating: "a", count: 1000).utf8).hasPrefix("41edece42d63e8d9bf515a9ba6932e1c"))
    // Lengths around the padding boundary, and a million bytes.
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
      == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("fed in pieces of any size, it gives the digest of the whole")
  func pieces() {
    let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    for size in [1, 3, 63, 64, 65, 200] {
      var hasher = SHA256.Hasher()
      var i = 0
      while i < bytes.count {
        hasher.update(bytes[i..<min(i + size, bytes.count)])
        i += size
      }
      #expect(hasher.hex() == SHA256.hex(bytes))
    }
  }
}
