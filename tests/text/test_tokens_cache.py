"""jieba's dictionary cached on disk by first character cuts exactly as the whole one does."""

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


def test_the_cached_dictionary_cuts_as_the_whole_one(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(tmp_path))
    tokens.tokenizer.cache_clear()
    try:
        whole = tokens.tokenizer(None)  # no entry yet: the whole dictionary, and the entry written
        assert not isinstance(whole, tokens._sharded_class())
        assert len(list(tmp_path.glob("jieba-*.dict"))) == 1
        tokens.tokenizer.cache_clear()
        cached = tokens.tokenizer(None)
        assert isinstance(cached, tokens._sharded_class())
        assert not cached.FREQ  # nothing loaded before the first cut

        lines = _sample_lines()
        assert len(lines) > 500
        for line in lines:
            assert cached.lcut(line, HMM=False) == whole.lcut(line, HMM=False), line
        # our own words are in it, with the frequency they were added with
        assert cached.lcut("抖音电商在义乌", HMM=False) == ["抖音电商", "在", "义乌"]
        assert cached.FREQ["抖音电商"] == whole.FREQ["抖音电商"]
        assert len(cached.FREQ) < len(whole.FREQ)
    finally:
        tokens.tokenizer.cache_clear()


def test_a_damaged_entry_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(tmp_path))
    tokens.tokenizer.cache_clear()
    try:
        name = tokens._cache_name(list(tokens.dictionary(None)))
        (tmp_path / name).write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00junk")
        tk = tokens.tokenizer(None)
        assert tk.lcut("商务部印发意见", HMM=False) == ["商务部", "印发", "意见"]
        assert (tmp_path / name).stat().st_size > 1_000_000
    finally:
        tokens.tokenizer.cache_clear()
