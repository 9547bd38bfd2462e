/*
 * The user-interrupt handler of the uipi benchmarks. Compiled with -mgeneral-regs-only
 * (the Makefile does so for *_handler.c) as GCC requires for __attribute__((interrupt)) with
 * -muintr: the handler gets the {rip, rflags, rsp} frame and the vector (uintr-kernel §1.9)
 * and returns with UIRET. It only counts deliveries per vector; the spinning or waiting
 * receiver watches its count.
 */
#include "bench_internal.h"

#include <x86gprintrin.h>

volatile uint64_t bench_uipi_hits[64];

void __attribute__((interrupt)) bench_uipi_handler(struct __uintr_frame *frame, unsigned long long vector)
{
    (void)frame;
    bench_uipi_hits[vector & 63]++;
}
