/**
 * What the answer says, in English and Japanese. One function per verdict; the facts come in,
 * both languages come out, so the two never drift apart in what they claim.
 */
export interface Localized {
  en: string;
  ja: string;
}

export interface MessageFacts {
  signature: string;
  module: string;
  installed: string | null;
  fixedIn: string | null;
  /** The vendor's name, when the culprit module belongs to one. */
  vendor: string | null;
  bucketCount: number;
  repeatCount: number;
  title: Localized | null;
  error: string | null;
}

type Message = (f: MessageFacts) => { headline: Localized; text: Localized };

const vendorEn = (f: MessageFacts) => f.vendor ?? 'the vendor';
const vendorJa = (f: MessageFacts) => f.vendor ?? 'ベンダー';
const repeatEn = (f: MessageFacts) => (f.repeatCount >= 3 ? ` This computer has now hit this crash ${f.repeatCount} times.` : '');
const repeatJa = (f: MessageFacts) => (f.repeatCount >= 3 ? `このコンピューターでのこのクラッシュは ${f.repeatCount} 回目です。` : '');

export const MESSAGES: Record<string, Message> = {
  received: () => ({
    headline: { en: 'Report received', ja: 'レポートを受け付けました' },
    text: {
      en: 'Your report is stored and waiting to be analysed; the answer appears here when the analysis is done.',
      ja: 'レポートは保存され、解析を待っています。解析が終わると、ここに結果が表示されます。',
    },
  }),
  failed: (f) => ({
    headline: { en: 'The report could not be analysed', ja: 'レポートを解析できませんでした' },
    text: {
      en: `The report was received, but it could not be analysed: ${f.error ?? 'unknown error'}`,
      ja: `レポートは受け取りましたが、解析できませんでした: ${f.error ?? '不明なエラー'}`,
    },
  }),
  new: (f) => ({
    headline: { en: 'A new problem, now tracked', ja: '新しい問題として記録しました' },
    text: {
      en: `This crash (${f.signature}) has not been reported before. It is now tracked for ${vendorEn(f)}; a solution will appear here when one is published.${repeatEn(f)}`,
      ja: `このクラッシュ（${f.signature}）はこれまで報告されていません。${vendorJa(f)}向けに記録し、追跡を始めました。解決策が公開されると、ここに表示されます。${repeatJa(f)}`,
    },
  }),
  known: (f) => ({
    headline: { en: 'A known problem', ja: '既知の問題です' },
    text: {
      en: `This crash (${f.signature}) has been reported ${f.bucketCount} times. No solution is published yet; it is tracked for ${vendorEn(f)} and a solution will appear here.${repeatEn(f)}`,
      ja: `このクラッシュ（${f.signature}）はこれまでに ${f.bucketCount} 件報告されています。まだ解決策は公開されていませんが、${vendorJa(f)}向けに追跡中です。解決策が公開されると、ここに表示されます。${repeatJa(f)}`,
    },
  }),
  'update-available': (f) => ({
    headline: { en: `Updating ${f.module} to ${f.fixedIn} fixes this`, ja: `${f.module} を ${f.fixedIn} に更新すると解決します` },
    text: {
      en: `This computer has ${f.module} ${f.installed}; version ${f.fixedIn} fixes this crash. Update to ${f.fixedIn} or later.${repeatEn(f)}`,
      ja: `このコンピューターの ${f.module} は ${f.installed} です。このクラッシュはバージョン ${f.fixedIn} で修正されています。${f.fixedIn} 以降に更新してください。${repeatJa(f)}`,
    },
  }),
  'already-at-fixed-version': (f) => ({
    headline: { en: 'A different or new problem', ja: '別の、または新しい問題です' },
    text: {
      en: `This computer already has ${f.module} ${f.installed}, which includes the fix (${f.fixedIn}) for the known crash in this place, so updating will not help. This is a different or new problem; it is now tracked for ${vendorEn(f)}.${repeatEn(f)}`,
      ja: `このコンピューターの ${f.module} は ${f.installed} で、この箇所の既知のクラッシュの修正（${f.fixedIn}）をすでに含んでいます。更新しても解決しません。別の、または新しい問題として、${vendorJa(f)}向けに記録しました。${repeatJa(f)}`,
    },
  }),
  'version-unknown': (f) => ({
    headline: { en: `${f.module} ${f.fixedIn} fixes a crash like this`, ja: `${f.module} ${f.fixedIn} で同様のクラッシュが修正されています` },
    text: {
      en: `Version ${f.fixedIn} of ${f.module} fixes this crash, but the report does not say which version this computer has. If yours is older than ${f.fixedIn}, update it; if it is not, this is a different problem.${repeatEn(f)}`,
      ja: `${f.module} のバージョン ${f.fixedIn} でこのクラッシュは修正されていますが、このレポートからはお使いのバージョンがわかりません。${f.fixedIn} より古い場合は更新してください。そうでなければ、別の問題です。${repeatJa(f)}`,
    },
  }),
  workaround: (f) => ({
    headline: { en: 'A workaround avoids this crash', ja: 'このクラッシュには回避策があります' },
    text: {
      en: `${f.repeatCount >= 3 ? `This computer has hit this crash ${f.repeatCount} times. ` : ''}Until it is fixed, this avoids it: ${f.title?.en ?? ''}.`,
      ja: `${f.repeatCount >= 3 ? `このコンピューターでこのクラッシュは ${f.repeatCount} 回発生しています。` : ''}修正されるまでは、次の方法で回避できます: ${f.title?.ja ?? ''}`,
    },
  }),
  information: (f) => ({
    headline: { en: 'About this crash', ja: 'このクラッシュについて' },
    text: { en: `${f.title?.en ?? ''}.${repeatEn(f)}`, ja: `${f.title?.ja ?? ''}。${repeatJa(f)}` },
  }),
  investigating: (f) => ({
    headline: { en: `${f.vendor ?? 'The vendor'} is investigating this crash`, ja: `${vendorJa(f)}がこのクラッシュを調査中です` },
    text: {
      en: `${f.vendor ?? 'The vendor'} knows about this crash (${f.signature}) and is investigating it: ${f.title?.en ?? ''}.${repeatEn(f)}`,
      ja: `${vendorJa(f)}はこのクラッシュ（${f.signature}）を把握しており、調査中です: ${f.title?.ja ?? ''}${repeatJa(f)}`,
    },
  }),
};
