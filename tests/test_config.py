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


def test_the_database_url_without_the_settings_agrees_with_them(tmp_path, monkeypatch):
    """config_file.quick_database_url (used by `newsdesk issues`) follows the settings'
    precedence: --database, NEWSDESK_DATABASE_URL, the file, then data_dir."""
    from newsdesk.config import load_settings
    from newsdesk.config_file import quick_database_url

    monkeypatch.chdir(tmp_path)
    for name in ("NEWSDESK_CONFIG", "NEWSDESK_DATABASE_URL", "NEWSDESK_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    toml = tmp_path / "newsdesk.toml"

    def both(override=None):
        quick = quick_database_url(override)
        assert quick == load_settings(database_url=override).effective_database_url
        return quick

    assert both() == "sqlite:///newsdesk-data/newsdesk.db"
    toml.write_text('data_dir = "archive"\n[collect]\ntimeout_seconds = 5\n', encoding="utf-8")
    assert both() == "sqlite:///archive/newsdesk.db"
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "env-dir"))
    assert both() == f"sqlite:///{(tmp_path / 'env-dir').as_posix()}/newsdesk.db"
    toml.write_text('database_url = "sqlite:///from-file.db"\n', encoding="utf-8")
    assert both() == "sqlite:///from-file.db"
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", "sqlite:///from-env.db")
    assert both() == "sqlite:///from-env.db"
    assert both("sqlite:///from-flag.db") == "sqlite:///from-flag.db"
    monkeypatch.delenv("NEWSDESK_DATABASE_URL")
    monkeypatch.setenv("newsdesk_database_url", "sqlite:///lower-case.db")
    assert both() == "sqlite:///lower-case.db"
    # in doubt it answers nothing, and the settings speak
    toml.write_text("this is = = not toml", encoding="utf-8")
    assert quick_database_url() is None
