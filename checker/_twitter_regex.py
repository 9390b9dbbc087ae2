"""Character classes and regular expressions of twitter-text, for ``checker.twitter_text``.

Ported from twitter-text's JavaScript build (``js/src/regexp/*.js``, release 3.1,
Apache-2.0, Copyright Twitter, Inc.). Python's ``re`` has no ``\\p{L}``, so the
letter and number classes are the explicit ranges the JavaScript build uses (its
own tables, "same as objective c's \\p{L}\\p{M}"), kept here as compact hex
ranges "first-last" and looked up by bisection (``CodePointSet``).

Every pattern here is matched against text whose ASCII letters have been
lower-cased (``ASCII_LOWER``): JavaScript's ``i`` flag folds only ASCII for
these classes, and lowering ASCII keeps offsets intact. Every pattern is also
linear-time: no quantifier nests over characters another quantifier next to it
could take, except where the match can never be forced to backtrack (noted).
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Hashtag letters and marks: twitter-text's bmpLetterAndMarks + astralLetterAndMarks.
LETTERS_AND_MARKS = (
    "41-5a 61-7a aa b5 ba c0-d6 d8-f6 f8-2c1 2c6-2d1 2e0-2e4 2ec 2ee 300-374 376-377 37a-37d "
    "37f 386 388-38a 38c 38e-3a1 3a3-3f5 3f7-481 483-52f 531-556 559 561-587 591-5bd 5bf "
    "5c1-5c2 5c4-5c5 5c7 5d0-5ea 5f0-5f2 610-61a 620-65f 66e-6d3 6d5-6dc 6df-6e8 6ea-6ef "
    "6fa-6fc 6ff 710-74a 74d-7b1 7ca-7f5 7fa 800-82d 840-85b 8a0-8b2 8e4-963 971-983 985-98c "
    "98f-990 993-9a8 9aa-9b0 9b2 9b6-9b9 9bc-9c4 9c7-9c8 9cb-9ce 9d7 9dc-9dd 9df-9e3 9f0-9f1 "
    "a01-a03 a05-a0a a0f-a10 a13-a28 a2a-a30 a32-a33 a35-a36 a38-a39 a3c a3e-a42 a47-a48 "
    "a4b-a4d a51 a59-a5c a5e a70-a75 a81-a83 a85-a8d a8f-a91 a93-aa8 aaa-ab0 ab2-ab3 ab5-ab9 "
    "abc-ac5 ac7-ac9 acb-acd ad0 ae0-ae3 b01-b03 b05-b0c b0f-b10 b13-b28 b2a-b30 b32-b33 "
    "b35-b39 b3c-b44 b47-b48 b4b-b4d b56-b57 b5c-b5d b5f-b63 b71 b82-b83 b85-b8a b8e-b90 "
    "b92-b95 b99-b9a b9c b9e-b9f ba3-ba4 ba8-baa bae-bb9 bbe-bc2 bc6-bc8 bca-bcd bd0 bd7 "
    "c00-c03 c05-c0c c0e-c10 c12-c28 c2a-c39 c3d-c44 c46-c48 c4a-c4d c55-c56 c58-c59 c60-c63 "
    "c81-c83 c85-c8c c8e-c90 c92-ca8 caa-cb3 cb5-cb9 cbc-cc4 cc6-cc8 cca-ccd cd5-cd6 cde "
    "ce0-ce3 cf1-cf2 d01-d03 d05-d0c d0e-d10 d12-d3a d3d-d44 d46-d48 d4a-d4e d57 d60-d63 "
    "d7a-d7f d82-d83 d85-d96 d9a-db1 db3-dbb dbd dc0-dc6 dca dcf-dd4 dd6 dd8-ddf df2-df3 "
    "e01-e3a e40-e4e e81-e82 e84 e87-e88 e8a e8d e94-e97 e99-e9f ea1-ea3 ea5 ea7 eaa-eab "
    "ead-eb9 ebb-ebd ec0-ec4 ec6 ec8-ecd edc-edf f00 f18-f19 f35 f37 f39 f3e-f47 f49-f6c "
    "f71-f84 f86-f97 f99-fbc fc6 1000-103f 1050-108f 109a-109d 10a0-10c5 10c7 10cd 10d0-10fa "
    "10fc-1248 124a-124d 1250-1256 1258 125a-125d 1260-1288 128a-128d 1290-12b0 12b2-12b5 "
    "12b8-12be 12c0 12c2-12c5 12c8-12d6 12d8-1310 1312-1315 1318-135a 135d-135f 1380-138f "
    "13a0-13f4 1401-166c 166f-167f 1681-169a 16a0-16ea 16f1-16f8 1700-170c 170e-1714 "
    "1720-1734 1740-1753 1760-176c 176e-1770 1772-1773 1780-17d3 17d7 17dc-17dd 180b-180d "
    "1820-1877 1880-18aa 18b0-18f5 1900-191e 1920-192b 1930-193b 1950-196d 1970-1974 "
    "1980-19ab 19b0-19c9 1a00-1a1b 1a20-1a5e 1a60-1a7c 1a7f 1aa7 1ab0-1abe 1b00-1b4b "
    "1b6b-1b73 1b80-1baf 1bba-1bf3 1c00-1c37 1c4d-1c4f 1c5a-1c7d 1cd0-1cd2 1cd4-1cf6 "
    "1cf8-1cf9 1d00-1df5 1dfc-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d "
    "1f5f-1f7d 1f80-1fb4 1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb 1fe0-1fec "
    "1ff2-1ff4 1ff6-1ffc 2071 207f 2090-209c 20d0-20f0 2102 2107 210a-2113 2115 2119-211d "
    "2124 2126 2128 212a-212d 212f-2139 213c-213f 2145-2149 214e 2183-2184 2c00-2c2e "
    "2c30-2c5e 2c60-2ce4 2ceb-2cf3 2d00-2d25 2d27 2d2d 2d30-2d67 2d6f 2d7f-2d96 2da0-2da6 "
    "2da8-2dae 2db0-2db6 2db8-2dbe 2dc0-2dc6 2dc8-2dce 2dd0-2dd6 2dd8-2dde 2de0-2dff 2e2f "
    "3005-3006 302a-302f 3031-3035 303b-303c 3041-3096 3099-309a 309d-309f 30a1-30fa "
    "30fc-30ff 3105-312d 3131-318e 31a0-31ba 31f0-31ff 3400-4db5 4e00-9fcc a000-a48c "
    "a4d0-a4fd a500-a60c a610-a61f a62a-a62b a640-a672 a674-a67d a67f-a69d a69f-a6e5 "
    "a6f0-a6f1 a717-a71f a722-a788 a78b-a78e a790-a7ad a7b0-a7b1 a7f7-a827 a840-a873 "
    "a880-a8c4 a8e0-a8f7 a8fb a90a-a92d a930-a953 a960-a97c a980-a9c0 a9cf a9e0-a9ef "
    "a9fa-a9fe aa00-aa36 aa40-aa4d aa60-aa76 aa7a-aac2 aadb-aadd aae0-aaef aaf2-aaf6 "
    "ab01-ab06 ab09-ab0e ab11-ab16 ab20-ab26 ab28-ab2e ab30-ab5a ab5c-ab5f ab64-ab65 "
    "abc0-abea abec-abed ac00-d7a3 d7b0-d7c6 d7cb-d7fb f870-f87f f882 f884-f89f f8b8 "
    "f8c1-f8d6 f900-fa6d fa70-fad9 fb00-fb06 fb13-fb17 fb1d-fb28 fb2a-fb36 fb38-fb3c fb3e "
    "fb40-fb41 fb43-fb44 fb46-fbb1 fbd3-fd3d fd50-fd8f fd92-fdc7 fdf0-fdfb fe00-fe0f "
    "fe20-fe2d fe70-fe74 fe76-fefc ff21-ff3a ff41-ff5a ff66-ffbe ffc2-ffc7 ffca-ffcf "
    "ffd2-ffd7 ffda-ffdc 10000-1000b 1000d-10026 10028-1003a 1003c-1003d 1003f-1004d "
    "10050-1005d 10080-100fa 101fd 10280-1029c 102a0-102d0 102e0 10300-1031f 10330-10340 "
    "10342-10349 10350-1037a 10380-1039d 103a0-103c3 103c8-103cf 10400-1049d 10500-10527 "
    "10530-10563 10600-10736 10740-10755 10760-10767 10800-10805 10808 1080a-10835 "
    "10837-10838 1083c 1083f-10855 10860-10876 10880-1089e 10900-10915 10920-10939 "
    "10980-109b7 109be-109bf 10a00-10a03 10a05-10a06 10a0c-10a13 10a15-10a17 10a19-10a33 "
    "10a38-10a3a 10a3f 10a60-10a7c 10a80-10a9c 10ac0-10ac7 10ac9-10ae6 10b00-10b35 "
    "10b40-10b55 10b60-10b72 10b80-10b91 10c00-10c48 11000-11046 1107f-110ba 110d0-110e8 "
    "11100-11134 11150-11173 11176 11180-111c4 111da 11200-11211 11213-11237 112b0-112ea "
    "11301-11303 11305-1130c 1130f-11310 11313-11328 1132a-11330 11332-11333 11335-11339 "
    "1133c-11344 11347-11348 1134b-1134d 11357 1135d-11363 11366-1136c 11370-11374 "
    "11480-114c5 114c7 11580-115b5 115b8-115c0 11600-11640 11644 11680-116b7 118a0-118df "
    "118ff 11ac0-11af8 12000-12398 13000-1342e 16800-16a38 16a40-16a5e 16ad0-16aed "
    "16af0-16af4 16b00-16b36 16b40-16b43 16b63-16b77 16b7d-16b8f 16f00-16f44 16f50-16f7e "
    "16f8f-16f9f 1b000-1b001 1bc00-1bc6a 1bc70-1bc7c 1bc80-1bc88 1bc90-1bc99 1bc9d-1bc9e "
    "1d165-1d169 1d16d-1d172 1d17b-1d182 1d185-1d18b 1d1aa-1d1ad 1d242-1d244 1d400-1d454 "
    "1d456-1d49c 1d49e-1d49f 1d4a2 1d4a5-1d4a6 1d4a9-1d4ac 1d4ae-1d4b9 1d4bb 1d4bd-1d4c3 "
    "1d4c5-1d505 1d507-1d50a 1d50d-1d514 1d516-1d51c 1d51e-1d539 1d53b-1d53e 1d540-1d544 "
    "1d546 1d54a-1d550 1d552-1d6a5 1d6a8-1d6c0 1d6c2-1d6da 1d6dc-1d6fa 1d6fc-1d714 "
    "1d716-1d734 1d736-1d74e 1d750-1d76e 1d770-1d788 1d78a-1d7a8 1d7aa-1d7c2 1d7c4-1d7cb "
    "1e800-1e8c4 1e8d0-1e8d6 1ee00-1ee03 1ee05-1ee1f 1ee21-1ee22 1ee24 1ee27 1ee29-1ee32 "
    "1ee34-1ee37 1ee39 1ee3b 1ee42 1ee47 1ee49 1ee4b 1ee4d-1ee4f 1ee51-1ee52 1ee54 1ee57 "
    "1ee59 1ee5b 1ee5d 1ee5f 1ee61-1ee62 1ee64 1ee67-1ee6a 1ee6c-1ee72 1ee74-1ee77 "
    "1ee79-1ee7c 1ee7e 1ee80-1ee89 1ee8b-1ee9b 1eea1-1eea3 1eea5-1eea9 1eeab-1eebb "
    "20000-2a6d6 2a700-2b734 2b740-2b81d 2f800-2fa1d e0100-e01ef "
)

# Hashtag numerals: twitter-text's bmpNumerals + astralNumerals.
NUMERALS = (
    "30-39 660-669 6f0-6f9 7c0-7c9 966-96f 9e6-9ef a66-a6f ae6-aef b66-b6f be6-bef c66-c6f "
    "ce6-cef d66-d6f de6-def e50-e59 ed0-ed9 f20-f29 1040-1049 1090-1099 17e0-17e9 1810-1819 "
    "1946-194f 19d0-19d9 1a80-1a89 1a90-1a99 1b50-1b59 1bb0-1bb9 1c40-1c49 1c50-1c59 "
    "a620-a629 a8d0-a8d9 a900-a909 a9d0-a9d9 a9f0-a9f9 aa50-aa59 abf0-abf9 ff10-ff19 "
    "104a0-104a9 11066-1106f 110f0-110f9 11136-1113f 111d0-111d9 112f0-112f9 114d0-114d9 "
    "11650-11659 116c0-116c9 118e0-118e9 16a60-16a69 16b50-16b59 1d7ce-1d7ff "
)


def ranges_class(packed: str) -> str:
    """The body of a regex character class for hex ranges like ``"41-5a 61 ..."``."""
    parts: list[str] = []
    for word in packed.split():
        first, _, last = word.partition("-")
        parts.append(f"\\U{int(first, 16):08x}")
        if last:
            parts.append(f"-\\U{int(last, 16):08x}")
    return "".join(parts)


class CodePointSet:
    """Membership of single characters in hex ranges like ``"41-5a 61 ..."``, plus ``extra``.

    A sorted list of merged ranges searched by bisection: cheap to build at import,
    unlike a ``re`` class over the same ranges.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, packed: str, extra: str = "") -> None:
        spans: list[tuple[int, int]] = [(ord(char), ord(char)) for char in extra]
        for word in packed.split():
            first, _, last = word.partition("-")
            spans.append((int(first, 16), int(last or first, 16)))
        spans.sort()
        self._starts: list[int] = []
        self._ends: list[int] = []
        for low, high in spans:
            if self._ends and low <= self._ends[-1] + 1:
                self._ends[-1] = max(self._ends[-1], high)
            else:
                self._starts.append(low)
                self._ends.append(high)

    def __contains__(self, char: str) -> bool:
        code = ord(char)
        index = bisect_right(self._starts, code) - 1
        return index >= 0 and code <= self._ends[index]


ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def char_class(chars: str) -> str:
    """The body of a regex character class matching exactly ``chars``."""
    return "".join(re.escape(char) for char in chars)


# --- Shared groups (js/src/regexp/spacesGroup.js, invalidCharsGroup.js, ...) ---
SPACES = r"\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
INVALID_CHARS = "\ufffe\ufeff\uffff"
DIRECTIONAL = r"\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
# punct.js. It has neither '"' nor '`': JavaScript lets both into domain names.
PUNCT = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
LATIN_ACCENTS = (
    r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259"
    r"\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
CYRILLIC = r"\u0400-\u04ff"
AT_SIGNS = "@\uff20"
HASH_SIGNS = "#\uff03"

# --- URLs (extractUrl.js and its parts) ---
# What may not be part of a domain label (invalidDomainChars.js).
NOT_DOMAIN = char_class(PUNCT) + SPACES + INVALID_CHARS + DIRECTIONAL
DOMAIN_CHAR = re.compile("[^" + NOT_DOMAIN + "]")
# A run that may form a label: domain characters, plus "-" and "_" inside labels.
LABEL_RUN = re.compile(
    "[^"
    + char_class(PUNCT.replace("-", "").replace("_", ""))
    + SPACES
    + INVALID_CHARS
    + DIRECTIONAL
    + "]*"
)
# A place where a URL may start: after a character of validUrlPrecedingChars
# (directional marks are in it too), in front of a domain character.
URL_START = re.compile(
    "[^a-z0-9" + AT_SIGNS + r"$" + HASH_SIGNS + INVALID_CHARS + "](?=[^" + NOT_DOMAIN + "])"
)
PROTOCOL = re.compile("https?://")
# A "." and the run after it that a TLD must fill (``TLD_RUN``): where a TLD may be.
TLD_CANDIDATE = re.compile(r"\.([0-9a-z@+\-]*)")
# A character that can be neither in a domain label nor a "." between labels.
URL_BREAKER = re.compile(
    "["
    + char_class(PUNCT.replace("-", "").replace("_", "").replace(".", ""))
    + SPACES
    + INVALID_CHARS
    + DIRECTIONAL
    + "]"
)
# The run a ccTLD or gTLD must fill: the lookahead (?=[^0-9a-z@+-]|$) ends it.
TLD_RUN = re.compile("[0-9a-z@+-]*")
PUNYCODE_TAIL = re.compile("xn--[-0-9a-z]+")

_PATH_CHAR = "[a-z" + CYRILLIC + r"0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&" + LATIN_ACCENTS + "]"
_PATH_END_CHAR = r"[+\-a-z" + CYRILLIC + "0-9=_#/" + LATIN_ACCENTS + "]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH = (
    rf"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*"
    rf"(?:{_PATH_END_CHAR}|{_BALANCED_PARENS}))|(?:@{_PATH_CHAR}+/))"
)
_QUERY_CHAR = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END_CHAR = r"[a-z0-9\-_&=#/]"
# What follows the domain: port, path, query. All optional, so once the domain
# is found the match cannot fail and never backtracks into these stars.
URL_TAIL = re.compile(rf"(?::([0-9]+))?(/{_PATH}*)?(\?{_QUERY_CHAR}*{_QUERY_END_CHAR})?")
TCO_URL = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHAR}*{_QUERY_END_CHAR})?")
# Characters of a label in validAsciiDomain.js.
ASCII_LABEL = re.compile(r"[\-a-z0-9" + LATIN_ACCENTS + "]*")
INVALID_WITHOUT_PROTOCOL_BEFORE = frozenset("-_./")

# --- Mentions and replies (validMentionOrList.js, validReply.js, endMentionMatch.js) ---
MENTION_OR_LIST = re.compile(
    r"(?:^|[^a-zA-Z0-9_!#$%&*@\uff20]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)"
    r"([@\uff20])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_-]{0,24})?"
)
REPLY = re.compile(rf"(?:[{SPACES}])*[@\uff20]([a-zA-Z0-9_]{{1,20}})")
END_MENTION = re.compile(rf"[@\uff20{LATIN_ACCENTS}]|://")

# --- Hashtags (validHashtag.js, hashtagBoundary.js, endHashtagMatch.js) ---
_SPECIAL = (
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003"
    "\u0f0b\u0f0c\xb7"
)
# Hashtags are scanned in Python (``twitter_text._hashtag_spans``) with these sets
# rather than by one regex: ``re`` needs ~35 ms (far more in Pyodide) to compile
# these big classes, four times over in validHashtag.js's pattern, at import;
# bisecting ~700 ranges costs nothing up front and the scan stays linear.
HASHTAG_ALPHA = CodePointSet(LETTERS_AND_MARKS)
HASHTAG_ALNUM = CodePointSet(LETTERS_AND_MARKS + NUMERALS, _SPECIAL)
# validHashtag.js: a hashtag may follow these although they are hashtag characters.
# The ASCII members of those sets, for runs the scan can skip at C speed.
HASHTAG_ASCII_RUN = re.compile("[0-9A-Za-z_]+")
HASHTAG_ASCII_LETTER = re.compile("[A-Za-z]")
HASHTAG_VARIATION_SELECTORS = "\ufe0e\ufe0f"
# ... and must not be followed by these (an emoji keycap or emoji presentation).
HASHTAG_NOT_AFTER_SIGN = "\ufe0f\u20e3"
HASH_SIGN = re.compile("[" + HASH_SIGNS + "]")
END_HASHTAG = re.compile(r"[#\uff03]|://")

# --- URL validation (isValidUrl.js, validateUrl*.js: RFC 3986 pieces) ---
# Possessive stars: when the parts cannot be split at the first '?' and '#',
# no other split can succeed either, so giving back characters is pointless.
VALIDATE_URL_UNENCODED = re.compile(
    r"(?:([^:/?#]++)://)?([^/?#]*+)([^?#]*+)(?:\?([^#]*+))?(?:#([^\n\r\u2028\u2029]*+))?\Z"
)
_UNRESERVED = r"[a-z\u0400-\u04ff0-9\-._~]"
_PCT = r"(?:%[0-9a-f]{2})"
_SUB_DELIMS = r"[!$&'()*+,;=]"
_PCHAR = rf"(?:{_UNRESERVED}|{_PCT}|{_SUB_DELIMS}|[:|@])"
VALIDATE_SCHEME = re.compile(r"[a-z][a-z0-9+\-.]*")
VALIDATE_PATH = re.compile(rf"(?:/{_PCHAR}*)*")
VALIDATE_QUERY = re.compile(rf"(?:{_PCHAR}|/|\?)*")  # also the fragment
_USERINFO = rf"(?:{_UNRESERVED}|{_PCT}|{_SUB_DELIMS}|:)*"
_DEC_OCTET = r"(?:[0-9]|(?:[1-9][0-9])|(?:1[0-9]{2})|(?:2[0-4][0-9])|(?:25[0-5]))"
_IP = rf"(?:(?:{_DEC_OCTET}(?:\.{_DEC_OCTET}){{3}})|(?:\[[a-f0-9:.]+\]))"
_U = r"[^\x00-\x7f]"
_UNICODE_DOMAIN = (
    rf"(?:(?:(?:[a-z0-9]|{_U})(?:(?:[a-z0-9_\-]|{_U})*(?:[a-z0-9]|{_U}))?\.)*"
    rf"(?:(?:[a-z0-9]|{_U})(?:(?:[a-z0-9\-]|{_U})*(?:[a-z0-9]|{_U}))?\.)"
    rf"(?:(?:[a-z]|{_U})(?:(?:[a-z0-9\-]|{_U})*(?:[a-z0-9]|{_U}))?))"
)
_ASCII_DOMAIN = (
    r"(?:(?:[a-z0-9](?:[a-z0-9_\-]*[a-z0-9])?\.)*"
    r"(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)"
    r"(?:[a-z](?:[a-z0-9\-]*[a-z0-9])?))"
)
_PORT = r"[0-9]{1,5}"
VALIDATE_UNICODE_AUTHORITY = re.compile(
    rf"(?:({_USERINFO})@)?((?:{_IP}|{_UNICODE_DOMAIN}))(?::({_PORT}))?"
)
VALIDATE_AUTHORITY = re.compile(rf"(?:({_USERINFO})@)?((?:{_IP}|{_ASCII_DOMAIN}))(?::({_PORT}))?")
