import { useI18n } from '../i18n/i18n.js';
import { frameLabel, type ViewModule, type ViewThread } from './view-model.js';

/** Frames shown per thread: a runaway recursion would otherwise render thousands of rows. */
const MAX_FRAMES_SHOWN = 200;

export function StackTable({ thread, modules }: { thread: ViewThread; modules: ViewModule[] }) {
  const { t } = useI18n();
  if (thread.frames.length === 0) return <p>{t('noFrames')}</p>;
  const frames = thread.frames.slice(0, MAX_FRAMES_SHOWN);
  return (
    <div class="scroll">
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{t('frameIndex')}</th>
            <th scope="col">{t('frameFunction')}</th>
            <th scope="col">{t('frameModule')}</th>
            <th scope="col">{t('frameSource')}</th>
            <th scope="col">{t('frameTrust')}</th>
          </tr>
        </thead>
        <tbody>
          {frames.map((f, i) => {
            const { func, module } = frameLabel(f, modules);
            return (
              <tr key={i}>
                <td>{i}</td>
                <td class="fn">
                  <code>{func}</code>
                  {f.inlines?.map((inl, j) => (
                    <div key={j} class="inline">
                      <code>{inl.function}</code>
                    </div>
                  ))}
                </td>
                <td>{module}</td>
                <td>{f.file ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}` : ''}</td>
                <td>{f.trust}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {thread.frames.length > frames.length && <p>… {thread.frames.length - frames.length}</p>}
    </div>
  );
}
