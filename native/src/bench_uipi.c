/*
 * The user-interrupt mechanisms. Each side registers bench_uipi_handler as its handler,
 * gets a receive vector fd (uintr_create_fd in rfc-v1, uintr_vector_fd in later; vector
 * 1 for A, 2 for B), registers itself as a sender to the other side's fd, and sets UIF with
 * STUI (uintr-kernel §1.9: UIF starts at 0). A message is one SENDUIPI; the receiver sees it
 * as its vector's delivery count reaching seq.
 *
 *  uipi          the receiver spins on its count (the RFC's "UIPI" figure)
 *  uipi-blocked  B blocks in uintr_wait until the interrupt arrives; A still spins.
 *                rfc-v1: uintr_wait(flags = 0) blocks until woken (-EINTR) — uintr-kernel §2.2(f).
 *                later:  uintr_wait(usec, 0) with B's handler registered with a WAITING flag
 *                (cfg->handler_flags), else only the timer wakes it — §2.4 (476). B loops until its
 *                count reaches seq, so a wake-up lost to the post-before-arm race (§5) costs one
 *                timeout (later) or ends in the child's timeout (rfc-v1), never a wrong sample.
 *
 * The syscall numbers are the caller's (dev.uintr.AbiProfile); with abi == UBENCH_ABI_NONE
 * nothing is called and the run fails its setup with ENOSYS.
 */
#include "bench_internal.h"

#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <x86gprintrin.h>
#include <x86intrin.h>

static int vector_of(int side) { return side + 1; }

static int uipi_prepare(struct bench_ctx *c)
{
    const ubench_config *cfg = c->cfg;
    if (cfg->abi != UBENCH_ABI_RFC_V1 && cfg->abi != UBENCH_ABI_LATER) {
        bench_fail(c, ENOSYS, "no uintr ABI given: the caller did not confirm a uintr kernel");
        return -1;
    }
    if (cfg->sys_register_handler <= 0 || cfg->sys_vector_fd <= 0 || cfg->sys_register_sender <= 0
            || (cfg->mechanism == UBENCH_MECH_UIPI_BLOCKED && cfg->sys_wait <= 0)) {
        bench_fail(c, EINVAL, "uintr syscall numbers missing");
        return -1;
    }
    for (int i = 0; i < 64; i++)
        bench_uipi_hits[i] = 0;
    return 0;
}

static int uipi_thread_init(struct bench_ctx *c, int side)
{
    const ubench_config *cfg = c->cfg;
    unsigned flags = 0;
    /* Only B blocks; only the later ABI takes handler flags (rfc-v1 rejects any with EINVAL). */
    if (side == SIDE_B && cfg->mechanism == UBENCH_MECH_UIPI_BLOCKED && cfg->abi == UBENCH_ABI_LATER)
        flags = (unsigned)cfg->handler_flags;
    if (syscall(cfg->sys_register_handler, bench_uipi_handler, flags) < 0) {
        bench_fail(c, errno, side == SIDE_A ? "uintr_register_handler (A)" : "uintr_register_handler (B)");
        return -1;
    }
    long fd = syscall(cfg->sys_vector_fd, (unsigned long)vector_of(side), 0u);
    if (fd < 0) {
        bench_fail(c, errno, cfg->abi == UBENCH_ABI_LATER ? "uintr_vector_fd" : "uintr_create_fd");
        return -1;
    }
    c->uvec_fd[side] = (int)fd;
    return 0;
}

static int uipi_thread_connect(struct bench_ctx *c, int side)
{
    long idx = syscall(c->cfg->sys_register_sender, c->uvec_fd[1 - side], 0u);
    if (idx < 0) {
        bench_fail(c, errno, side == SIDE_A ? "uintr_register_sender (A to B)" : "uintr_register_sender (B to A)");
        return -1;
    }
    c->uipi_index[side] = (int)idx;
    _stui();
    return 0;
}

static void uipi_send(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)seq;
    _senduipi((unsigned long long)c->uipi_index[side]);
}

static void uipi_spin_await(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)c;
    while (bench_uipi_hits[vector_of(side)] < seq)
        _mm_pause();
}

static void uipi_blocked_await(struct bench_ctx *c, int side, uint32_t seq)
{
    if (side == SIDE_A) {
        uipi_spin_await(c, side, seq);
        return;
    }
    const ubench_config *cfg = c->cfg;
    while (bench_uipi_hits[vector_of(side)] < seq) {
        if (cfg->abi == UBENCH_ABI_RFC_V1)
            syscall(cfg->sys_wait, 0u);
        else
            syscall(cfg->sys_wait, (unsigned long)(cfg->wait_usec > 0 ? cfg->wait_usec : 1000), 0u);
    }
}

static const struct bench_mech UIPI = {
    uipi_prepare, uipi_thread_init, uipi_thread_connect, uipi_send, uipi_spin_await };
static const struct bench_mech UIPI_BLOCKED = {
    uipi_prepare, uipi_thread_init, uipi_thread_connect, uipi_send, uipi_blocked_await };

const struct bench_mech *bench_uipi_mech(int mechanism)
{
    switch (mechanism) {
    case UBENCH_MECH_UIPI:         return &UIPI;
    case UBENCH_MECH_UIPI_BLOCKED: return &UIPI_BLOCKED;
    default:                       return NULL;
    }
}
