package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import org.junit.jupiter.api.Test;

/** design.md item 8 and uintr-kernel §2.1: the ABI comes from symbols, never from calling 449+. */
class KernelUintrTest {
    static final String RFC_V1 = """
            0000000000000000 T __x64_sys_uintr_register_handler
            0000000000000000 T __x64_sys_uintr_unregister_handler
            0000000000000000 T __x64_sys_uintr_create_fd
            0000000000000000 T __x64_sys_uintr_register_sender
            0000000000000000 T __x64_sys_uintr_wait
            """;
    static final String LATER = """
            ffffffff81001000 T __x64_sys_uintr_register_handler
            ffffffff81002000 T __x64_sys_uintr_vector_fd
            ffffffff81003000 T __x64_sys_uintr_register_self
            ffffffff81004000 T __x64_sys_uintr_ipi_fd
            """;
    /** An upstream kernel: 449 is futex_waitv there, no uintr at all. */
    static final String UPSTREAM = """
            ffffffff81001000 T __x64_sys_futex_waitv
            ffffffff81002000 T __x64_sys_set_mempolicy_home_node
            ffffffff81003000 t uintr_like_but_not_a_syscall
            """;

    @Test
    void rfcV1_recognisedByCreateFd() {
        KernelUintr k = KernelUintr.fromSymbols(RFC_V1, "/proc/kallsyms");
        assertEquals(AbiProfile.RFC_V1, k.abi());
        assertTrue(k.how().contains("uintr_create_fd"), k.how());
        assertEquals(451, k.abi().number(Syscall.UINTR_CREATE_FD));
    }

    @Test
    void later_recognisedByVectorFd() {
        KernelUintr k = KernelUintr.fromSymbols(LATER, "/proc/kallsyms");
        assertEquals(AbiProfile.LATER, k.abi());
        assertEquals(473, k.abi().number(Syscall.UINTR_VECTOR_FD));
        assertEquals(-1, k.abi().number(Syscall.UINTR_CREATE_FD));
    }

    @Test
    void upstreamKernel_isNone() {
        assertEquals(AbiProfile.NONE, KernelUintr.fromSymbols(UPSTREAM, "/proc/kallsyms").abi());
    }

    @Test
    void symbolMustBeAWholeWord() {
        String text = "0 T __x64_sys_uintr_create_fd_v2\n0 T __x64_sys_uintr_register_handlerX\n";
        assertEquals(AbiProfile.NONE, KernelUintr.fromSymbols(text, "x").abi());
    }

    @Test
    void handlerWithoutKnownGeneration_isNotGuessed() {
        KernelUintr k = KernelUintr.fromSymbols("0 T __x64_sys_uintr_register_handler\n", "/proc/kallsyms");
        assertEquals(AbiProfile.NONE, k.abi());
        assertTrue(k.how().contains("unknown uintr generation"), k.how());
    }
}
