/**
 * Frames that are never where a bug is: sanitizers, reporting machinery, locking, string and
 * list helpers. A frame is skipped when its name *contains* one of these (`^`/`$` anchor).
 * The list follows syzkaller's `linuxStackParams.skipPatterns` (pkg/report/linux.go), which
 * syzbot's titles are made with.
 */
const SKIP = [
  '__sanitizer', '__asan', 'kasan', '__msan', 'kmsan', 'kcsan', 'check_memory_region', 'read_word_at_a_time',
  'print_address_description', 'panic', 'invalid_op', 'report_bug', 'fixup_bug', 'do_error', '_trap', 'dump_stack',
  'warn_slowpath', 'warn_alloc', '__warn', 'debug_object', 'timer_is_static_object', 'work_is_static_object',
  'lockdep', 'perf_trace', 'lock_acquire', 'lock_release', 'lock_class', 'reacquire_held_locks', 'spin_lock',
  'spin_trylock', 'spin_unlock', 'raw_read_lock', 'raw_read_trylock', 'raw_write_lock', 'raw_write_trylock',
  'down', 'up_read', 'up_write', 'mutex_lock', 'mutex_trylock', 'mutex_unlock', 'mutex_remove_waiter',
  'osq_lock', 'osq_unlock', '__wake_up', 'refcount_add', 'refcount_sub', 'refcount_inc', 'refcount_dec',
  'refcount_set', 'refcount_read', 'memcpy', 'memcmp', 'memset', 'memchr', 'memmove', 'strcmp', 'strncmp',
  'strcpy', 'strlcpy', 'strncpy', 'strscpy', 'strlen', 'strnstr', 'strnlen', 'strchr', 'copy_to_user',
  'copy_from_user', 'put_user', 'get_user', 'might_fault', 'might_sleep', 'list_add', 'list_del',
  'list_replace', 'list_move', 'list_splice', '_indirect_thunk_', 'string', 'pointer', 'snprintf',
  'scnprintf', 'kasprintf', 'kvasprintf', 'printk', 'va_format', 'dev_info', 'dev_notice', 'dev_warn',
  'dev_err', 'dev_alert', 'dev_crit', 'dev_emerg', 'program_check_exception', 'program_check_common',
  'del_timer', 'flush_work', '__cancel_work_timer', 'cancel_work_sync', 'try_to_grab_pending',
  'flush_workqueue', 'drain_workqueue', 'destroy_workqueue', 'finish_wait', 'kthread_stop', 'kobject_del',
  'kobject_put', 'kobject_uevent_env', 'add_uevent_var', 'get_device_parent', 'device_add', 'device_del',
  'device_unregister', 'device_destroy', 'device_release', 'devres_release_all', 'hwrng_unregister',
  'i2c_del_adapter', '__unregister_client', 'device_for_each_child', 'rollback_registered',
  'unregister_netdev', 'sysfs_remove', 'device_remove_file', 'tty_unregister_device', 'dummy_urb_enqueue',
  'usb_kill_urb', 'usb_kill_anchored_urbs', 'usb_control_msg', 'usb_hcd_submit_urb', 'usb_submit_urb',
  '^complete$', 'wait_for_completion', '^kfree$', 'kfree_skb',
  // Architecture exception entry that sits above the faulting frame on arm64 and arm.
  'el1_sync', 'el1_irq', 'el1h_64_sync', 'do_debug_exception', 'brk_handler', 'bug_handler', 'show_stack', 'dump_backtrace',
];

export function makeSkipper(extra: readonly string[] = []): (name: string) => boolean {
  const patterns = [...SKIP, ...extra];
  const plain = patterns.filter((p) => !p.startsWith('^') && !p.endsWith('$'));
  const anchored = patterns.filter((p) => p.startsWith('^') || p.endsWith('$')).map((p) => new RegExp(p));
  return (name) => plain.some((p) => name.includes(p)) || anchored.some((re) => re.test(name));
}
