"""Settings: one TOML file, NEWSDESK_* variables, --database on top."""

import tomllib


def test_file_env_and_flag_precedence(cli, tmp_path, monkeypatch, db_url):
    (tmp_path / "newsdesk.toml").write_text(
        'log_level = "WARNING"\n[publication]\nname = "跨境电商动态"\ncolumns = ["要闻", "数据"]\n'
        "[collect]\ntimeout_seconds = 7.5\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSDESK_COLLECT__TIMEOUT_SECONDS", "3")
    result = cli("config")
    assert result.exit_code == 0, result.output
    body = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))
    shown = tomllib.loads(body)
    assert shown["publication"]["name"] == "跨境电商动态"
    assert shown["publication"]["columns"] == ["要闻", "数据"]
    assert shown["log_level"] == "WARNING"
    assert shown["collect"]["timeout_seconds"] == 3  # the environment wins over the file
    assert shown["database_url"] == db_url  # and --database over both
    assert "newsdesk.toml" in result.stdout.splitlines()[0]


def test_malformed_settings_file_is_named(cli, tmp_path):
    (tmp_path / "newsdesk.toml").write_text("this is = = not toml", encoding="utf-8")
    result = cli("issues")
    assert result.exit_code == 2
    assert "newsdesk.toml" in result.output and "not valid TOML" in result.output
