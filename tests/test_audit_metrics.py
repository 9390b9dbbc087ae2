"""The audit's figures on archives whose answers were worked out by hand, and its invariants.

X fixture (tests/fixtures/audit/x), owner mara_writes, eight posts after the edit:
  996 original (photo), 997 bare link, 998 sales pitch, 1000 quote of @ops_anna,
  1001 reply to herself (a thread: original), 1002 reply to @sam_p,
  1003 retweet of @lena_k, 1005 original crediting @jo_dev (edited from 1004).
Mastodon fixture, owner mara@social.example, seven posts: 1 original, 2 reply to
  tom, 3 boost of ines, 4 own thread (original), 5 original behind a content
  warning, 6 quote of ines, 7 bare link.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from audit_archives import fixture_bytes, zip_of
from growth import assert_near_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.audit import Auditor, Post, auditor_for, read_archive


def audit_of(data: bytes, name: str, **kwargs: object) -> dict[str, object]:
    archive = read_archive(data, name)
    auditor = auditor_for(archive, **kwargs)  # type: ignore[arg-type]
    auditor.feed(archive.posts)
    return auditor.result().to_dict()


def x_zip() -> bytes:
    return zip_of(
        {
            "data/account.js": fixture_bytes("x/data/account.js"),
            "data/tweets.js": fixture_bytes("x/data/tweets.js"),
        }
    )


def test_x_archive_figures() -> None:
    data = audit_of(x_zip(), "archive.zip")
    assert data["schema"] == 1
    assert data["handle"] == "mara_writes" and data["platform"] == "x"
    assert data["posts"] == data["read"] == 8
    assert data["kinds"] == {"original": 5, "reply": 1, "reshare": 1, "reshare_with_comment": 1}
    assert data["about"] == {"others": 4, "self": 4}
    assert data["reply_share"] == 0.125
    assert data["reshares"] == {"without_comment": 1, "with_comment": 1}
    assert data["checked"] == 7  # every post but the retweet has words of her own
    assert data["with_links"] == 5  # 997, 998, 1000, 1003, 1005
    assert data["bare_links"] == 1 and data["selling"] == 1
    assert sorted((p["handle"], p["posts"]) for p in data["people"]) == [
        ("jo_dev", 1),
        ("lena_k", 1),
        ("ops_anna", 1),
        ("sam_p", 1),
    ]
    assert data["months"] == [
        {"month": "2023-01", "posts": 5, "original": 4, "reply": 0, "reshare": 0,
         "reshare_with_comment": 1, "about_others": 1, "findings": data["months"][0]["findings"]},
        {"month": "2023-02", "posts": 3, "original": 1, "reply": 1, "reshare": 1,
         "reshare_with_comment": 0, "about_others": 3, "findings": data["months"][1]["findings"]},
    ]  # fmt: skip
    findings = {f["rule"]: f for f in data["findings"]}
    assert findings["bare-link"]["posts"] == 1
    assert findings["bare-link"]["example"]["text"] == "https://example.com/news/technology-123456"
    assert findings["bare-link"]["example"]["date"] == "2023-01-10"
    assert findings["hard-sell"]["example"]["text"].startswith("Buy now! 50% off")
    assert findings["hard-sell"]["url"].endswith("/rules/hard-sell/")
    items = {i["id"]: i for i in data["items"]}
    assert items["1001"]["kind"] == "original" and items["1001"]["credits"] == []
    assert items["1000"] == {
        "id": "1000",
        "date": "2023-01-30",
        "kind": "reshare_with_comment",
        "credits": ["ops_anna"],
        "links": ["https://twitter.com/ops_anna/status/999"],
        "findings": items["1000"]["findings"],
    }
    assert "bare-link" in items["997"]["findings"]


def test_x_verdict_names_the_three_changes() -> None:
    verdict = audit_of(x_zip(), "archive.zip")["verdict"]
    points = {p["habit"]: p for p in verdict["points"]}
    assert points["conversation"]["ok"] is False and points["conversation"]["share"] == 0.125
    assert points["others"]["ok"] is True
    assert points["sharing"]["ok"] is True  # two reshares in eight posts
    assert "comment" not in points  # too few reshares to judge how they are made
    assert [c["url"].split("/handbook/")[1] for c in verdict["changes"]][:1] == [
        "connecting/respond-to-mentions/"
    ]
    urls = {c["url"].split("/handbook/")[1] for c in verdict["changes"]}
    assert {"sharing/add-your-insight/", "sharing/sharing-not-selling/"} <= urls | {
        p["url"].split("/handbook/")[1] for p in verdict["points"] if not p["ok"]
    }
    assert len(verdict["changes"]) == 3
    assert "With only 8 posts" in verdict["summary"]


def test_since_leaves_older_posts_out() -> None:
    data = audit_of(x_zip(), "archive.zip", since=date(2023, 2, 1))
    assert (data["read"], data["posts"], data["since"]) == (8, 3, "2023-02-01")
    assert data["kinds"] == {"original": 1, "reply": 1, "reshare": 1, "reshare_with_comment": 0}


def test_handle_given_when_the_file_has_none() -> None:
    alone = audit_of(fixture_bytes("x/data/tweets.js"), "tweets.js")
    assert alone["kinds"]["reply"] == 2  # without an owner, her own thread looks like a reply
    given_handle = audit_of(
        fixture_bytes("x/data/tweets.js"), "tweets.js", handles=["@Mara_Writes"]
    )
    assert given_handle["kinds"]["reply"] == 1 and given_handle["handle"] == "mara_writes"


def test_mastodon_figures() -> None:
    data = audit_of(fixture_bytes("mastodon/outbox.json"), "outbox.json")
    assert data["handle"] == "mara@social.example" and data["platform"] == "mastodon"
    assert data["kinds"] == {"original": 4, "reply": 1, "reshare": 1, "reshare_with_comment": 1}
    assert data["about"] == {"others": 3, "self": 4}
    assert data["people"] == [
        {"handle": "ines@other.example", "posts": 2},
        {"handle": "tom@other.example", "posts": 1},
    ]
    assert [(m["month"], m["posts"], m["about_others"]) for m in data["months"]] == [
        ("2024-03", 4, 2),
        ("2024-04", 3, 1),
    ]
    assert data["bare_links"] == 1


def test_linkedin_reshares_count_as_about_others_without_a_name() -> None:
    data = audit_of(fixture_bytes("linkedin/Shares.csv"), "Shares.csv")
    assert data["kinds"] == {"original": 3, "reply": 0, "reshare": 1, "reshare_with_comment": 1}
    assert data["about"]["others"] == 2 and data["people"] == []
    assert data["replies_known"] is False
    assert "conversation" not in {p["habit"] for p in data["verdict"]["points"]}


def plain_archive(posts: list[str]) -> bytes:
    return "\n\n".join(posts).encode()


def test_a_broadcasting_feed() -> None:
    posts = [
        f"We shipped release {n} of our product today, with a faster search page."
        for n in range(20)
    ]
    verdict = audit_of(plain_archive(posts), "posts.txt", handles=["me"])["verdict"]
    assert verdict["summary"].startswith("Mostly broadcasting")
    pages = [c["url"].split("/handbook/")[1] for c in verdict["changes"]]
    assert pages == [
        "connecting/respond-to-mentions/",
        "connecting/recognise-people/",
        "sharing/share-more-than-you-create/",
    ]


def test_a_social_feed() -> None:
    posts = [
        "@ana thanks, that is a good point about the test plan.",
        "@bo glad it helped, and thank you for the careful notes.",
        "@cy yes, we saw the same thing in our team last year.",
        "RT @lena_k: Write the error message before you write the code.",
        "RT @dee: Small pull requests get reviewed sooner.",
        "Dee explains this better than I could, and the section on reviews is gold https://x.com/dee/status/1",
        "Lena's talk changed how we plan our weeks; her advice on focus time works https://x.com/lena_k/status/2",
        "Sam's write-up on our outage is honest and clear, worth ten minutes https://x.com/sam/status/3",
        "Huge thanks to @ana and @bo for running the meetup last night.",
        "We learnt a lot from @cy at the workshop on accessible forms.",
    ]
    data = audit_of(plain_archive(posts), "posts.txt", handles=["me"])
    assert data["kinds"] == {"original": 2, "reply": 3, "reshare": 2, "reshare_with_comment": 3}
    assert data["about"] == {"others": 10, "self": 0}
    verdict = data["verdict"]
    assert all(p["ok"] for p in verdict["points"]), verdict["points"]
    assert verdict["changes"] == []
    assert verdict["summary"].startswith("A social feed")


def test_nothing_to_judge() -> None:
    auditor = Auditor(platform="x")
    data = auditor.result().to_dict()
    assert data["posts"] == 0 and data["verdict"]["points"] == []
    assert data["kinds"] == {"original": 0, "reply": 0, "reshare": 0, "reshare_with_comment": 0}


# --- invariants -------------------------------------------------------------------

handles = st.sampled_from(["ana", "bo", "me", "", "did:plc:xyz"])
maybe = st.none() | handles
posts_strategy = st.lists(
    st.builds(
        Post,
        text=st.sampled_from(
            [
                "",
                "Thanks @ana!",
                "https://example.com/a",
                "Buy now! 50% off today",
                "We shipped it.",
            ]
        ),
        when=st.none()
        | st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2024, 12, 31)).map(
            lambda d: d.replace(tzinfo=UTC)
        ),
        reply_to=maybe,
        repost_of=maybe,
        quote_of=maybe,
        mentions=st.lists(handles, max_size=3).map(tuple),
        links=st.lists(st.just("https://example.com/a"), max_size=2).map(tuple),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(
    posts_strategy,
    st.integers(min_value=1, max_value=7),
    st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 1, 1)),
)
def test_counts_add_up_and_chunks_do_not_matter(
    posts: list[Post], chunk: int, since: date | None
) -> None:
    whole = Auditor(platform="x", handles=["me"], since=since)
    whole.feed(posts)
    chunked = Auditor(platform="x", handles=["me"], since=since)
    for start in range(0, len(posts), chunk):
        chunked.feed(posts[start : start + chunk])
    data = whole.result().to_dict()
    assert chunked.result().to_dict() == data
    assert data["read"] == len(posts)
    assert sum(data["kinds"].values()) == data["posts"] == len(data["items"])
    assert data["about"]["others"] + data["about"]["self"] == data["posts"]
    assert sum(m["posts"] for m in data["months"]) + data["undated"] == data["posts"]
    for month in data["months"]:
        assert sum(month[k] for k in data["kinds"]) == month["posts"] >= month["about_others"]
    assert data["checked"] <= data["posts"] - data["kinds"]["reshare"]
    assert all(0 < p["posts"] <= data["about"]["others"] for p in data["people"])
    assert all(p["handle"] != "me" for p in data["people"])
    assert data["bare_links"] <= data["checked"] and data["selling"] <= data["checked"]
    assert len(data["verdict"]["changes"]) <= 3


def test_audit_time_grows_linearly_with_the_posts() -> None:
    posts = [
        "Thanks @ana for the review!",
        "https://example.com/news/technology-123456",
        "RT @lena_k: Write the error message first.",
        "@bo good point, we will fix the docs.",
        "We shipped the new search today; it is twice as fast.",
    ]
    text = "\n\n".join(posts * 300)

    def run(chunk: str) -> object:
        return audit_of(chunk.encode(), "posts.txt", handles=["me"])

    assert_near_linear(run, text)


def test_published_posts_are_not_called_too_long() -> None:
    """X Premium posts and Mastodon servers with their own limits: what was published fit."""
    long_post = "We rebuilt the search page this quarter, and here is what we learnt. " * 8
    data = audit_of(long_post.encode(), "posts.txt", handles=["me"])
    assert len(long_post) > 280 and data["checked"] == 1
    assert "over-limit" not in {f["rule"] for f in data["findings"]}
