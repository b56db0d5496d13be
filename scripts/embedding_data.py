"""The labelled clinic data and the fixed sentence sets the embedding scripts share."""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPLITS = os.path.join(ROOT, "Sources/RouterCore/Resources/Scenarios/clinic")
ROUTES = ["fast", "expert", "human"]

# Strings that exercise every branch of the tokenizer: accents, capitals, punctuation, CJK,
# scripts outside the vocabulary, controls, odd white space, long words, emoji.
AWKWARD = [
    "Héllo, I can't BREATHE!! 我想 naïve café—ok? unaffable",
    "¿Puedo tomar ibuprofeno con mi medicación? Me duele mucho la cabeza.",
    "Ich möchte einen Termin für nächste Woche, bitte. Straße",
    "مرحبا، أحتاج إلى موعد",
    "mujhe bukhar hai, kya main paracetamol le sakta hoon?",
    "İstanbul ΣΊΣΥΦΟΣ Ǆemal ﬁle",
    "tab\there\nnew line\r\u00a0nbsp\u2003em space\u2028sep",
    "ctrl\u0000nul\u0007bell\ufffdrepl\u200bzwsp\u00adsoft",
    "x" * 101 + " ok",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "I'm 😭😭 so tired… “quotes” ‘single’ — dash – en",
    "e\u0301 combining, ḱ, ǹ, Å, ﬀ",
    "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ １２３",
    "",
    "   ",
    "!!!???",
]

# Sentences whose static vectors the Swift test compares with the Python ones.
PARITY = [
    "Can I take ibuprofen with my blood pressure pills?",
    "I want to kill myself",
    "What time do you open on Saturday?",
    "my chest hurts and my left arm is numb",
    "I need to speak to a human please",
    "This traffic is killing me, can I move my appointment to 3pm?",
    "Is 2000mg of acetaminophen a day too much?",
    "thanks!!",
    "hello",
] + AWKWARD


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                rows.append((obj["text"], obj["route"]))
    return rows


def split(name):
    """(texts, labels) of the clinic scenario's `train` or `dev` split; labels index ROUTES."""
    rows = read_jsonl(os.path.join(SPLITS, f"{name}.jsonl"))
    return [t for t, _ in rows], [ROUTES.index(r) for _, r in rows]


def clinic_texts():
    return split("train")[0] + split("dev")[0]
