import Testing

@testable import RouterCore

@Suite struct QueryTests {
  @Test("normalises case, accents, white space and punctuation into words")
  func words() {
    let q = Query("  Can I TAKE  Ibuprofen,\twith my  café-au-lait?? ")
    #expect(q.words == ["can", "i", "take", "ibuprofen", "with", "my", "cafe", "au", "lait"])
    #expect(q.normalized == "can i take ibuprofen, with my cafe-au-lait??")
  }

  @Test("keeps apostrophes inside words and splits ideographs into single-character words")
  func scripts() {
    #expect(Query("I don’t want").words == ["i", "don't", "want"])
    #expect(Query("我想死了").words == ["我", "想", "死", "了"])
    #expect(Query("Größe ÜBER").words == ["grose", "uber"])
  }

  @Test("control and escape characters become spaces, never words")
  func controls() {
    let q = Query("hi\u{1B}[31mthere\u{0}\u{7}")
    #expect(q.words == ["hi", "31mthere"])
    #expect(!q.normalized.unicodeScalars.contains { $0.value < 0x20 })
  }

  @Test("empty and blank text is blank")
  func blank() {
    #expect(Query("").isBlank)
    #expect(Query("  \n\t ").isBlank)
    #expect(Query("?").words.isEmpty)
  }

  @Test("very long text is cut at the routing limit")
  func long() {
    let q = Query(String(repeating: "pain ", count: 10_000))
    #expect(q.words.count == Query.maxScalars / 5)
  }
}
