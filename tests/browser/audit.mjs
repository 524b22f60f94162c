// Lighthouse on the site's main pages in both languages, phone preset (Lighthouse's default mobile
// emulation and throttling), with Debian's Chromium.
//
//   SITE_URL=http://127.0.0.1:8000 node tests/browser/audit.mjs
//   make audit        (serves a fresh site itself: tests/browser/live_site.py)
//
//   AUDIT_PAGES=launch-article SITE_URL=… node tests/browser/audit.mjs   (only the pages named, comma-separated)
//
// Prints Performance, Accessibility, Best Practices and SEO for every page (and, where Performance is measured, the
// bytes transferred, the Largest Contentful Paint's element and the layout shift) and exits 1 when
// Accessibility, Best Practices or SEO is below 100 anywhere. Performance is printed, never gated:
// this machine is shared. Reports (JSON and HTML) go to AUDIT_DIR (test-artifacts/lighthouse).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { generateReport, navigation, snapshot } from "lighthouse";
import puppeteer from "puppeteer-core";

const SITE_URL = (process.env.SITE_URL || "").replace(/\/$/, "");
const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
const AUDIT_DIR = process.env.AUDIT_DIR || path.join("test-artifacts", "lighthouse");
const GATED = ["accessibility", "best-practices", "seo"];
const CATEGORIES = ["performance", ...GATED];
const LABELS = { performance: "Perf", accessibility: "A11y", "best-practices": "BP", seo: "SEO" };

// Search results and the 404 page are kept out of search engines on purpose (noindex): the
// crawlability audit would only restate that decision.
const NOINDEX = ["is-crawlable"];
const PAGES = [
  { name: "home", fr: "/fr/", en: "/en/" },
  { name: "article-index", fr: "/fr/actualites/", en: "/en/news/" },
  {
    name: "launch-article",
    fr: "/fr/actualites/oswego-simplante-au-maghreb/",
    en: "/en/news/oswego-opens-in-the-maghreb/",
  },
  { name: "person", fr: "/fr/equipe-dirigeante/jamal-mossaddeq/", en: "/en/leadership/jamal-mossaddeq/" },
  { name: "office", fr: "/fr/implantations/casablanca/", en: "/en/offices/casablanca/" },
  { name: "contact", fr: "/fr/contact/", en: "/en/contact/" },
  { name: "analyses", fr: "/fr/analyses/", en: "/en/analyses/" },
  {
    name: "analysis-with-report",
    fr: "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
    en: "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
  },
  // A page a visitor reaches after sending the form empty: audited as it stands (snapshot).
  { name: "contact-with-errors", fr: "/fr/contact/", en: "/en/contact/", submit: ".contact-form [type=submit]" },
  { name: "search-results", fr: "/fr/recherche/?q=maghreb", en: "/en/search/?q=maghreb", skip: NOINDEX },
  // Lighthouse refuses to load a 404 as a navigation: the page is audited as it stands (snapshot).
  {
    name: "not-found",
    fr: "/fr/cette-page-n-existe-pas/",
    en: "/en/this-page-does-not-exist/",
    snapshot: true,
    skip: NOINDEX,
  },
];
// Lighthouse's phone: a Moto G Power-sized screen.
const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const ONLY = (process.env.AUDIT_PAGES || "").split(",").filter(Boolean);
if (!SITE_URL) {
  console.error("Set SITE_URL (or run `make audit`, which serves a site itself).");
  process.exit(2);
}

function flagsFor(page) {
  return {
    logLevel: "error",
    // A snapshot has no page load to time: no Performance score.
    onlyCategories: page.snapshot || page.submit ? GATED : CATEGORIES,
    skipAudits: page.skip || [],
  };
}

async function audit(browser, page, language) {
  const url = `${SITE_URL}${page[language]}`;
  const tab = await browser.newPage();
  try {
    if (!page.snapshot && !page.submit) {
      return await navigation(tab, url, { flags: flagsFor(page) });
    }
    await tab.emulate({ viewport: PHONE, userAgent: await browser.userAgent() });
    await tab.goto(url, { waitUntil: "networkidle0" });
    if (page.submit) {
      await Promise.all([tab.waitForNavigation({ waitUntil: "networkidle0" }), tab.click(page.submit)]);
    }
    return await snapshot(tab, { flags: { ...flagsFor(page), screenEmulation: { mobile: true, ...PHONE } } });
  } finally {
    await tab.close();
  }
}

function score(category) {
  return category && category.score !== null ? Math.round(category.score * 100) : null;
}

// What a phone loaded and saw first: bytes over the wire, the LCP element, the layout shift.
function loadFacts(lhr) {
  const weight = lhr.audits["total-byte-weight"]?.numericValue;
  if (weight === undefined) return "";
  const lcp = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
  const cls = lhr.audits["cumulative-layout-shift"]?.numericValue;
  const lcpTime = lhr.audits["largest-contentful-paint"]?.numericValue;
  // Some Chromium builds break Lighthouse's LCP-element gatherer: the element is then left out.
  const element = lcp ? ` <${lcp.nodeLabel?.slice(0, 40)}> (${lcp.selector})` : "";
  return `  ${(weight / 1024).toFixed(1)} KB  LCP ${Math.round(lcpTime)} ms${element}  CLS ${cls?.toFixed(3)}`;
}

function failingAudits(lhr) {
  const lines = [];
  for (const id of GATED) {
    const category = lhr.categories[id];
    if (!category) continue;
    for (const ref of category.auditRefs) {
      const result = lhr.audits[ref.id];
      if (ref.weight > 0 && result && result.score !== null && result.score < 1) {
        lines.push(`      ${id}: ${ref.id} — ${result.title}`);
        for (const item of (result.details?.items || []).slice(0, 3)) {
          const node = item.node?.snippet || item.source?.url || item.url || JSON.stringify(item).slice(0, 160);
          lines.push(`        · ${node}`);
        }
      }
    }
  }
  return lines;
}

const userDataDir = mkdtempSync(path.join(tmpdir(), "oswego-lighthouse-"));
const browser = await puppeteer.launch({
  executablePath: CHROME_PATH,
  headless: true,
  userDataDir,
  defaultViewport: null,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

mkdirSync(AUDIT_DIR, { recursive: true });
const rows = [];
let failed = false;
try {
  for (const page of PAGES.filter((candidate) => !ONLY.length || ONLY.includes(candidate.name))) {
    for (const language of ["fr", "en"]) {
      const label = `${page.name} (${language})`;
      let result = await audit(browser, page, language);
      if (!result?.lhr || result.lhr.runtimeError) {
        // A trace now and then comes back unusable on a busy machine (NO_NAVSTART): once more.
        result = await audit(browser, page, language);
      }
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) {
        rows.push({ label, scores: {}, problems: [`      ${lhr?.runtimeError?.message || "no report"}`] });
        failed = true;
        continue;
      }
      const base = path.join(AUDIT_DIR, `${page.name}-${language}`);
      writeFileSync(`${base}.json`, JSON.stringify(lhr));
      writeFileSync(`${base}.html`, generateReport(lhr, "html"));
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, score(lhr.categories[id])]));
      const missing = GATED.filter((id) => scores[id] === null);
      if (missing.length) {
        rows.push({ label, scores, problems: [`      no score for ${missing.join(", ")}`] });
        failed = true;
        continue;
      }
      const below = GATED.filter((id) => scores[id] !== null && scores[id] < 100);
      if (below.length) failed = true;
      rows.push({ label, scores, problems: below.length ? failingAudits(lhr) : [] });
      const shown = CATEGORIES.map((id) => `${LABELS[id]} ${scores[id] ?? "–"}`).join("  ");
      console.log(`${below.length ? "✗" : "✓"} ${label.padEnd(34)} ${shown}${loadFacts(lhr)}`);
    }
  }
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log("");
console.log(`${"page".padEnd(36)}${CATEGORIES.map((id) => LABELS[id].padStart(6)).join("")}`);
for (const row of rows) {
  const cells = CATEGORIES.map((id) => String(row.scores[id] ?? "–").padStart(6)).join("");
  console.log(`${row.label.padEnd(36)}${cells}`);
  for (const line of row.problems) console.log(line);
}
console.log("");
console.log(
  failed
    ? "Lighthouse gate FAILED: Accessibility, Best Practices and SEO must be 100 on every page."
    : "Lighthouse gate passed: Accessibility, Best Practices and SEO are 100 on every page.",
);
console.log(`Reports: ${AUDIT_DIR}/`);
process.exit(failed ? 1 : 0);
