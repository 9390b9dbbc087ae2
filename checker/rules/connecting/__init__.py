"""Rules of the connecting pillar: relationships over numbers, people over systems.

Seeds 000, 003 and 004: personalise invitations, follow with judgement rather
than chasing counts, and talk like a person ("witty, rather than stoic and
stiff"), not like a loudspeaker or a press release.
"""
