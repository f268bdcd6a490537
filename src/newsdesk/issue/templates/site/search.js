/* Search over the archive's items, in the browser, with no server and no build step.
 *
 * Chinese has no spaces between words, so a word is found as a substring: 京东, 直播, 跨境
 * match wherever the two characters stand together. Text and query are compared after NFKC
 * (full-width Ｅ-commerce and ６１８ match their ASCII forms) and lower-casing; several
 * space-separated terms must all occur, in the title or the body.
 *
 * The matching functions are pure and exported for Node (module.exports), so they can be
 * tested on a generated search-index.json. Everything put in the page goes through
 * textContent: titles and bodies are collected text and may hold markup.
 */
(function () {
  "use strict";

  var SNIPPET_BEFORE = 30; // characters of context before the first hit
  var SNIPPET_LENGTH = 110;

  /* Normalised text, and for each of its UTF-16 units the offset in the original, so hits
   * found in the normalised text are highlighted in the text as printed. */
  function normalise(text) {
    text = String(text == null ? "" : text);
    var out = "";
    var map = [];
    var offset = 0;
    for (var ch of text) {
      var folded = ch.normalize("NFKC").toLowerCase();
      out += folded;
      for (var i = 0; i < folded.length; i++) map.push(offset);
      offset += ch.length;
    }
    map.push(offset);
    return { text: out, map: map };
  }

  function parseQuery(query) {
    var folded = normalise(query).text;
    var terms = [];
    folded.split(/\s+/).forEach(function (term) {
      if (term && terms.indexOf(term) < 0) terms.push(term);
    });
    // A term inside another one adds nothing to an AND and would highlight twice.
    return terms.filter(function (term) {
      return !terms.some(function (other) {
        return other !== term && other.indexOf(term) >= 0;
      });
    });
  }

  function prepare(records) {
    return records.map(function (record) {
      return {
        record: record,
        title: normalise(record.title),
        body: normalise(record.body),
      };
    });
  }

  function countOf(haystack, needle) {
    var n = 0;
    var at = haystack.indexOf(needle);
    while (at >= 0) {
      n++;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return n;
  }

  /* [start, end) ranges of every term in the normalised text, merged, as original offsets. */
  function hitRanges(norm, terms) {
    var ranges = [];
    terms.forEach(function (term) {
      var at = norm.text.indexOf(term);
      while (at >= 0) {
        ranges.push([norm.map[at], norm.map[at + term.length]]);
        at = norm.text.indexOf(term, at + term.length);
      }
    });
    ranges.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1];
    });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* The text from start to end as parts {text, hit} for highlighting. */
  function parts(text, ranges, start, end) {
    var out = [];
    var at = start;
    ranges.forEach(function (r) {
      var s = Math.max(r[0], start);
      var e = Math.min(r[1], end);
      if (e <= s) return;
      if (s > at) out.push({ text: text.slice(at, s), hit: false });
      out.push({ text: text.slice(s, e), hit: true });
      at = e;
    });
    if (at < end) out.push({ text: text.slice(at, end), hit: false });
    return out;
  }

  function isLowSurrogate(text, i) {
    var code = text.charCodeAt(i);
    return code >= 0xdc00 && code <= 0xdfff;
  }

  function snippet(text, ranges) {
    var first = ranges.length ? ranges[0][0] : 0;
    var start = Math.max(0, first - SNIPPET_BEFORE);
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (start > 0 && isLowSurrogate(text, start)) start--;
    if (end < text.length && isLowSurrogate(text, end)) end++;
    var out = parts(text, ranges, start, end);
    out.forEach(function (p) {
      p.text = p.text.replace(/\s+/g, " ");
    });
    if (start > 0) out.unshift({ text: "…", hit: false });
    if (end < text.length) out.push({ text: "…", hit: false });
    return out;
  }

  /* Items holding every term of the query, best first: title hits weigh most, then how
   * often the terms occur; ties keep the index's order (newest issue first). */
  function search(prepared, query, limit) {
    var terms = parseQuery(query);
    if (!terms.length) return [];
    var results = [];
    prepared.forEach(function (entry, index) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = countOf(entry.title.text, terms[i]);
        var inBody = countOf(entry.body.text, terms[i]);
        if (!inTitle && !inBody) return;
        score += 10 * inTitle + Math.min(inBody, 5);
      }
      results.push({ entry: entry, score: score, index: index });
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.index - b.index;
    });
    if (limit) results = results.slice(0, limit);
    return results.map(function (r) {
      var record = r.entry.record;
      var titleRanges = hitRanges(r.entry.title, terms);
      return {
        record: record,
        score: r.score,
        title: parts(String(record.title), titleRanges, 0, String(record.title).length),
        snippet: snippet(String(record.body), hitRanges(r.entry.body, terms)),
      };
    });
  }

  var api = {
    normalise: normalise,
    parseQuery: parseQuery,
    prepare: prepare,
    search: search,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  // -- the page ------------------------------------------------------------------------------

  var MAX_RESULTS = 200;

  function appendParts(element, list) {
    list.forEach(function (p) {
      var node = document.createElement(p.hit ? "mark" : "span");
      node.textContent = p.text;
      element.appendChild(node);
    });
  }

  function show(results, query, status, list, total) {
    list.replaceChildren();
    if (!parseQuery(query).length) {
      status.textContent = "共收录 " + total + " 条。输入字词检索，空格分隔的词须全部出现。";
      return;
    }
    status.textContent = results.length
      ? "找到 " + results.length + (results.length >= MAX_RESULTS ? "+" : "") + " 条。"
      : "没有找到包含全部检索词的条目。";
    results.forEach(function (result) {
      var record = result.record;
      var li = document.createElement("li");
      li.className = "result";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = String(record.url);
      appendParts(link, result.title);
      heading.appendChild(link);
      li.appendChild(heading);
      var meta = document.createElement("p");
      meta.className = "result-meta";
      meta.textContent = [record.publication, record.issue, record.column ? "【" + record.column + "】" : ""]
        .filter(Boolean)
        .join(" · ");
      li.appendChild(meta);
      var body = document.createElement("p");
      body.className = "snippet";
      appendParts(body, result.snippet);
      li.appendChild(body);
      list.appendChild(li);
    });
  }

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var records = window.NEWSDESK_SEARCH_INDEX;
    if (!form || !input || !status || !list) return;
    if (!Array.isArray(records)) {
      status.textContent = "检索索引未能载入（search-index.js）。";
      return;
    }
    var prepared = prepare(records);
    var timer = null;

    function run() {
      var query = input.value;
      show(search(prepared, query, MAX_RESULTS), query, status, list, records.length);
      try {
        var url = new URL(window.location.href);
        if (query.trim()) url.searchParams.set("q", query.trim());
        else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.toString());
      } catch (e) {
        // file:// pages may not rewrite their address; the search still works.
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) input.value = initial;
    run();
    input.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
