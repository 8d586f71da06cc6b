/**
 * The kernel and HAL images. Almost every crash passes through them (KeBugCheckEx, the page fault
 * handler, the I/O manager), so like `!analyze` attribution looks past them to the driver that
 * called in or was called back, and blames them only when nothing else is on the scene.
 */
const CORE_IMAGES = new Set([
  'ntoskrnl.exe',
  'ntkrnlmp.exe',
  'ntkrnlpa.exe',
  'ntkrpamp.exe',
  'ntkrla57.exe',
  'hal.dll',
  'halmacpi.dll',
  'halacpi.dll',
  'halaacpi.dll',
  'halx86.dll',
  'kd.dll',
  'kdcom.dll',
  'kdnet.dll',
  'pshed.dll',
  'clfs.sys',
  'ci.dll',
  'werkernel.sys',
  'ntosext.sys',
  'securekernel.exe',
  'skci.dll',
]);

export function isCoreImage(name: string): boolean {
  return CORE_IMAGES.has(name.toLowerCase());
}
