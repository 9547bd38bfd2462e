package dev.uintr.kernel;

/**
 * Deferred cleanup queued with task_work (TWA_RESUME) in the RFC generation: it runs only
 * when the target task next returns to user mode (audit §5, item 6 of §6).
 *
 * @param kind  what to do
 * @param a     rfc sender side: UITT id; receiver side: UPID id
 * @param b     rfc sender side: slot index; receiver side: the vector
 */
public record TaskWork(Kind kind, int a, int b) {
    public enum Kind {
        /** Zero a sender's UITT slot, drop its refs, tear the UITT down when it became empty. */
        FREE_UITT_ENTRY,
        /** Clear a closed uintr_fd's vector from the receiver's PIR and uvec_mask, drop the fd's UPID ref. */
        RELEASE_VECTOR
    }
}
