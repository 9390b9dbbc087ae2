"""Rules of platform fit: the post suits the network it goes to (seed 003).

"Each social networking site has its own audience and specific purpose": a
post must fit the network's hard limits (``over-limit``, the only error), and
it should not carry another network's syntax (``cross-post-syntax``) or more
hashtags than the network's readers expect (``hashtag-stuffing``).
"""
