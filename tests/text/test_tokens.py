"""Words: jieba's dictionary with ours added, cut by jieba-rs (rjieba)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.text import tokens

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples"


def _sample_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix in (".txt", ".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines += [line for line in text.splitlines() if line.strip()]
    return lines


def test_our_words_are_words():
    assert tokens.words("抖音电商在义乌") == ["抖音电商", "在", "义乌"]
    assert tokens.words("商务部印发意见。国家邮政局：快递量增长") == [
        "商务部",
        "印发",
        "意见",
        "国家邮政局",
        "快递",
        "量",
        "增长",
    ]


def test_a_user_dictionary_adds_words_to_its_own_cutter(tmp_path):
    mine = tmp_path / "words.tsv"
    mine.write_text("云数智联\torg\n", encoding="utf-8")
    assert "云数智联" in tokens.words("云数智联发布新品", str(mine))
    assert "云数智联" not in tokens.words("云数智联发布新品")  # the shared cutter is left alone


def test_it_cuts_as_jieba_does(tmp_path):
    """The Rust port and jieba, both with our words at the same frequency, HMM off: the
    same words on the bundled corpus but for a rare tie."""
    import jieba

    reference = jieba.Tokenizer()
    for name in tokens.dictionary(None):
        reference.add_word(name, freq=2000)
    lines = _sample_lines()
    assert len(lines) > 500
    cutter = tokens.tokenizer(None)
    differ = [line for line in lines if cutter.cut(line, False) != reference.lcut(line, HMM=False)]
    assert len(differ) <= len(lines) // 500, differ[:5]


def test_word_frequencies_come_from_jieba_s_table():
    idf, unknown = tokens.word_idf()
    assert len(idf) > 100_000
    assert idf["的"] < idf["电商"] < unknown  # a word not in the table counts as a rare one
