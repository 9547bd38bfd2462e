/* uintr_bench.h — latency benchmark entry points of libuintrshim.so (filled by the bench work). */
#ifndef UINTR_BENCH_H
#define UINTR_BENCH_H

#include <stdint.h>

#endif /* UINTR_BENCH_H */
