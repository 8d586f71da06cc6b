/**
 * The header gives the build number (MinorVersion) and whether the kernel is a free (0xF) or checked
 * (0xC) build, but not the NT version. Windows releases map builds to versions one to one, so the
 * version follows from the build.
 */
const NT_VERSIONS: [minBuild: number, version: string][] = [
  [10240, '10.0'],
  [9600, '6.3'],
  [9200, '6.2'],
  [7600, '6.1'],
  [6000, '6.0'],
  [3790, '5.2'],
  [2600, '5.1'],
  [2195, '5.0'],
];

export function ntVersionOfBuild(build: number): string | undefined {
  return NT_VERSIONS.find(([min]) => build >= min)?.[1];
}

/** Marketing name, for the human report only. */
export function windowsReleaseName(build: number, productType?: number): string | undefined {
  const server = productType !== undefined && productType !== 1;
  if (build >= 22000) return server ? 'Windows Server 2022 or later' : 'Windows 11';
  if (build >= 10240) return server ? 'Windows Server 2016/2019' : 'Windows 10';
  if (build >= 9600) return server ? 'Windows Server 2012 R2' : 'Windows 8.1';
  if (build >= 9200) return server ? 'Windows Server 2012' : 'Windows 8';
  if (build >= 7600) return server ? 'Windows Server 2008 R2' : 'Windows 7';
  if (build >= 6000) return server ? 'Windows Server 2008' : 'Windows Vista';
  if (build >= 3790) return 'Windows Server 2003 / XP x64';
  if (build >= 2600) return 'Windows XP';
  return undefined;
}
