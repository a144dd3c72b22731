"""report.html in a real headless Chromium: the filters and the sort change what is shown.

Needs Debian's `chromium` (or CHECKER_CHROMIUM pointing at a Chromium binary) and
playwright-python; without them the test is skipped, saying which is missing."""
import os
import shutil

import pytest

from checker.models import Claim, Discrepancy, Event, Fact, Report, Source
from checker.report import write_reports

CHROMIUM = os.environ.get("CHECKER_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)")

TEXTS = {"a": "The bridge will close for repairs on Monday. Work will last 14 weeks. Tolls rise in June.",
         "b": "The bridge closes on Monday for repairs, which will take 12 weeks.",
         "c": "Repairs will shut the bridge from Monday, the city said. A ferry will run instead."}


def _claim(cid, src, phrase):
    start = TEXTS[src].index(phrase)
    return Claim(id=cid, source=src, start=start, end=start + len(phrase), text=phrase,
                 sentence=(start, start + len(phrase)))


def _report() -> Report:
    sources = [Source(id=s, path=f"{s}.txt", text=t, outlet=f"Outlet {s.upper()}", url=f"https://{s}.example/bridge")
               for s, t in TEXTS.items()]
    claims = [_claim("ca1", "a", "The bridge will close for repairs on Monday."),
              _claim("cb1", "b", "The bridge closes on Monday for repairs"),
              _claim("cc1", "c", "Repairs will shut the bridge from Monday"),
              _claim("ca2", "a", "Work will last 14 weeks."), _claim("cb2", "b", "which will take 12 weeks."),
              _claim("ca3", "a", "Tolls rise in June."), _claim("cc3", "c", "A ferry will run instead.")]
    facts = [Fact(id="f_close", status="corroborated", summary="The bridge will close for repairs on Monday.",
                  claims=["ca1", "cb1", "cc1"], independent_outlets=3, event="e1"),
             Fact(id="f_weeks", status="contested", summary="Work will last 14 weeks.", claims=["ca2", "cb2"],
                  independent_outlets=2, event="e1",
                  discrepancies=[Discrepancy(id="d1", kind="number", claims=("ca2", "cb2"), detail="14 vs 12 weeks")]),
             Fact(id="f_tolls", status="single-source", summary="Tolls rise in June.", claims=["ca3"], event="e1"),
             Fact(id="f_ferry", status="single-source", summary="A ferry will run instead.", claims=["cc3"], event="e2")]
    events = [Event(id="e1", summary="Bridge closure", facts=["f_close", "f_weeks", "f_tolls"]),
              Event(id="e2", summary="Ferry", facts=["f_ferry"])]
    return Report(sources=sources, claims=claims, facts=facts, events=events, created="2025-01-01T00:00:00+00:00")


@pytest.fixture
def page(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright-python is not installed")
    html = write_reports(_report(), tmp_path)["html"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        pg = browser.new_page()
        errors = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(html.as_uri())
        yield pg
        browser.close()
        assert not errors


def _shown(page):
    return page.eval_on_selector_all("div.fact.item", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def test_every_fact_is_shown_contested_first(page):
    assert _shown(page) == ["f_weeks", "f_close", "f_tolls", "f_ferry"]
    assert page.inner_text("#shown") == "4 facts shown"
    hrefs = page.eval_on_selector_all("a.source-link", "els => els.map(e => e.href)")
    assert sorted(hrefs) == [f"https://{s}.example/bridge" for s in "abc"]


def test_filters_by_status_outlet_kind_and_event(page):
    page.select_option("#f-status", "contested")
    assert _shown(page) == ["f_weeks"]
    assert page.is_visible("#event-e1") and not page.is_visible("#event-e2")  # an event with nothing shown hides
    page.select_option("#f-status", "")
    page.select_option("#f-outlet", "Outlet C")
    assert _shown(page) == ["f_close", "f_ferry"]
    page.select_option("#f-outlet", "")
    page.select_option("#f-kind", "number")
    assert _shown(page) == ["f_weeks"]
    assert page.eval_on_selector_all("tr.row.item", "els => els.filter(e => e.offsetParent !== null).length") == 1
    page.select_option("#f-kind", "")
    page.select_option("#f-event", "e2")
    assert _shown(page) == ["f_ferry"] and page.inner_text("#shown") == "1 fact shown"


def test_sorting_reorders_the_facts(page):
    page.select_option("#sort", "order")
    assert _shown(page) == ["f_close", "f_weeks", "f_tolls", "f_ferry"]
    page.select_option("#sort", "outlets")
    assert _shown(page)[:2] == ["f_close", "f_weeks"]
    page.select_option("#sort", "rank")
    assert _shown(page) == ["f_weeks", "f_close", "f_tolls", "f_ferry"]
