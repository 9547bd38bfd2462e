package dev.uintr.kernel;

/**
 * rfc-v1 SenderInfo: one connection of a sender task to a uintr_fd's open file (§4.1).
 * It holds a UPID reference, a UITT reference and the sender's slot.
 */
public record SenderLink(int task, int uitt, int index) {}
