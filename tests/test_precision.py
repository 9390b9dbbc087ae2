"""The precision corpus: ordinary, well-behaved posts must raise no warning or error.

A checker that nags on good posts gets switched off, so every rule (of every
pillar) is held to this table. The posts are written for this test in varied
voices, on all seven platforms and all four kinds: announcements, thanks,
questions, replies, job posts, invitations to events, connection notes, short
threads, links with comment, credited quotes, acronyms, hashtags within each
network's norm, emoji, prices in a plain context, French and Japanese.

Suggestions (matters of taste) are allowed but counted: the test fails if the
corpus as a whole collects more than a handful, so a noisy new rule shows up.
"""

from __future__ import annotations

import pytest

from checker import PLATFORMS, check
from checker.config import Config
from checker.model import KINDS, Severity

# (id, platform, kind, text); a thread's posts are separated by a line "---"
CORPUS: tuple[tuple[str, str, str, str], ...] = (
    # --- X ---------------------------------------------------------------
    (
        "x-link-with-comment",
        "x",
        "post",
        "The clearest explanation of database indexes I've read in years. The part on "
        "composite keys finally made it click for me. https://use-the-index-luke.com/",
    ),
    (
        "x-question",
        "x",
        "post",
        "Teachers of beginners: what's the first Python error message your students get "
        "stuck on? Mine is always the IndentationError.",
    ),
    (
        "x-reply-thanks",
        "x",
        "reply",
        "@sara_builds thank you, that fixed it! The docs never mention the trailing slash.",
    ),
    (
        "x-credited-quote",
        "x",
        "post",
        "“Make it work, make it right, make it fast.” (Kent Beck) Still the best order of "
        "operations I know for a side project.",
    ),
    (
        "x-event",
        "x",
        "post",
        "Our meetup is back on 14 March at the central library: two short talks on testing, "
        "then pizza. Beginners very welcome. #python",
    ),
    (
        "x-thread",
        "x",
        "thread",
        "We moved our build from 40 minutes to 9. Here's what helped, in order of impact.\n"
        "---\n"
        "Caching dependencies between runs saved the most: about 20 minutes on its own.\n"
        "---\n"
        "Splitting the slow integration tests into four parallel jobs saved another 10. "
        "Thanks to @devon_ops for pushing us to try it.",
    ),
    (
        "x-acronyms",
        "x",
        "post",
        "NASA's open data portal now has an API for the JWST images, and the FAQ is "
        "refreshingly clear. Great resource for a classroom project.",
    ),
    # --- Mastodon --------------------------------------------------------
    (
        "mastodon-intro",
        "mastodon",
        "post",
        "Hello fediverse! I teach maths in Leeds and write about puzzles, cycling and "
        "bread. Looking forward to reading your posts. #introduction #maths",
    ),
    (
        "mastodon-link",
        "mastodon",
        "post",
        "This piece by Ana Ruiz on burnout in open source is worth your time, especially "
        "the section on saying no kindly. https://example.org/burnout-oss",
    ),
    (
        "mastodon-reply",
        "mastodon",
        "reply",
        "@kim@fosstodon.org that's a good point. I hadn't thought about screen readers "
        "announcing the emoji one by one.",
    ),
    (
        "mastodon-help",
        "mastodon",
        "post",
        "Does anyone know a good, free tool for checking colour contrast in PDFs? Our "
        "council's forms need an accessibility pass before April.",
    ),
    (
        "mastodon-thread",
        "mastodon",
        "thread",
        "A small thread on what we learned running a community repair café for a year.\n"
        "---\n"
        "People came for the fixing and stayed for the tea. The waiting area became the "
        "best part of the day.\n"
        "---\n"
        "If you'd like to start one, the Repair Café Foundation has a starter kit, and our "
        "volunteers are happy to answer questions.",
    ),
    (
        "mastodon-japanese",
        "mastodon",
        "post",
        "来週の勉強会では、鈴木さんがテストの書き方について話してくれます。初心者も大歓迎です！",
    ),
    # --- Bluesky ---------------------------------------------------------
    (
        "bluesky-question",
        "bluesky",
        "post",
        "Birders of Bluesky: I saw a small brown bird with a bright yellow rump in the "
        "park this morning. Any idea what it could be?",
    ),
    (
        "bluesky-thanks",
        "bluesky",
        "post",
        "Huge thanks to @lena.bsky.social for reviewing my first conference talk. The "
        "opening is so much sharper now.",
    ),
    (
        "bluesky-link",
        "bluesky",
        "post",
        "A calm, practical guide to writing alt text, with good and bad examples side by "
        "side. I'm sharing it with our whole newsroom. https://example.org/alt-text-guide",
    ),
    (
        "bluesky-reply",
        "bluesky",
        "reply",
        "Agreed. We tried the same thing and the weekly demo did more for morale than any survey.",
    ),
    (
        "bluesky-emoji",
        "bluesky",
        "post",
        "First harvest from the balcony garden 🍅🌿 Six tomatoes and a lot of basil. "
        "What should I make?",
    ),
    # --- Threads ---------------------------------------------------------
    (
        "threads-announcement",
        "threads",
        "post",
        "Our bakery turns ten this Saturday. Come by for a slice of cake and say hello to "
        "the team that made it all happen 🎂",
    ),
    (
        "threads-question",
        "threads",
        "post",
        "Runners: how do you stay motivated through the dark winter mornings? I need new ideas.",
    ),
    (
        "threads-reply",
        "threads",
        "reply",
        "That's a lovely idea. Our school did a book swap last spring and the kids still "
        "talk about it.",
    ),
    (
        "threads-tag",
        "threads",
        "post",
        "The river walk was glorious today, the first properly warm afternoon of the year. #spring",
    ),
    (
        "threads-thread",
        "threads",
        "thread",
        "Three things I wish I'd known before adopting a retired greyhound.\n"
        "---\n"
        "They sleep most of the day. Ours found the sofa within an hour.\n"
        "---\n"
        "They may never have seen stairs. Patience and treats help; our vet's advice "
        "helped more.",
    ),
    # --- LinkedIn --------------------------------------------------------
    (
        "linkedin-job",
        "linkedin",
        "post",
        "We're hiring a junior data analyst to join our public health team in Bristol. "
        "You'll work with epidemiologists on real questions, with a mentor from day one. "
        "Salary £32,000, hybrid, applications close 30 May. Details and how to apply: "
        "https://example.org/jobs/data-analyst",
    ),
    (
        "linkedin-thanks",
        "linkedin",
        "post",
        "After six years I'm leaving the support team, and I want to thank the people who "
        "made it the best job I've had: Priya, who taught me to listen before answering, "
        "and Marcus, who never let a customer feel like a ticket number.",
    ),
    (
        "linkedin-article",
        "linkedin",
        "post",
        "Harvard Business Review has a useful piece on running shorter meetings. We tried "
        "their “no agenda, no meeting” rule for a month and cut our meeting hours by a "
        "third. https://example.org/hbr-short-meetings #meetings #productivity",
    ),
    (
        "linkedin-event",
        "linkedin",
        "post",
        "Join us on 12 June for a free evening panel on accessible design, hosted with the "
        "UX Bristol group. Speakers from the BBC and a local charity will share what "
        "worked for them. Questions from the audience are very welcome.",
    ),
    (
        "linkedin-question",
        "linkedin",
        "post",
        "Hiring managers: what's one thing in a cover letter that makes you want to meet "
        "the person? I'm putting together advice for our graduate programme.",
    ),
    (
        "linkedin-invite-meetup",
        "linkedin",
        "invitation",
        "Hi Jonas, it was great talking with you at the Berlin testing meetup about "
        "flaky tests. I'd love to stay in touch and hear how the quarantine idea works out.",
    ),
    (
        "linkedin-invite-article",
        "linkedin",
        "invitation",
        "Hello Dr. Okafor, your article on rural telehealth answered questions our clinic "
        "has had for months. I'd be glad to connect.",
    ),
    (
        "linkedin-invite-intro",
        "linkedin",
        "invitation",
        "Hi Mei, Daniel Park suggested I get in touch, as we're both working on volunteer "
        "scheduling for food banks. Would you be open to comparing notes?",
    ),
    (
        "linkedin-invite-colleague",
        "linkedin",
        "invitation",
        "Hi Tariq, we worked together on the 2019 census project. Lovely to see you're "
        "leading the team now!",
    ),
    (
        "linkedin-reply",
        "linkedin",
        "reply",
        "Congratulations, Aisha! Your team's work on the ward rota made a real difference "
        "for the night staff.",
    ),
    (
        "linkedin-french",
        "linkedin",
        "post",
        "Merci à toute l'équipe de l'association pour cette belle journée de bénévolat. "
        "Plus de 200 repas préparés et servis, et beaucoup de sourires !",
    ),
    (
        "linkedin-milestone",
        "linkedin",
        "post",
        "Ten years ago today I joined a two-person startup above a bike shop. Thank you to "
        "everyone who took a chance on us, especially our first customers, who were "
        "patient with a lot of bugs.",
    ),
    # --- Facebook --------------------------------------------------------
    (
        "facebook-community",
        "facebook",
        "post",
        "The village hall roof is finally fixed! Thank you to everyone who came to the "
        "quiz nights and bake sales over the winter. See you at the summer fair.",
    ),
    (
        "facebook-lost-cat",
        "facebook",
        "post",
        "Has anyone on Elm Road seen a grey cat with a white chest? Milo slipped out last "
        "night. He's friendly but shy. Please message me if you spot him.",
    ),
    (
        "facebook-prices",
        "facebook",
        "post",
        "Our weekly food shop went from €92 to €118 since January. How are other families "
        "here managing? Any tips on markets or co-ops nearby?",
    ),
    (
        "facebook-event",
        "facebook",
        "post",
        "Family film night at the library on Friday at 6pm: we're showing Paddington 2. "
        "Bring a cushion; the tea and squash are on us.",
    ),
    (
        "facebook-reply",
        "facebook",
        "reply",
        "Thank you for organising this, Helen. The kids haven't stopped talking about the "
        "treasure hunt.",
    ),
    (
        "facebook-recipe-credit",
        "facebook",
        "post",
        "Made my grandmother's lemon cake for the first time without her. I used her "
        "handwritten card, 1/2 cup of sugar less than she'd use, and it still tasted like "
        "her kitchen.",
    ),
    # --- Instagram -------------------------------------------------------
    (
        "instagram-photo",
        "instagram",
        "post",
        "Golden hour over the harbour last night. Shot on an old 35mm camera my dad gave "
        "me, developed at the little lab on Quay Street. #filmphotography #harbour "
        "#goldenhour",
    ),
    (
        "instagram-credit",
        "instagram",
        "post",
        "This mural by @rosa.paints took three weeks and went up right outside our café. "
        "Come and see it in person, it's even better up close ✨",
    ),
    (
        "instagram-question",
        "instagram",
        "post",
        "Plant people: the leaves of my fiddle-leaf fig are going brown at the edges. Too "
        "much water or too little? 🌱 #houseplants",
    ),
    (
        "instagram-announcement",
        "instagram",
        "post",
        "We're opening a second studio in Porto in September! Same teachers, same small "
        "classes, now with a view of the river. #yoga #porto",
    ),
    (
        "instagram-reply",
        "instagram",
        "reply",
        "@mariana.cooks this looks amazing, is the dough recipe on your blog?",
    ),
    # --- a few more voices -----------------------------------------------
    (
        "x-emphasis",
        "x",
        "post",
        "Reminder that the conference CFP closes TONIGHT at midnight UTC. First-time "
        "speakers, we'd love to read your ideas.",
    ),
    (
        "mastodon-excited",
        "mastodon",
        "post",
        "The library got the grant! Two more years of free coding clubs for kids. Thank "
        "you to everyone who wrote a letter of support!",
    ),
    (
        "linkedin-numbers",
        "linkedin",
        "post",
        "Our annual report is out: 1,240 volunteers, 38,000 hours, and 9 new branches. "
        "Every number is a person who showed up. Thank you.",
    ),
    (
        "bluesky-invite-event",
        "bluesky",
        "post",
        "Anyone in Glasgow fancy a sketch walk on Sunday? We're meeting at 10 by the "
        "People's Palace; all levels, bring a pencil.",
    ),
)

MAX_SUGGESTIONS = 4  # for the whole corpus: quiet and right beats loud


def _check(platform: str, kind: str, text: str) -> list[tuple[str, str, str]]:
    report = check(text, platform=platform, kind=kind, config=Config())
    return [(f.rule, f.severity.value, text[f.start : f.end]) for f in report.findings]


def test_the_corpus_is_varied() -> None:
    assert len(CORPUS) >= 45
    assert len({row[0] for row in CORPUS}) == len(CORPUS), "ids must be unique"
    assert {row[1] for row in CORPUS} == set(PLATFORMS)
    assert {row[2] for row in CORPUS} == set(KINDS)


@pytest.mark.parametrize(
    ("platform", "kind", "text"), [r[1:] for r in CORPUS], ids=[r[0] for r in CORPUS]
)
def test_good_post_raises_no_warning_or_error(platform: str, kind: str, text: str) -> None:
    loud = [f for f in _check(platform, kind, text) if f[1] != Severity.SUGGESTION.value]
    assert loud == [], f"{platform}/{kind}: {loud}"


def test_the_corpus_collects_few_suggestions() -> None:
    found = [
        (row[0], *f)
        for row in CORPUS
        for f in _check(row[1], row[2], row[3])
        if f[1] == Severity.SUGGESTION.value
    ]
    assert len(found) <= MAX_SUGGESTIONS, found
