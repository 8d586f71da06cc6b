import { VM_GUEST_KIND, vmGuestKey } from '../vm-guests/vm-facts.js';

/**
 * What the service reads out of a client's annotations. Electron sends `_productName`,
 * `_version`, `prod`, `ver`, `platform`, `process_type`, `guid`; Breakpad's senders `prod`,
 * `ver`, `guid`, `ptime`, `email`, `comments`; Crashpad forwards whatever the app set (usually
 * `prod`, `ver`, `plat`). Every annotation is kept as sent; these are the indexed ones.
 */
export interface ReportIdentity {
  product: string | null;
  version: string | null;
  platform: string | null;
  processType: string | null;
  /** Install id: counts distinct installs per bucket. */
  guid: string | null;
  /** What the sender says it is (`kind=vm-guest` from `culprit vm watch`); not the dump's format. */
  clientKind: string | null;
  /** The VM guest a `vm-guest` report is about (vm-guests/vm-facts.ts): its crashes are grouped by it. */
  vmGuest: string | null;
}

/** Longest `kind` annotation indexed; a longer one is kept with the annotations only. */
const MAX_CLIENT_KIND = 64;

export function identityFrom(fields: Readonly<Record<string, string>>): ReportIdentity {
  const first = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = fields[k];
      if (v !== undefined && v.trim() !== '') return v.trim();
    }
    return null;
  };
  const kind = clientKind(first('kind'));
  return {
    // Electron sends prod='Electron' and ver=<Electron's version>; the app is _productName/_version.
    product: first('_productName', 'prod', 'product', 'ProductName'),
    version: first('_version', 'ver', 'version', 'Version'),
    platform: first('platform', 'plat', 'os'),
    processType: first('process_type', 'ptype'),
    guid: first('guid', 'InstallID', 'install_id'),
    clientKind: kind,
    vmGuest: kind === VM_GUEST_KIND ? vmGuestKey(fields) : null,
  };
}

function clientKind(v: string | null): string | null {
  return v !== null && v.length <= MAX_CLIENT_KIND ? v.toLowerCase() : null;
}
