package dev.uintr.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run of {@link Explorer#search}: settles states bucket by bucket in cost order
 * (switches, then events). A bucket is complete before it is settled (its states come only
 * from cheaper buckets), so its states can be expanded by several workers at once; their
 * results are merged strictly in the bucket's order, which is the order one worker settles
 * them in, by whichever worker finishes the chunk at the head ({@link Round}). Verdicts, counters, state counts and counterexamples therefore do not depend on
 * the number of workers.
 */
final class Search {
    /** The most states per unit of work (one worker, or a large bucket). */
    private static final int CHUNK = 64;
    /** The fewest states per unit of work handed to a worker: smaller runs cost more to hand over than they save. */
    private static final int MIN_CHUNK = 16;
    /** How long a thread with nothing to claim or merge spins, then sleeps, before it looks again. */
    private static final int SPINS = 64;
    private static final long PAUSE_NANOS = 20_000;
    /**
     * How long a thread with nothing to do waits for the head chunk before it expands that chunk
     * itself: well above a 64-state chunk's expansion (about 0.5 ms), well below a timeslice lost
     * to another process.
     */
    static final long BACKUP_NANOS = 2_000_000;

    private final World world;
    private final Bound bound;
    private final SearchOptions options;
    private final long backupNanos;
    private final VisitedTable table = new VisitedTable();
    private final TreeMap<Integer, Bucket> frontier = new TreeMap<>();
    private final Map<Invariant, Counterexample> found = new EnumMap<>(Invariant.class);
    private final long[] worst = new long[Expansion.WORST];
    private final long t0 = System.nanoTime();
    private long nextReport;
    private boolean reported;
    /** The expansion of a bucket settled by one thread (reused from chunk to chunk). */
    private final Expansion spare = new Expansion(CHUNK);
    /** With several workers: how many chunks a thread may claim ahead of the merge. */
    private final int window;
    /** The buckets a settling bucket's children go to: same switches, and one more. */
    private Bucket same;
    private Bucket more;
    private long frontierBytes;
    private long frontierStates;
    private long peakBytes;
    private int settled;
    private int maxDepth;
    private boolean depthCut;
    private String stoppedBy;
    /** With several workers: the round every thread works on; null once the search is over. */
    private volatile Round current;
    /** Set when the calling thread leaves the search, so every helper stops. */
    private volatile boolean over;
    /** What ended a search with several workers early, for the calling thread to throw. */
    private volatile Throwable failed;
    /** Chunks merged from a back-up copy (see Round#backUp): 0 unless a thread was held up. */
    private final AtomicInteger backups = new AtomicInteger();
    /** The pool threads of this search, each with its own expander and CPU clock. */
    private final List<Worker> workers = Collections.synchronizedList(new ArrayList<>());

    Search(World world, Bound bound, SearchOptions options) {
        this(world, bound, options, BACKUP_NANOS);
    }

    /** {@code backupNanos}: see {@link #BACKUP_NANOS}; tests pass 0 so that every wait backs the head chunk up. */
    Search(World world, Bound bound, SearchOptions options, long backupNanos) {
        this.backupNanos = backupNanos;
        this.world = world;
        this.bound = bound;
        this.options = options;
        this.nextReport = t0 + options.everyMillis() * 1_000_000L;
        this.window = options.workers() * 8;
    }

    SearchResult run() {
        long cpu0 = Cpu.thread();
        Expander own = new Expander(world);
        ByteSink init = own.initial();
        int id = table.add(Fingerprint.hashA(init.buf, 0, init.len), Fingerprint.hashB(init.buf, 0, init.len), -1, 0, 0);
        enqueue(bucket(0), id, init.buf, 0, init.len);
        if (options.workers() == 1) {
            while (stoppedBy == null && !frontier.isEmpty()) {
                Bucket b = frontier.pollFirstEntry().getValue();
                settleAlone(b, own);
                frontierBytes -= b.bytes();
            }
        } else {
            runShared(own);
        }
        if (reported) {
            report(System.nanoTime());                                 // the final figures of a search that showed progress
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        SearchResult.Worst w = new SearchResult.Worst(worst[0], worst[1], worst[2], worst[3], worst[4], worst[5]);
        long mainCpu = Cpu.thread() - cpu0;
        long cpu = mainCpu;
        long busiest = mainCpu;
        synchronized (workers) {
            for (Worker k : workers) {
                cpu += k.cpu;
                busiest = Math.max(busiest, k.cpu);
            }
        }
        return new SearchResult(found, settled, maxDepth, ms, stoppedBy == null, depthCut, w, peakBytes, stoppedBy, cpu, busiest, backups.get());
    }

    /** One thread: a bucket's states in chunks, each expanded and merged in turn. */
    private void settleAlone(Bucket b, Expander own) {
        boolean[] live = live(b);
        boolean grow = VisitedTable.events(b.cost) < bound.maxDepth();
        for (int from = 0, n = b.size(); from < n && stoppedBy == null; from += CHUNK) {
            merge(b, own.expand(b, live, from, Math.min(CHUNK, n - from), grow, spare));
        }
    }

    private boolean[] live(Bucket b) {
        boolean[] live = new boolean[b.size()];
        for (int i = 0; i < live.length; i++) {
            live[i] = table.cost(b.id(i)) == b.cost;                    // else a cheaper path settled it, or will
        }
        return live;
    }

    /**
     * Several threads: this one and N-1 started for the search, all running {@link #loop}
     * until the last round is finished. The thread that finishes a round starts the next one,
     * so no thread waits for a particular other one between buckets.
     */
    private void runShared(Expander own) {
        try {
            current = nextRound(own, spare);
        } catch (RuntimeException | Error x) {
            failed = x;
        }
        Thread[] helpers = new Thread[options.workers() - 1];
        for (int i = 0; i < helpers.length && current != null; i++) {
            Worker w = new Worker(new Expander(world));
            workers.add(w);
            helpers[i] = new Thread(() -> {
                long t = Cpu.thread();
                try {
                    loop(w);
                } finally {
                    w.cpu = Cpu.thread() - t;
                }
            }, "explore-worker");
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        try {
            loop(new Worker(own));
        } finally {
            over = true;                                                   // whatever happened here, the helpers stop
            for (Thread h : helpers) {
                joinQuietly(h);
            }
        }
        if (failed instanceof RuntimeException) {
            throw (RuntimeException) failed;
        } else if (failed != null) {
            throw (Error) failed;
        }
    }

    private static void joinQuietly(Thread t) {
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A thread's part of a shared search: every round in turn, until there is none. */
    private void loop(Worker w) {
        Round seen = null;
        int idle = 0;
        while (!over) {
            Round r = current;
            if (r == null) {
                return;
            }
            if (r != seen) {
                r.work(w);
                seen = r;
                idle = 0;
            } else if (++idle < SPINS) {
                Thread.onSpinWait();                                       // the round's finisher is starting the next one
            } else {
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
    }

    /**
     * The next bucket worth sharing, as a round, after settling the small ones before it alone
     * (with {@code e} and its spare buffer); null when the search is over. Called before the
     * threads start, or by the thread finishing a round, under that round's lock.
     */
    private Round nextRound(Expander e, Expansion buffer) {
        while (stoppedBy == null && !frontier.isEmpty()) {
            Bucket b = frontier.pollFirstEntry().getValue();
            boolean[] live = live(b);
            boolean grow = VisitedTable.events(b.cost) < bound.maxDepth();
            int n = b.size();
            if (n > MIN_CHUNK) {
                return new Round(b, live, grow);
            }
            for (int from = 0; from < n && stoppedBy == null; from += CHUNK) {
                merge(b, e.expand(b, live, from, Math.min(CHUNK, n - from), grow, buffer));
            }
            frontierBytes -= b.bytes();
        }
        return null;
    }

    /**
     * One bucket settled by several threads, all alike: each claims the next chunk of the bucket
     * (at most {@link #window} chunks ahead of the merge), expands it into a buffer of its own, and then
     * merges every expanded chunk at the head, in bucket order, if no other thread is merging.
     * Whichever thread finishes the head chunk merges it, so no thread waits on a merging
     * thread and the merge overlaps the other threads' expansions. The search's tables and
     * counters are only touched under {@link #lock}, in chunk order, exactly as one worker would.
     */
    private final class Round {
        final Bucket b;
        final boolean[] live;
        final boolean grow;
        /** Chunk k is states [start[k], start[k + 1]). */
        final int[] start;
        final int chunks;
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicIntegerArray done;
        final Throwable[] failures;
        /** The buffer chunk k was expanded into (published by its done flag). */
        final Expansion[] into;
        final ReentrantLock lock = new ReentrantLock();
        /** Chunks merged so far (written under the lock). */
        volatile int merged;
        /** Every chunk merged, or the search stopped, or a chunk failed. */
        volatile boolean finished;

        Round(Bucket b, boolean[] live, boolean grow) {
            this.b = b;
            this.live = live;
            this.grow = grow;
            int n = b.size();
            int[] s = new int[n / MIN_CHUNK + 2];
            int k = 0;
            for (int from = 0; from < n; k++) {
                s[k] = from;
                // chunks shrink towards the bucket's end (a quarter of what is left per worker,
                // 16..64 states), so the threads finish a bucket at about the same time
                from += Math.min(n - from, Math.max(MIN_CHUNK, Math.min(CHUNK, (n - from) / (options.workers() * 4))));
            }
            s[k] = n;
            this.start = s;
            this.chunks = k;
            this.done = new AtomicIntegerArray(k);
            this.failures = new Throwable[k];
            this.into = new Expansion[k];
        }

        /** Claims, expands and merges until the round is finished. */
        void work(Worker w) {
            int idle = 0;
            long idleSince = 0;
            while (!finished) {
                int k = claim();
                if (k >= 0) {
                    Expansion x = w.take();
                    into[k] = x;
                    try {
                        w.expander.expand(b, live, start[k], start[k + 1] - start[k], grow, x);
                    } catch (RuntimeException | Error t) {
                        failures[k] = t;                                   // thrown when the merge gets there, as one worker would
                    }
                    done.set(k, 1);
                    if (merged > k) {
                        x.held = false;                                    // merged from another thread's back-up copy meanwhile
                    }
                }
                if (tryMerge(w.expander, w.backup) || k >= 0) {
                    idle = 0;
                } else if (++idle < SPINS) {
                    Thread.onSpinWait();                                   // another thread is expanding the head chunk, or merging
                } else {
                    long now = System.nanoTime();
                    if (idle == SPINS) {
                        idleSince = now;
                    } else if (now - idleSince >= backupNanos && backUp(w.expander, w.backup)) {
                        idle = 0;
                        continue;
                    }
                    LockSupport.parkNanos(PAUSE_NANOS);
                }
            }
        }

        /**
         * The head chunk is still not expanded long after this thread ran out of work: its
         * thread was most likely descheduled (a loaded host). Expanding is a pure function of
         * the bucket, so this thread expands the chunk again into its own buffer and merges that
         * copy; the late thread's copy is ignored when it arrives (and its buffer released by
         * the late thread itself). True if it merged the chunk.
         */
        private boolean backUp(Expander e, Expansion into) {
            int h = merged;
            if (h >= chunks || done.get(h) == 1 || claimed.get() <= h) {
                return false;
            }
            Throwable failed = null;
            try {
                e.expand(b, live, start[h], start[h + 1] - start[h], grow, into);
            } catch (RuntimeException | Error x) {
                failed = x;
            }
            lock.lock();
            try {
                if (finished || merged != h) {
                    return false;                                          // the late thread got there after all
                }
                if (failed != null) {
                    end(failed);
                    return false;
                }
                merge(b, into);
                merged = h + 1;
                backups.incrementAndGet();
                if (h + 1 == chunks || stoppedBy != null) {
                    finish(e, into);
                }
                return true;
            } catch (RuntimeException | Error x) {
                end(x);
                return false;
            } finally {
                lock.unlock();
            }
        }

        /** Under the lock: the round is done; the next one (or none) becomes current. */
        private void finish(Expander e, Expansion buffer) {
            finished = true;
            frontierBytes -= b.bytes();
            current = nextRound(e, buffer);
        }

        /** Under the lock: a failure ends the round and the search; the calling thread throws it. */
        private void end(Throwable x) {
            failed = x;
            finished = true;
            current = null;
        }

        /** The next chunk to expand, or -1: none left, or the window is full until the merge catches up. */
        private int claim() {
            while (true) {
                int k = claimed.get();
                if (k >= chunks || k >= merged + window) {
                    return -1;
                }
                if (claimed.compareAndSet(k, k + 1)) {
                    return k;
                }
            }
        }

        /**
         * Merges the expanded chunks at the head, in order, unless another thread is merging;
         * true if it merged any. The thread that merges the last chunk starts the next round
         * ({@code e} and {@code buffer} settle the small buckets before it).
         */
        private boolean tryMerge(Expander e, Expansion buffer) {
            boolean any = false;
            for (int h = merged; !finished && h < chunks && done.get(h) == 1 && lock.tryLock(); h = merged) {
                try {
                    if (finished) {
                        return any;                                        // another thread finished the round meanwhile
                    }
                    int m = merged;
                    while (m < chunks && done.get(m) == 1) {
                        if (failures[m] != null) {
                            end(failures[m]);
                            return any;
                        }
                        merge(b, into[m]);
                        into[m].held = false;                              // its thread may reuse it
                        merged = ++m;
                        any = true;
                        if (stoppedBy != null) {
                            break;
                        }
                    }
                    if (m == chunks || stoppedBy != null) {
                        finish(e, buffer);
                    }
                } catch (RuntimeException | Error x) {
                    end(x);
                } finally {
                    lock.unlock();
                }
            }
            return any;
        }
    }

    /** A pool thread's expander, and the CPU time that thread spent in rounds (written by it alone). */
    private static final class Worker {
        final Expander expander;
        /** Where this thread re-expands a chunk another thread is late with (see Round#backUp), and settles small buckets. */
        final Expansion backup = new Expansion(CHUNK);
        /**
         * The buffers this thread expands chunks into, each held until merged. A thread writes
         * only into its own (so their cache lines stay with its core); any thread reads them.
         */
        private final List<Expansion> buffers = new ArrayList<>();
        volatile long cpu;

        Worker(Expander expander) {
            this.expander = expander;
        }

        /** A buffer of this thread's that no chunk holds (at most a window's worth are ever made). */
        Expansion take() {
            for (Expansion x : buffers) {
                if (!x.held) {
                    x.held = true;
                    return x;
                }
            }
            Expansion x = new Expansion(CHUNK);
            x.held = true;
            buffers.add(x);
            return x;
        }
    }

    /** Settles an expansion's states in order: checks, counters, children into the frontier. */
    private void merge(Bucket b, Expansion x) {
        int switches = VisitedTable.switches(b.cost);
        int events = VisitedTable.events(b.cost);
        if (same == null || same.cost != VisitedTable.cost(switches, events + 1)) {
            same = bucket(VisitedTable.cost(switches, events + 1));
            more = bucket(VisitedTable.cost(switches + 1, events + 1));
        }
        for (int k = 0; k < x.count; k++) {
            frontierStates--;
            if ((x.flags[k] & Expansion.STALE) != 0) {
                continue;
            }
            long bytes = table.bytes() + frontierBytes;
            peakBytes = Math.max(peakBytes, bytes);
            if (settled >= bound.maxStates()) {
                stoppedBy = "max-states";
                return;
            }
            if (bytes > bound.maxMemory()) {
                stoppedBy = "max-memory";
                return;
            }
            int id = b.id(x.from + k);
            table.settle(id);
            settled++;
            maxDepth = Math.max(maxDepth, events);
            for (int w = 0; w < Expansion.WORST; w++) {
                worst[w] = Math.max(worst[w], x.worst[k * Expansion.WORST + w]);
            }
            check(x, k, id);
            if ((settled & 1023) == 0) {
                long now = System.nanoTime();
                if (now >= nextReport) {
                    report(now);
                }
            }
            if (events >= bound.maxDepth()) {
                depthCut |= (x.flags[k] & Expansion.HAS_MOVES) != 0;
                continue;
            }
            for (int c = x.firstChild[k], end = c + x.childCount[k]; c < end; c++) {
                int cost = VisitedTable.cost(switches + (x.switches[c] ? 1 : 0), events + 1);
                int child = table.find(x.fpA[c], x.fpB[c]);
                if (child < 0) {
                    child = table.add(x.fpA[c], x.fpB[c], id, x.move[c], cost);
                } else if ((table.cost(child) & VisitedTable.SETTLED) == 0 && cost < table.cost(child)) {
                    table.set(child, id, x.move[c], cost);
                } else {
                    continue;
                }
                enqueue(x.switches[c] ? more : same, child, x.bytes.buf, x.offset[c], x.length[c]);
            }
        }
    }

    /** The frontier bucket of {@code cost}, made when missing (a bucket is never made again once settled). */
    private Bucket bucket(int cost) {
        return frontier.computeIfAbsent(cost, Bucket::new);
    }

    private void enqueue(Bucket into, int id, byte[] buf, int off, int len) {
        long before = into.bytes();
        into.add(id, buf, off, len);
        frontierBytes += into.bytes() - before;
        frontierStates++;
    }

    private void check(Expansion x, int k, int id) {
        int f = x.flags[k];
        if ((f & Expansion.VICTIM) != 0 && !found.containsKey(Invariant.VICTIM)) {
            found.put(Invariant.VICTIM, trace(Invariant.VICTIM, id, "a kernel-vector IPI interrupted a task it did not wake"));
        }
        if ((f & Expansion.MASS) != 0 && !found.containsKey(Invariant.MASS_WAKEUP)) {
            found.put(Invariant.MASS_WAKEUP, trace(Invariant.MASS_WAKEUP, id,
                    "one interrupt's wait-list walk woke two or more sleepers"));
        }
        if (x.useAfterFree[k] != null && !found.containsKey(Invariant.USE_AFTER_FREE)) {
            found.put(Invariant.USE_AFTER_FREE, trace(Invariant.USE_AFTER_FREE, id, x.useAfterFree[k]));
        }
        if ((f & Expansion.ISOLATION) != 0 && !found.containsKey(Invariant.ISOLATION)) {
            found.put(Invariant.ISOLATION, trace(Invariant.ISOLATION, id,
                    "an interrupt caused by another task's post was taken on an isolated CPU running a task it was not for"));
        }
        if (x.lostWakeup[k] != null && !found.containsKey(Invariant.LOST_WAKEUP)) {
            found.put(Invariant.LOST_WAKEUP, trace(Invariant.LOST_WAKEUP, id, x.lostWakeup[k]));
        }
    }

    private Counterexample trace(Invariant inv, int id, String detail) {
        List<Move> moves = new ArrayList<>();
        int switches = VisitedTable.switches(table.cost(id));
        for (int i = id; table.parent(i) >= 0; i = table.parent(i)) {
            moves.add(Move.of(table.move(i)));
        }
        Collections.reverse(moves);
        return new Counterexample(inv, List.copyOf(moves), switches, detail);
    }

    private void report(long now) {
        if (options.progress() == null) {
            return;
        }
        long ms = Math.max(1, (now - t0) / 1_000_000);
        options.progress().accept(new SearchProgress(settled, settled * 1000L / ms, Math.max(0, frontierStates),
                table.bytes() + frontierBytes, maxDepth, ms));
        nextReport = now + options.everyMillis() * 1_000_000L;
        reported = true;
    }
}
