"""Rules of the collaborating pillar: collaboration starts with a real question.

Seeds 000-002: collaboration "starts the same way it does in real life -- by
asking questions or offering up help". Asking for a reflex (a like, a share,
a tag) is the opposite: it asks people to perform, not to take part.
"""
