// Progressive enhancement only: every page works without this file.

// A second click on a slow form would send it twice (two sign-in emails, two posts).
// Disabled only after this task: the browser builds the form data after the submit event and leaves
// disabled buttons out, so disabling at once would drop the clicked button's value (Helpful / Not helpful).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
  setTimeout(() => {
    for (const button of form.querySelectorAll('button[type="submit"]')) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    }
  }, 0);
});

// Back/forward cache restores a page with its buttons still disabled.
window.addEventListener('pageshow', () => {
  for (const button of document.querySelectorAll('button[aria-busy="true"]')) {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
});

// Lets the stylesheet offer what only works with this script (clickable paragraphs).
document.documentElement.classList.add('js');

/** Words as the server counts them (src/lib/text.ts countWords): runs of letters or digits. */
function countWords(text) {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
}

/**
 * The reviewer's own words, as the server counts them (src/reviews/own-words.ts ownWords; change both
 * together): a run of `run` or more words that also appears in the draft, in order, does not count.
 */
function ownWordCount(texts, draftText, run) {
  const wordsOf = (text) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).map((w) => w.toLocaleLowerCase());
  const draftWords = wordsOf(draftText);
  const runs = new Set();
  for (let i = 0; i + run <= draftWords.length; i++) runs.add(draftWords.slice(i, i + run).join(' '));
  let count = 0;
  for (const text of texts) {
    const words = wordsOf(text);
    const copied = new Array(words.length).fill(false);
    for (let i = 0; i + run <= words.length; i++) if (runs.has(words.slice(i, i + run).join(' '))) copied.fill(true, i, i + run);
    count += copied.filter((c) => !c).length;
  }
  return count;
}

const plural = (count, one, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

// New draft: "412 words · costs 2 credits", as the author types. The server prices it again on submit.
for (const form of document.querySelectorAll('form[data-draft-form]')) {
  const body = form.querySelector('#draft-body');
  const wanted = form.querySelector('#draft-reviews');
  const output = form.querySelector('#draft-cost');
  let bands = [];
  try {
    bands = JSON.parse(form.dataset.priceBands || '[]');
  } catch {
    bands = [];
  }
  if (!body || !wanted || !output || !bands.length) continue;
  const update = () => {
    const words = countWords(body.value);
    if (!words) {
      output.textContent = 'Paste your draft to see what it costs';
      return;
    }
    const band = bands.find((b) => words <= b.maxWords) || bands[bands.length - 1];
    const reviews = Number(wanted.value) || 1;
    output.textContent = `${plural(words, 'word')} · costs ${plural(band.price * reviews, 'credit')}`;
  };
  body.addEventListener('input', update);
  wanted.addEventListener('change', update);
  update();
}

// Review: a running count against the minimum, and a click on a paragraph opens its comment box.
for (const form of document.querySelectorAll('form[data-review-form]')) {
  const min = Number(form.dataset.minWords) || 0;
  const run = Number(form.dataset.copiedRun) || Infinity;
  const counter = form.querySelector('#review-words');
  const overall = form.querySelector('#review-body');
  const draftText = [...form.querySelectorAll('.para-text')].map((p) => p.textContent).join('\n\n');
  const update = () => {
    if (!counter || !overall) return;
    const boxes = [...form.querySelectorAll('textarea[data-inline-comment], textarea[data-answer]')].map((box) => box.value);
    const words = ownWordCount([overall.value, ...boxes], draftText, run);
    const enough = words >= min;
    counter.textContent = enough
      ? `${plural(words, 'word')} of your own: enough to send.`
      : `${plural(words, 'word')} of your own so far, overall, inline and answers together: ${min - words} more to reach ${min}.`;
    counter.classList.toggle('enough', enough);
  };
  form.addEventListener('input', update);
  update();

  form.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const text = target.closest('.para-text');
    // Links in the draft still work, and selecting text to copy it does not open a box.
    if (!text || target.closest('a') || String(window.getSelection() || '').trim()) return;
    const box = text.closest('.para-row')?.querySelector('details.comment-box');
    if (!box) return;
    box.open = true;
    box.querySelector('textarea')?.focus();
  });
}

// The reader's time zone (DESIGN.md "Look and feel"): the server shows dates in UTC, marked data-when,
// until this cookie names the browser's zone; this first page is re-rendered here with the same formats
// as formatWhen in src/pages/format.ts.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (zone && !document.cookie.split('; ').includes(`tz=${encodeURIComponent(zone)}`)) {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `tz=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
const localDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const localTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
for (const time of document.querySelectorAll('time[data-when]')) {
  const at = new Date(time.dateTime);
  if (Number.isNaN(at.getTime())) continue;
  time.textContent = time.dataset.when === 'datetime' ? `${localDate.format(at)}, ${localTime.format(at)}` : localDate.format(at);
  time.removeAttribute('data-when');
}
