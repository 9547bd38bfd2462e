package dev.uintr.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of {@link Explorer#search}: settles states bucket by bucket in cost order
 * (switches, then events). A bucket is complete before it is settled (its states come only
 * from cheaper buckets), so its states can be expanded by several workers at once; their
 * results are merged strictly in the bucket's order, which is the order one worker settles
 * them in. Verdicts, counters, state counts and counterexamples therefore do not depend on
 * the number of workers.
 */
final class Search {
    /** The most states per unit of work (one worker, or a large bucket). */
    private static final int CHUNK = 64;
    /** The fewest states per unit of work handed to a worker: smaller runs cost more to hand over than they save. */
    private static final int MIN_CHUNK = 16;

    private final World world;
    private final Bound bound;
    private final SearchOptions options;
    private final VisitedTable table = new VisitedTable();
    private final TreeMap<Integer, Bucket> frontier = new TreeMap<>();
    private final Map<Invariant, Counterexample> found = new EnumMap<>(Invariant.class);
    private final long[] worst = new long[Expansion.WORST];
    private final long t0 = System.nanoTime();
    private long nextReport;
    private boolean reported;
    /** Expansions (and their byte buffers) reused from chunk to chunk. */
    private final Expansion spare = new Expansion(CHUNK);
    private final ArrayDeque<Expansion> free = new ArrayDeque<>();
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
    /** CPU time pool workers spent expanding (the merging thread's own is measured around the whole run). */
    private final AtomicLong workerCpu = new AtomicLong();

    Search(World world, Bound bound, SearchOptions options) {
        this.world = world;
        this.bound = bound;
        this.options = options;
        this.nextReport = t0 + options.everyMillis() * 1_000_000L;
    }

    SearchResult run() {
        long cpu0 = Cpu.thread();
        Expander own = new Expander(world);
        ByteSink init = own.initial();
        int id = table.add(Fingerprint.hashA(init.buf, 0, init.len), Fingerprint.hashB(init.buf, 0, init.len), -1, 0, 0);
        enqueue(bucket(0), id, init.buf, 0, init.len);
        ExecutorService pool = options.workers() > 1 ? Executors.newFixedThreadPool(options.workers() - 1, r -> {
            Thread t = new Thread(r, "explore-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        ThreadLocal<Expander> expanders = ThreadLocal.withInitial(() -> new Expander(world));
        try {
            while (stoppedBy == null && !frontier.isEmpty()) {
                Bucket b = frontier.pollFirstEntry().getValue();
                settle(b, own, pool, expanders);
                frontierBytes -= b.bytes();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (reported) {
            report(System.nanoTime());                                 // the final figures of a search that showed progress
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        SearchResult.Worst w = new SearchResult.Worst(worst[0], worst[1], worst[2], worst[3], worst[4], worst[5]);
        long cpu = Cpu.thread() - cpu0 + workerCpu.get();
        return new SearchResult(found, settled, maxDepth, ms, stoppedBy == null, depthCut, w, peakBytes, stoppedBy, cpu);
    }

    private void settle(Bucket b, Expander own, ExecutorService pool, ThreadLocal<Expander> expanders) {
        int n = b.size();
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            live[i] = table.cost(b.id(i)) == b.cost;                    // else a cheaper path settled it, or will
        }
        boolean grow = VisitedTable.events(b.cost) < bound.maxDepth();
        if (pool == null || n <= MIN_CHUNK) {
            for (int from = 0; from < n && stoppedBy == null; from += CHUNK) {
                merge(b, own.expand(b, live, from, Math.min(CHUNK, n - from), grow, spare));
            }
            return;
        }
        // Chunks are handed to the pool in bucket order, at most `window` ahead of the merge; this
        // thread merges them in that order and, while the next one is not done, expands the
        // first chunk no worker has claimed yet itself (so --workers N keeps N threads busy).
        ArrayDeque<Chunk> inFlight = new ArrayDeque<>();
        int window = options.workers() * 4;
        // at least four chunks per worker where the bucket allows, so no thread idles long at its end
        int size = Math.max(MIN_CHUNK, Math.min(CHUNK, n / (options.workers() * 4)));
        int next = 0;
        Thread merger = Thread.currentThread();
        try {
            while (stoppedBy == null && (next < n || !inFlight.isEmpty())) {
                while (next < n && inFlight.size() < window) {
                    Chunk c = new Chunk(b, live, next, Math.min(size, n - next), grow,
                            free.isEmpty() ? new Expansion(CHUNK) : free.pop(), merger);
                    inFlight.add(c);
                    pool.execute(() -> c.runOn(expanders.get(), true, workerCpu));
                    next += c.count;
                }
                Chunk head = inFlight.peek();
                while (!head.done) {
                    Chunk open = null;
                    for (Chunk c : inFlight) {
                        if (!c.claimed.get()) {
                            open = c;
                            break;
                        }
                    }
                    if (open != null) {
                        open.runOn(own, false, null);
                    } else {
                        LockSupport.parkNanos(this, 5_000_000);         // a worker unparks this thread as it finishes a chunk
                    }
                }
                inFlight.poll();
                if (head.failure instanceof RuntimeException) {
                    throw (RuntimeException) head.failure;
                } else if (head.failure != null) {
                    throw (Error) head.failure;
                }
                merge(b, head.into);
                free.push(head.into);
            }
        } finally {
            for (Chunk c : inFlight) {
                c.claimed.set(true);                 // a worker that has not started it skips it; its Expansion is dropped
            }
        }
    }

    /**
     * A run of one bucket's states, expanded by whichever thread claims it first: a pool
     * worker, or the merging thread when it would otherwise wait. Nothing here is shared
     * but the claim and the done flag.
     */
    private static final class Chunk {
        final Bucket b;
        final boolean[] live;
        final int from;
        final int count;
        final boolean grow;
        final Expansion into;
        final Thread merger;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean done;
        Throwable failure;

        Chunk(Bucket b, boolean[] live, int from, int count, boolean grow, Expansion into, Thread merger) {
            this.b = b;
            this.live = live;
            this.from = from;
            this.count = count;
            this.grow = grow;
            this.into = into;
            this.merger = merger;
        }

        void runOn(Expander e, boolean worker, AtomicLong cpu) {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            long t = worker ? Cpu.thread() : 0;
            try {
                e.expand(b, live, from, count, grow, into);
            } catch (RuntimeException | Error x) {
                failure = x;
            } finally {
                if (worker) {
                    cpu.addAndGet(Cpu.thread() - t);
                }
                done = true;
                if (worker) {
                    LockSupport.unpark(merger);
                }
            }
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
