import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';

/** A file input (keyboard and screen-reader friendly) that is also a drop target. */
export function DropZone({ onFile, accept, multiple, label }: { onFile(files: File[]): void; accept?: string; multiple?: boolean; label?: string }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  return (
    <div
      class={`drop ${over ? 'over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length) onFile(multiple ? files : files.slice(0, 1));
      }}
    >
      <label>
        <span>{label ?? t('dropHere')} </span>
        <span class="button-like">{t('chooseFile')}</span>
        <input
          type="file"
          class="visually-hidden-file"
          accept={accept}
          multiple={multiple}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            if (files.length) onFile(files);
          }}
        />
      </label>
    </div>
  );
}
