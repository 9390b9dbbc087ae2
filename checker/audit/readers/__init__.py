"""One module per export format; each turns the file's text or bytes into ``Post`` facts.

``checker.audit.detect`` decides which reader a file needs, from its content.
"""
