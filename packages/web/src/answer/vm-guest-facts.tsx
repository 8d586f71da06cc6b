import type { VmFacts } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * A VM guest's crash (sent by `culprit vm watch`): which VM, on which host, how the crash was
 * caught, and that the host and the other guests kept running. From the service's `vm` facts.
 */
export function VmGuestFacts({ vm }: { vm: VmFacts }) {
  const { t, tk, date } = useI18n();
  const row = (label: string, value: string | null | undefined, code = false) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{code ? <code>{value}</code> : value}</dd>
      </>
    ) : null;
  return (
    <section aria-labelledby="vm-h" data-testid="vm-guest">
      <h2 id="vm-h">{t('vmTitle')}</h2>
      <dl class="facts">
        {row(t('vmName'), vm.name)}
        {row(t('vmUuid'), vm.uuid, true)}
        {row(t('vmQmp'), vm.qmp, true)}
        {row(t('vmHost'), vm.host)}
        {row(t('vmGuestOs'), vm.guestOs)}
        {vm.channel && (
          <>
            <dt>{t('vmChannel')}</dt>
            <dd data-testid="vm-channel">{tk(`vmChannel_${vm.channel}`, vm.channel)}</dd>
          </>
        )}
        {vm.detectedAt && row(t('vmDetectedAt'), date(vm.detectedAt))}
        {vm.bugCheck && row(t('vmBugCheck'), [vm.bugCheck.code, ...vm.bugCheck.parameters].join(' '), true)}
        {row(t('vmDumpPath'), vm.dumpPath, true)}
      </dl>
      <p data-testid="vm-kept-running">
        {vm.hostKeptRunning ? t('vmHostKeptRunning') : t('vmHostUnknown')}{' '}
        {vm.otherGuests.length === 0
          ? t('vmNoOtherGuests')
          : t('vmOtherGuests', { list: vm.otherGuests.map((g) => `${g.name} (${tk(`vmStatus_${g.status}`, g.status)})`).join(', ') })}
      </p>
    </section>
  );
}
