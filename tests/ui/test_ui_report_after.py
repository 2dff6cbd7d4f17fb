"""When `coop play` ends on a finished game, its report's data is prepared in the background (not for autoplay)."""

from types import SimpleNamespace

from game.session import report
from game.ui.app import keep_report_after


def play_at(phase):
    return SimpleNamespace(session=SimpleNamespace(path="/x/s.coop.jsonl", state=SimpleNamespace(phase=phase)))


def test_only_a_finished_game_played_by_people_gets_its_report_prepared(monkeypatch):
    asked = []
    monkeypatch.setattr(report, "keep_memo_later", asked.append)
    keep_report_after(play_at("debrief"), autoplay=False)
    keep_report_after(play_at("end"), autoplay=True)
    keep_report_after(None, autoplay=False)
    assert asked == []
    keep_report_after(play_at("end"), autoplay=False)
    assert asked == ["/x/s.coop.jsonl"]
