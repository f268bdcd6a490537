"""`newsdesk search` as an editor runs it, on SQLite and PostgreSQL."""

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"


@pytest.mark.both_databases
def test_search_prints_ranked_results_facets_and_json(cli):
    assert cli("import", str(SAMPLES / "2022-05.txt"), str(SAMPLES / "2022-06.txt")).exit_code == 0

    shown = cli("search", "京东 618")
    assert shown.exit_code == 0, shown.output
    assert "items matching «京东 618»" in shown.output
    assert "京东618" in shown.output
    assert "column:" in shown.output and "month:" in shown.output and "2022-06" in shown.output

    found = json.loads(cli("search", "京東", "--json", "--since", "2022-06", "--until", "2022-06").output)
    assert found["total"] >= 1
    assert all(hit["date"].startswith("2022-06") for hit in found["results"])
    assert all("<mark>" in hit["title_html"] + hit["snippet_html"] for hit in found["results"])
    assert {f["value"] for f in found["facets"]["month"]} == {"2022-06"}

    none = cli("search", "京东", "--column", "悦读电商", "--since", "2022-06-01")
    assert none.exit_code == 0 and "nothing in the items matches" in none.output


@pytest.mark.both_databases
def test_a_query_with_nothing_to_find_and_a_bad_date_are_one_line_errors(cli):
    bad = cli("search", "-京东")
    assert bad.exit_code == 2 and "error:" in bad.output and "Traceback" not in bad.output
    date = cli("search", "京东", "--since", "June")
    assert date.exit_code == 2 and "is no date" in date.output
