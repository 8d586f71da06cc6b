/**
 * Drivers that ship with Windows itself ("inbox"): a crash in one of them is reported to Microsoft
 * and fixed by Windows Update, while a third-party driver is fixed by its vendor's update. The list
 * covers the drivers of a current Windows 10/11 install that appear in crash dumps; it is maintained
 * by hand — add names as dumps show them. Lower-case file names.
 */
const INBOX_DRIVERS = new Set(
  `
acpi.sys acpiex.sys afd.sys afunix.sys ahcache.sys amdppm.sys amdsata.sys amdsbs.sys amdxata.sys
applockerfltr.sys asyncmac.sys atapi.sys bam.sys basicdisplay.sys basicrender.sys beep.sys bindflt.sys
bowser.sys bthenum.sys bthmini.sys bthport.sys bthusb.sys bttflt.sys cdd.dll cdfs.sys cdrom.sys
cea.sys cimfs.sys cldflt.sys clipsp.sys cmbatt.sys cmimcext.sys cng.sys compositebus.sys condrv.sys
crashdmp.sys dam.sys disk.sys dmvsc.sys drmk.sys dump_diskdump.sys dump_dumpfve.sys dump_stornvme.sys
dump_storahci.sys dump_storport.sys dxgkrnl.sys dxgmms1.sys dxgmms2.sys e1i63x64.sys ehstorclass.sys
errdev.sys exfat.sys fastfat.sys fileinfo.sys filecrypt.sys filetrace.sys fltmgr.sys fvevol.sys
gpuenergydrv.sys hdaudbus.sys hdaudio.sys hidclass.sys hidparse.sys hidusb.sys http.sys hvservice.sys
hvsocket.sys hwpolicy.sys i8042prt.sys iastorav.sys iastorv.sys intelide.sys intelpep.sys intelppm.sys
iorate.sys kbdclass.sys kbdhid.sys ks.sys ksecdd.sys ksecpkg.sys ksthunk.sys lltdio.sys luafv.sys
mausbhost.sys mbbcx.sys mcupdate_authenticamd.dll mcupdate_genuineintel.dll mcupdate.dll mmcss.sys
monitor.sys mouclass.sys mouhid.sys mountmgr.sys mpsdrv.sys mrxdav.sys mrxsmb.sys mrxsmb20.sys
msdmfilt.sys msfs.sys mshidkmdf.sys msisadrv.sys mslldp.sys msquic.sys msrpc.sys mssecflt.sys
mup.sys ndis.sys ndistapi.sys ndisuio.sys ndiswan.sys ndproxy.sys netadaptercx.sys netbios.sys
netbt.sys netio.sys netvsc.sys npfs.sys npsvctrig.sys nsiproxy.sys ntfs.sys null.sys nvme.sys
nwifi.sys pacer.sys partmgr.sys pci.sys pciidex.sys pcw.sys pdc.sys peauth.sys percsas2i.sys
percsas3i.sys portcls.sys processr.sys qwavedrv.sys ramdisk.sys rasacd.sys rasagilevpn.sys rasl2tp.sys
raspppoe.sys raspptp.sys rassstp.sys rdbss.sys rdpbus.sys rdpdr.sys rdyboost.sys refs.sys refsv1.sys
rfcomm.sys rspndr.sys sdbus.sys sdstor.sys secureboot.sys serenum.sys serial.sys sgrmagent.sys
spaceport.sys spb.sys srv2.sys srvnet.sys storahci.sys stornvme.sys storport.sys storqosflt.sys
storufs.sys storvsc.sys swenum.sys tbs.sys tcpip.sys tcpipreg.sys tdi.sys tdx.sys terminpt.sys
tm.sys tpm.sys ucx01000.sys udecx.sys udfs.sys uefi.sys ufx01000.sys umbus.sys umpass.sys usbaudio.sys
usbccgp.sys usbehci.sys usbhub.sys usbhub3.sys usbport.sys usbprint.sys usbstor.sys usbuhci.sys
usbxhci.sys vdrvroot.sys verifier.sys vhdmp.sys vid.sys vmbus.sys vmbkmcl.sys vmgid.sys vmswitch.sys
volmgr.sys volmgrx.sys volsnap.sys volume.sys vpcivsp.sys vsmraid.sys vwifibus.sys vwififlt.sys
wcifs.sys wcnfs.sys wdboot.sys wdf01000.sys wdfilter.sys wdfldr.sys wdiwifi.sys wdmaud.sys
wdnisdrv.sys werkernel.sys wfplwfs.sys wimmount.sys win32k.sys win32kbase.sys win32kfull.sys
winhv.sys winhvr.sys winnat.sys winquic.sys wmiacpi.sys wmilib.sys wof.sys wpdupfltr.sys ws2ifsl.sys
wtd.sys wudfpf.sys wudfrd.sys xboxgip.sys xinputhid.sys
`
    .split(/\s+/)
    .filter(Boolean),
);

export function isInboxDriver(name: string): boolean {
  return INBOX_DRIVERS.has(name.toLowerCase());
}
