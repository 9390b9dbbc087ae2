// The "Your feed" page's pure logic: what to refuse before reading, what progress says, how a
// saved report is named. No DOM, no worker; tested under Node (tests/js/auditflow.test.mjs).

// The most the audit reads of a file that is not an archive: checker.audit.model.MAX_BYTES
// (tests/test_audit_web.py holds the two equal). A .zip or .tar.gz may be bigger: only the
// posts inside are read (X archives are mostly photos and videos).
export const MAX_BYTES = 150_000_000;
const CONTAINER = /\.(zip|tar\.gz|tgz|gz)$/i;

export const STATES = ["idle", "loading", "reading", "auditing", "done", "error", "cancelled"];

function mb(bytes) {
  return (bytes / 1e6).toLocaleString("en", { maximumFractionDigits: 0 });
}

export function plural(count, word) {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

// Why a file is not even read (the core's own words), or null.
export function refusal(file) {
  if (!file) return "No file was chosen.";
  if (file.size > MAX_BYTES && !CONTAINER.test(file.name || "")) {
    return (
      `${file.name}: ${mb(file.size)} MB is more than the audit reads (${mb(MAX_BYTES)} MB); ` +
      "export a shorter period, or split the file"
    );
  }
  return null;
}

// {percent, text} for the progress bar from the worker's audit-progress message.
export function progressOf(message, name) {
  const { phase, done, total } = message;
  const percent = total > 0 ? Math.max(0, Math.min(100, Math.round((100 * done) / total))) : 0;
  if (phase === "reading") {
    const size = total >= 1e6 ? `${mb(done)} of ${mb(total)} MB` : `${percent}%`;
    return { percent, text: `Reading ${name}: ${size}…` };
  }
  return {
    percent,
    text: `Auditing: ${done.toLocaleString("en")} of ${plural(total, "post")}…`,
  };
}

export function cancelledText(message) {
  return message.total
    ? `Cancelled after ${message.done.toLocaleString("en")} of ${plural(message.total, "post")}. ` +
        "Choose the file again to start over."
    : "Cancelled before the file was read. Choose it again to start over.";
}

// The saved report's file name: feed-audit-<handle or file>.html, safe on every system.
export function reportName(audit, fileName) {
  const base = (audit && audit.handle) || (fileName || "feed").replace(/\.[^.]*$/, "");
  const safe = base.replace(/^@/, "").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return `feed-audit-${safe || "feed"}.html`;
}

// "@me @you, them" -> ["@me", "@you", "them"]
export function parseHandles(text) {
  return String(text || "")
    .split(/[\s,;]+/)
    .filter(Boolean);
}
