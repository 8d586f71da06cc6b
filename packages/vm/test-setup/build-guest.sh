#!/usr/bin/env bash
# Builds the test guest from Debian packages and caches it: a Debian cloud kernel (apt-get download
# + dpkg -x, no install), and a busybox-static initramfs holding the pvpanic modules and a test module
# that oopses. Prints the cache folder. A rerun with the artifacts in place does nothing.
# Needs: apt-get (package lists present), busybox-static, cpio, gzip, and for the test module gcc,
# make and linux-headers-<kernel version> (.ci/run installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache_root="${CULPRIT_GUEST_CACHE:-$here/../.guest-cache}"
flavour="${CULPRIT_GUEST_FLAVOUR:-cloud-amd64}"

# The versioned image package the flavour's meta-package points at, e.g. linux-image-6.1.0-50-cloud-amd64.
image_pkg="$(apt-cache depends "linux-image-$flavour" | sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n1)"
[ -n "$image_pkg" ] || { echo "build-guest: cannot resolve linux-image-$flavour (run apt-get update)" >&2; exit 1; }
kver="${image_pkg#linux-image-}"
out="$cache_root/$kver"
if [ -s "$out/vmlinuz" ] && [ -s "$out/initramfs.cpio.gz" ] && [ -s "$out/.complete" ]; then
  echo "$out"; exit 0
fi
mkdir -p "$out"
work="$(mktemp -d "$cache_root/.build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

( cd "$work" && apt-get download -q "$image_pkg" >/dev/null 2>&1 ) || { echo "build-guest: apt-get download $image_pkg failed" >&2; exit 1; }
dpkg -x "$work"/linux-image-*.deb "$work/kernel"
cp "$work/kernel/boot/vmlinuz-$kver" "$out/vmlinuz"

root="$work/initramfs"
mkdir -p "$root"/{bin,proc,sys,dev,lib/culprit}
cp /bin/busybox "$root/bin/busybox"
file "$root/bin/busybox" 2>/dev/null | grep -q 'statically linked' || ldd /bin/busybox 2>&1 | grep -q 'not a dynamic' \
  || { echo "build-guest: /bin/busybox is not static (apt-get install busybox-static)" >&2; exit 1; }
cp "$here/guest/init" "$root/init"
chmod 755 "$root/init" "$root/bin/busybox"
moddir="$work/kernel/lib/modules/$kver/kernel/drivers/misc/pvpanic"
for m in pvpanic pvpanic-mmio pvpanic-pci; do
  src="$moddir/$m.ko"
  # Debian may ship modules compressed (.ko.xz); busybox insmod wants them plain.
  if [ -f "$src" ]; then cp "$src" "$root/lib/culprit/"; elif [ -f "$src.xz" ]; then xz -dc "$src.xz" > "$root/lib/culprit/$m.ko"; fi
done

headers="/usr/src/linux-headers-$kver"
if [ -d "$headers" ]; then
  cp "$here/guest/culprit_oops.c" "$here/guest/Kbuild" "$work/"
  make -s -C "$headers" M="$work" modules >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  cp "$work/culprit_oops.ko" "$root/lib/culprit/"
  echo yes > "$out/has-oops-module"
else
  echo "build-guest: $headers missing, the oops guest is not available (apt-get install linux-headers-$kver)" >&2
  rm -f "$out/has-oops-module"
fi

( cd "$root" && find . | cpio -o -H newc --quiet | gzip -1 ) > "$out/initramfs.cpio.gz"
echo "$kver" > "$out/.complete"
echo "$out"
