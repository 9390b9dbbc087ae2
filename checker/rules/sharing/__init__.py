"""Rules of the sharing pillar: share what is worth it, say why, and say whose it is.

Seeds 000-003: sharing is the heart of being social, but only when it adds
something. A link with no word of one's own, someone else's words with no
credit, a rumour passed on unchecked, a link that hides where it goes, praise
of oneself reshared, a sales pitch, a post that is all "me": each is sharing
that takes more than it gives. Every rule here leans quiet: it speaks only when
the pattern is plain, and passes the near-misses listed in its examples.
"""
