/*
 * uintr-program-exec: the image a case's exec step starts (include/uintr_program.h, USH_OP_EXEC).
 * The program runner's own code, linked into an executable: it maps the run's shared area from
 * the descriptor it is given and goes on with the program after its exec step, so what the
 * program observes after exec lands in the same log as what it observed before.
 */
#include "../src/program_tls.h"

int main(int argc, char **argv)
{
    return ush_prog_continue(argc, argv);
}
