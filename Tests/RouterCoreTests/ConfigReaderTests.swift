import ConfigFile
import Testing

@Suite struct ConfigReaderTests {
  @Test("reads tables, arrays of tables, inline tables and multi-line arrays with their lines")
  func readsTheSubset() throws {
    let text = """
      # comment
      name = "clinic"   # trailing comment
      count = 1_000
      price = 0.015
      on = true

      [flow]
      confidence = 0.55

      [[routes]]
      name = 'fast'
      tags = [
        "a",
        "b",  # comment inside
      ]

      [[routes]]
      name = "expert"
      color = { fg = "#ff8700", ansi256 = 208 }
      """
    let root = ConfigSection(try ConfigReader.parse(text, file: "t.toml"), file: "t.toml", name: "")
    #expect(try root.string("name") == "clinic")
    #expect(try root.integer("count") == 1000)
    #expect(try root.number("price") == 0.015)
    #expect(try root.bool("on") == true)
    #expect(try root.section("flow")?.number("confidence") == 0.55)
    let routes = try root.sections("routes")
    #expect(routes.count == 2)
    #expect(try routes[0].strings("tags") == ["a", "b"])
    #expect(routes[1].line == 17)
    #expect(try routes[1].section("color")?.integer("ansi256") == 208)
    #expect(root.line(of: "price") == 4)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var text: String
    var error: String
    var testDescription: String { error }
  }

  @Test("malformed files name the file, the line and what is wrong", arguments: [
    BadCase(text: "a = 1\nb = \"open\n", error: "bad.toml:2: unterminated string: add the closing '\"'"),
    BadCase(text: "a = 1\na = 2\n", error: "bad.toml:2: the key 'a' is defined twice"),
    BadCase(text: "x = yes\n", error: "bad.toml:1: 'yes' is not a value: strings need quotes, numbers digits, booleans true or false"),
    BadCase(text: "[t]\nk = 1\n[t]\n", error: "bad.toml:3: the table [t] is defined twice (first on line 1)"),
    BadCase(text: "arr = [1, 2\nnext = 3\n", error: "bad.toml:2: expected ',' or ']' in the array that starts on line 1"),
    BadCase(text: "k = \"a\" junk\n", error: "bad.toml:1: unexpected 'j' after a value; expected the end of the line"),
    BadCase(text: "= 3\n", error: "bad.toml:1: expected a key, found '='"),
  ])
  func malformed(_ c: BadCase) {
    #expect(throws: ConfigError.self) { try ConfigReader.parse(c.text, file: "bad.toml") }
    do {
      _ = try ConfigReader.parse(c.text, file: "bad.toml")
    } catch {
      #expect(error.description == c.error)
    }
  }

  @Test("typed access reports the wrong type with the value's line")
  func typeErrors() throws {
    let root = ConfigSection(try ConfigReader.parse("a = 1\n\nb = \"x\"\n", file: "f.toml"), file: "f.toml", name: "")
    #expect(throws: ConfigError(file: "f.toml", line: 3, message: "'b' must be a number, not a string")) {
      try root.number("b")
    }
    #expect(throws: ConfigError(file: "f.toml", line: 1, message: "unknown key 'a' in the file (allowed: b)")) {
      try root.rejectUnknownKeys(["b"])
    }
  }

  @Test("deep nesting is an error with a line, not a stack overflow; hex is not a number")
  func hostileNesting() {
    let deep = "name = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
    #expect(throws: ConfigError(file: "d.toml", line: 1, message: "arrays and tables nested deeper than 64 levels")) {
      try ConfigReader.parse(deep, file: "d.toml")
    }
    #expect(throws: ConfigError.self) { try ConfigReader.parse("cost = 0x10\n", file: "h.toml") }
  }
}
