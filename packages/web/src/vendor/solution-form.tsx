import { useState } from 'preact/hooks';
import { SOLUTION_KINDS, type Solution, type SolutionKind } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** The fields of `POST /api/solutions` and `PATCH /api/solutions/:id` that a vendor writes. */
export interface SolutionInput {
  kind: SolutionKind;
  title: { en: string; ja?: string };
  text: { en: string; ja?: string };
  link?: string;
  fixedIn?: string;
  status: 'published' | 'draft';
}

export function SolutionForm({ initial, idPrefix, onSave, onCancel }: { initial?: Solution; idPrefix: string; onSave(input: SolutionInput): Promise<void>; onCancel(): void }) {
  const { t, tk } = useI18n();
  const [kind, setKind] = useState<SolutionKind>(initial?.kind ?? 'update');
  const [titleEn, setTitleEn] = useState(initial?.title.en ?? '');
  const [titleJa, setTitleJa] = useState(initial?.title.ja ?? '');
  const [textEn, setTextEn] = useState(initial?.text.en ?? '');
  const [textJa, setTextJa] = useState(initial?.text.ja ?? '');
  const [link, setLink] = useState(initial?.link ?? '');
  const [fixedIn, setFixedIn] = useState(initial?.fixedIn ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (status: 'published' | 'draft') => {
    setBusy(true);
    setError(null);
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    try {
      await onSave({
        kind,
        title: { en: titleEn.trim(), ja: opt(titleJa) },
        text: { en: textEn.trim(), ja: opt(textJa) },
        link: opt(link),
        fixedIn: opt(fixedIn),
        status,
      });
    } catch (err) {
      setError(t('error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const f = (name: string) => `${idPrefix}-${name}`;
  return (
    <form
      class="solution-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save('published');
      }}
    >
      <label for={f('kind')}>{t('solutionKind')}</label>
      <select id={f('kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as SolutionKind)}>
        {SOLUTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {tk(`solutionKind_${k}`, k)}
          </option>
        ))}
      </select>
      <label for={f('title-en')}>{t('titleEn')}</label>
      <input id={f('title-en')} required value={titleEn} onInput={(e) => setTitleEn(e.currentTarget.value)} />
      <label for={f('title-ja')}>{t('titleJa')}</label>
      <input id={f('title-ja')} lang="ja" value={titleJa} onInput={(e) => setTitleJa(e.currentTarget.value)} />
      <label for={f('text-en')}>{t('textEn')}</label>
      <textarea id={f('text-en')} required rows={3} value={textEn} onInput={(e) => setTextEn(e.currentTarget.value)} />
      <label for={f('text-ja')}>{t('textJa')}</label>
      <textarea id={f('text-ja')} lang="ja" rows={3} value={textJa} onInput={(e) => setTextJa(e.currentTarget.value)} />
      <label for={f('fixed')}>{t('fixedInLabel')}</label>
      <div>
        {/* The service refuses an update without the version that fixes it. */}
        <input id={f('fixed')} required={kind === 'update'} aria-describedby={f('fixed-help')} value={fixedIn} onInput={(e) => setFixedIn(e.currentTarget.value)} />
        <p id={f('fixed-help')} class="hint">
          {t('fixedInHelp')}
        </p>
      </div>
      <label for={f('link')}>{t('link')}</label>
      <input id={f('link')} type="url" value={link} onInput={(e) => setLink(e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('publish')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save('draft')}>
          {t('saveDraft')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
