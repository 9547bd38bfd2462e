package dev.uintr.kernel;

/** One entry of a process's fd table: the open file and the close-on-exec flag. */
public record FdSlot(int file, boolean cloexec) {}
