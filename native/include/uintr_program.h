/* uintr_program.h — the native program runner of the conformance suite (filled by the conform work). */
#ifndef UINTR_PROGRAM_H
#define UINTR_PROGRAM_H

#include <stdint.h>

#endif /* UINTR_PROGRAM_H */
