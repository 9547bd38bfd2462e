/* Identity and CPU facts: CPUID, RDTSCP, TSC calibration. Nothing here can fault. */
#include "uintr_shim.h"

#include <cpuid.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <x86intrin.h>

#ifndef USH_CFLAGS
#define USH_CFLAGS "-muintr"
#endif

int ush_abi_version(void) { return USH_ABI_VERSION; }

int ush_build_info(char *buf, int cap)
{
    if (!buf || cap <= 0)
        return 0;
    int n = snprintf(buf, (size_t)cap, "gcc %s %s", __VERSION__, USH_CFLAGS);
    return n < cap ? n : cap - 1;
}

void ush_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
    unsigned a, b, c, d;
    __cpuid_count(leaf, subleaf, a, b, c, d);
    out[0] = a; out[1] = b; out[2] = c; out[3] = d;
}

uint64_t ush_rdtscp(uint32_t *aux)
{
    unsigned int a = 0;
    uint64_t t = __rdtscp(&a);
    if (aux)
        *aux = a;
    return t;
}

static int64_t mono_raw_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC_RAW, &ts) != 0)
        return -1;
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

uint64_t ush_tsc_hz(int ms)
{
    if (ms <= 0)
        ms = 50;
    unsigned int aux;
    int64_t t0 = mono_raw_ns();
    uint64_t c0 = __rdtscp(&aux);
    if (t0 < 0)
        return 0;
    int64_t target = t0 + (int64_t)ms * 1000000LL, t1;
    uint64_t c1;
    do {
        c1 = __rdtscp(&aux);
        t1 = mono_raw_ns();
    } while (t1 >= 0 && t1 < target);
    if (t1 <= t0)
        return 0;
    return (uint64_t)((double)(c1 - c0) * 1e9 / (double)(t1 - t0));
}
