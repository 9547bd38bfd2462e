package dev.uintr.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An open file description (struct file). Several fd slots, in one or several processes
 * (dup, fork, SCM_RIGHTS), share one; the last close releases it.
 */
public final class OpenFile {
    public final int id;
    public final FileKind kind;
    /** UINTR_FD / UVEC_FD: the receiver's UPID; else -1. */
    public final int upid;
    /** UINTR_FD / UVEC_FD: the user vector. */
    public final int vector;
    /** UIPI_FD: the UITT it holds a reference to; else -1. */
    public final int uitt;
    /** Number of fd slots pointing here. */
    public int refs = 1;
    public boolean released;
    /** rfc-v1: the fd's sender list (EISCONN is per (file, task)). */
    public final List<SenderLink> senders = new ArrayList<>();

    public OpenFile(int id, FileKind kind, int upid, int vector, int uitt) {
        this.id = id;
        this.kind = kind;
        this.upid = upid;
        this.vector = vector;
        this.uitt = uitt;
    }

    public OpenFile copy() {
        OpenFile f = new OpenFile(id, kind, upid, vector, uitt);
        f.refs = refs;
        f.released = released;
        if (!senders.isEmpty()) {
            f.senders.addAll(senders);
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OpenFile)) {
            return false;
        }
        OpenFile f = (OpenFile) o;
        return id == f.id && kind == f.kind && upid == f.upid && vector == f.vector && uitt == f.uitt
                && refs == f.refs && released == f.released && senders.equals(f.senders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, upid, vector, uitt, refs, released, senders);
    }
}
