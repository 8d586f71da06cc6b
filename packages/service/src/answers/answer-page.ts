import type { Answer } from './compose.js';

export type Lang = 'en' | 'ja';

/** English or Japanese from `Accept-Language` (RFC 9110 §12.5.4: highest q wins; English when neither is asked for). */
export function pickLanguage(header: string | undefined): Lang {
  let best: { lang: Lang; q: number } = { lang: 'en', q: -1 };
  for (const item of (header ?? '').split(',').slice(0, 50)) {
    const [tag, ...params] = item.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag?.split('-')[0];
    const lang = primary === 'ja' ? 'ja' : primary === 'en' ? 'en' : null;
    if (lang && q > best.q) best = { lang, q };
  }
  return best.lang;
}

const LABELS = {
  en: { title: 'Your crash report', report: 'Report', solutions: 'What is known', fixedIn: 'Fixed in', more: 'More information', reproducible: 'This crash keeps happening on this computer', applies: { yes: 'applies to your version', 'unknown-version': 'your version is unknown', no: 'does not apply to your version' }, module: 'Module', pending: 'This page updates itself until the analysis is done.' },
  ja: { title: 'クラッシュレポート', report: 'レポート', solutions: 'わかっていること', fixedIn: '修正バージョン', more: '詳しい情報', reproducible: 'このコンピューターでこのクラッシュが繰り返し発生しています', applies: { yes: 'お使いのバージョンに該当します', 'unknown-version': 'お使いのバージョンは不明です', no: 'お使いのバージョンには該当しません' }, module: 'モジュール', pending: '解析が終わるまで、このページは自動的に更新されます。' },
} as const;

/** The answer as a small self-contained HTML page (no scripts; a refresh header while pending). */
/** The answer as an HTML fragment: headline, text, culprit, solutions (no page around it). */
export function renderAnswerBody(a: Answer, lang: Lang): string {
  const L = LABELS[lang];
  const solutions = a.solutions
    .map((s) => {
      const link = s.link ? `<p><a href="${esc(s.link)}" rel="noopener noreferrer">${esc(L.more)}</a></p>` : '';
      const fixed = s.fixedIn ? `<p>${esc(L.fixedIn)}: ${esc(s.fixedIn)}</p>` : '';
      return `<li class="${esc(s.kind)}"><h3>${esc(s.title[lang])}</h3><p class="applies">${esc(L.applies[s.applies])}</p><p>${esc(s.text[lang])}</p>${fixed}${link}</li>`;
    })
    .join('');
  const culprit = a.culprit ? `<p>${esc(L.module)}: ${esc(a.culprit.name)}${a.culprit.version ? ` ${esc(a.culprit.version)}` : ''}${a.culprit.vendor ? ` (${esc(a.culprit.vendor)})` : ''}</p>` : '';
  const pending = a.status === 'queued' || a.status === 'processing';
  return `<p class="verdict">${esc(L.report)} ${esc(a.reportId)}</p>
<h1>${esc(a.headline[lang])}</h1>
<p>${esc(a.text[lang])}</p>
${a.reproducible ? `<p><strong>${esc(L.reproducible)}</strong></p>` : ''}${culprit}
${solutions ? `<h2>${esc(L.solutions)}</h2><ul>${solutions}</ul>` : ''}${pending ? `<p>${esc(L.pending)}</p>` : ''}`;
}

/** A standalone page: works without JavaScript and without the web UI being built. */
export function renderAnswerPage(a: Answer, lang: Lang): string {
  const L = LABELS[lang];
  const pending = a.status === 'queued' || a.status === 'processing';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(L.title)}: ${esc(a.headline[lang])}</title>${pending ? '<meta http-equiv="refresh" content="5">' : ''}
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}ul{padding:0;list-style:none}li{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}.applies{color:#555}.verdict{font-size:.9rem;color:#555}</style>
</head><body>
${renderAnswerBody(a, lang)}
</body></html>
`;
}

/**
 * The web UI's page with the answer already in it, in the reader's language: readable before
 * (or without) JavaScript; the app replaces it with its live answer page when it starts.
 */
export function renderAnswerInApp(index: string, a: Answer, lang: Lang): string {
  const block = `<div id="server-answer" style="max-width:42rem;margin:2rem auto;padding:0 1rem;font-family:system-ui,sans-serif">${renderAnswerBody(a, lang)}</div>`;
  return index.replace(/<html lang="[^"]*"/, `<html lang="${lang}"`).replace('<div id="app">', `${block}<div id="app">`);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
