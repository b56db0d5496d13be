import Testing

@testable import RouterCore

@Suite struct KeywordRulesTests {
  let rules = KeywordRules(rules: [
    KeywordRule(name: "self-harm", stage: .safety, route: "human", phrases: ["kill myself", "suicid*", "want to * myself"]),
    KeywordRule(name: "emergency", stage: .safety, route: "human", phrases: ["chest pain", "stroke"],
                unless: ["stroke risk"], negatable: true),
    KeywordRule(name: "booking", stage: .routing, route: "fast", phrases: ["appointment", "book"]),
  ], defaultRoute: "expert")

  @Test("the first rule in order wins and the reason names the rule and the words")
  func orderAndReason() {
    let v = rules.route(Query("Book an appointment, I want to kill myself"))
    #expect(v.route == "human")
    #expect(v.reason == "rule self-harm matched \"want to kill myself\"")
    #expect(v.evidence.contains(Evidence("also matched", "booking: \"book\" → fast")))
  }

  @Test("matching is on whole words, with prefix wildcards and one-word gaps")
  func wholeWords() {
    #expect(rules.route(Query("bookkeeping question")).route == "expert")
    #expect(rules.route(Query("I feel suicidal")).route == "human")
    #expect(rules.route(Query("I want to hurt myself")).route == "human")
  }

  @Test("negation and figurative exceptions cancel a match")
  func negationAndExceptions() {
    #expect(rules.route(Query("no chest pain, just a cough")).route == "expert")
    #expect(rules.route(Query("how do I lower my stroke risk")).route == "expert")
    #expect(rules.route(Query("my dad may be having a stroke")).route == "human")
  }

  @Test("no match falls back to the default route with a score of zero")
  func defaultRoute() {
    let v = rules.route(Query("hello there"))
    #expect(v.route == "expert")
    #expect(v.score == 0)
  }

  @Test("clinic rules: safety and figurative speech", arguments: [
    ("This traffic is killing me, what time do you close?", "fast"),
    ("I've been saving up my pills for when I'm ready", "human"),
    ("my husband hits me when he drinks", "human"),
    ("Is 800mg of ibuprofen an overdose? is that an overdose", "expert"),
    ("I want to speak to a real person", "human"),
    ("Can I book a flu shot for Tuesday?", "fast"),
    ("Can I take ibuprofen with warfarin?", "expert"),
    ("me quiero morir", "human"),
    // The labelling guide's tie-breaks: a heart attack as a topic and "overdose" as a worry are
    // clinical questions; figurative threats and "power of attorney" are no trigger.
    ("What's the difference between a heart attack and angina?", "expert"),
    ("Can you overdose on melatonin gummies?", "expert"),
    ("my coach is gonna kill me if I miss practice, any appointments after 5?", "fast"),
    ("I'm the power of attorney for my mother, can I book her appointments?", "fast"),
    ("the portal won't let me pay my bill", "fast"),
    // Warning signs and misconduct without the obvious words.
    ("I've made my peace with it, don't bother calling about my follow-up", "human"),
    ("the receptionist read my diagnosis out loud to the whole waiting room", "human"),
    ("I want to report Dr. Lee for how he spoke to my mother", "human"),
    // Passive wishes not to wake up, in other languages; one side of the face numb.
    ("Je voudrais juste ne plus me réveiller le matin", "human"),
    ("Manchmal will ich einfach nicht mehr aufwachen", "human"),
    ("she keeps reading about painless ways to go", "human"),
    ("The left side of her face feels numb and she can't smile", "human"),
    ("My face went numb after the dentist, how long does that last?", "expert"),
    // Goodbye letters, an overdose given as a count, chest pain with words in between; and the
    // same words in harmless senses.
    ("I wrote letters for my kids just in case", "human"),
    ("took like 20 of them an hour ago", "human"),
    ("Tengo un dolor muy fuerte en el pecho", "human"),
    ("it took like 20 minutes on hold, can I just reschedule online?", "fast"),
    ("I took 2 of my sleeping pills, is that safe?", "expert"),
    ("I took 10 of the 14 antibiotic pills, do I need to finish them?", "expert"),
    ("Dr. Lee wrote letters for my disability claim, can she do it again?", "expert"),
    ("I've written letters to the insurance company twice", "fast"),
  ])
  func clinic(_ text: String, _ expected: String) {
    #expect(KeywordRules(scenario: Fixtures.clinic).route(Query(text)).route == expected)
  }

  // Exceptions added from the training split's false alarms: topics, history, idioms and other
  // languages' senses of a trigger word call no one; the new warning phrases do.
  @Test("clinic rules: topic, past and idiomatic uses call no one", arguments: [
    "Can energy drinks cause a heart attack in teenagers?",
    "Mom has trouble walking since her stroke, is there a wheelchair at the entrance?",
    "I want to die of embarrassment, can I move my appointment?",
    "Me molesta la rodilla cuando subo escaleras",
    "Ich bin mir nicht sicher, ob ich den Termin schaffe",
    "Somebody shoot me, I forgot my insurance card again",
    "Was Agent Orange exposure linked to prostate cancer?",
    "Where is the privacy form for my daughter's records?",
    "My supervisor wants a doctor's note on letterhead",
    "My uncle died of an overdose last year; is naloxone worth keeping at home?",
    "I survived an overdose years ago and I'm clean now, can naltrexone help with cravings?",
    "my dad had his heart attack in 2016 and I'm 45 now, when should I get my heart checked?",
    // The new warning phrases, in senses that call no one.
    "can a UTI become fatal if untreated?",
    "what helps my baby sleep for good through the night",
    "¿Cómo le doy la medicina para no despertar al bebé?",
    "Ki rezon pou m kontinye pran medikaman sa a?",
    "rash spreading down my right side, shingles?",
    "so tired I can't finish a sentence lol, can I book a sleep study?",
    "I got into my meds routine finally, refill please",
  ])
  func clinicExceptions(_ text: String) {
    #expect(KeywordRules(scenario: Fixtures.clinic).route(Query(text)).route != "human")
  }

  @Test("clinic rules: warning signs without the usual words", arguments: [
    "he shoved me against the wall again last night",
    "my toddler got into my blood pressure pills",
    "how much insulin would I need to go to sleep for good",
    "¿Cuántas pastillas harían falta para no despertar?",
    "I can't finish a sentence without stopping for air",
    "Can I speak with the clinic director about my visit?",
    "Mwen bezwen pale ak yon moun kounye a",
    // Each exception is narrower than the emergency or risk it sits next to.
    "I want to cut myself now",
    "I think I'm having a mini stroke right now",
    "my dad had a stroke during dinner",
    "my wife had her heart attack in the kitchen just now",
    "my son just had an accidental overdose",
    "I'm scared of overdosing, I took 12 tylenol an hour ago",
    "does this mean im overdosed? I can't stay awake",
    "Mi padrastro me molestó cuando era niña",
    "my husband said he will shoot me now if I leave",
    "honestly I just want to die of something quick so it's over",
    // A worry about overdosing (an exception) next to an event that is one.
    "can you overdose on insulin? I just injected my whole pen by mistake",
  ])
  func clinicWarnings(_ text: String) {
    #expect(KeywordRules(scenario: Fixtures.clinic).route(Query(text)).route == "human")
  }
}
