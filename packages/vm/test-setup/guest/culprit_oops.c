// SPDX-License-Identifier: GPL-2.0
/*
 * A test module that oopses on purpose: it writes through a NULL pointer when loaded, so the
 * guest prints a real "BUG: kernel NULL pointer dereference" / "Oops:" with a Call Trace that
 * names this module. With /proc/sys/kernel/panic_on_oops set the oops becomes a panic, which
 * pvpanic reports to the host as GUEST_PANICKED.
 */
#include <linux/module.h>
#include <linux/init.h>

struct culprit_target {
	int pad;
	int value;
};

/* A global the compiler cannot see through, so the store below is not optimised away. */
struct culprit_target *culprit_oops_target;
EXPORT_SYMBOL_GPL(culprit_oops_target);

static noinline void culprit_oops_write_null(int value)
{
	culprit_oops_target->value = value;
}

static int __init culprit_oops_init(void)
{
	pr_info("culprit_oops: writing through a NULL pointer\n");
	culprit_oops_write_null(42);
	return 0;
}

static void __exit culprit_oops_exit(void)
{
}

module_init(culprit_oops_init);
module_exit(culprit_oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Culprit test module: oopses on load");
