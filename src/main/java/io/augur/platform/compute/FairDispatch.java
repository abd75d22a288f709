package io.augur.platform.compute;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which admitted computation gets the next free compute thread: the computations wait in one FIFO queue per
 * caller (quota key), and a free thread goes to the caller with the fewest computations running, ties to the
 * one served least recently (round-robin). This is max-min fair sharing of the threads between callers, the
 * request-granularity form of fair queueing (Demers, Keshav &amp; Shenker, "Analysis and simulation of a fair
 * queueing algorithm", SIGCOMM 1989): a caller with many computations queued gets no more threads than one with
 * a single computation while both wait, so one tenant's heavy bootstraps delay another's request by at most the
 * computations already running, never by the ones it queued ahead.
 *
 * <p>At most {@code slots} computations run at once (the pool's threads; parallel loops inside one computation
 * share those threads by work stealing and are not counted). A caller with nothing waiting or running is
 * forgotten, so one that comes back counts as never served, like a newly active flow in fair queueing. Every
 * method is synchronized and costs O(callers active) at most.
 *
 * @param <E> what waits (the pool's admitted computation)
 */
final class FairDispatch<E> {

    private final int slots;
    /** Every caller with a computation waiting or running, in the order they became so (ties among never-served). */
    private final Map<String, Caller<E>> callers = new LinkedHashMap<>();
    private int occupied;
    private long turns;
    private boolean closed;

    FairDispatch(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1: " + slots);
        }
        this.slots = slots;
    }

    /** One caller's waiting computations, how many of its computations run, and when it was last served. */
    private static final class Caller<E> {
        final ArrayDeque<E> waiting = new ArrayDeque<>();
        int running;
        /** The turn at which this caller last got a thread; -1 = never. */
        long lastServed = -1;
    }

    /** Puts {@code e} at the end of {@code key}'s queue; false (and nothing queued) once {@link #close closed}. */
    synchronized boolean enqueue(String key, E e) {
        if (closed) {
            return false;
        }
        callers.computeIfAbsent(key, k -> new Caller<>()).waiting.addLast(e);
        return true;
    }

    /**
     * Takes the computations that start now, in order, while threads are free: each to the waiting caller with the
     * fewest running, ties to the least recently served. The caller of this method starts them and reports each
     * end with {@link #finished}.
     */
    synchronized List<E> take() {
        List<E> start = new ArrayList<>(0);
        while (occupied < slots && !closed) {
            String chosen = null;
            Caller<E> best = null;
            for (Map.Entry<String, Caller<E>> c : callers.entrySet()) {
                Caller<E> candidate = c.getValue();
                if (candidate.waiting.isEmpty()) {
                    continue;
                }
                if (best == null || candidate.running < best.running
                        || (candidate.running == best.running && candidate.lastServed < best.lastServed)) {
                    best = candidate;
                    chosen = c.getKey();
                }
            }
            if (chosen == null) {
                break;
            }
            best.running++;
            best.lastServed = turns++;
            occupied++;
            start.add(best.waiting.pollFirst());
        }
        return start;
    }

    /** A computation of {@code key} that {@link #take} handed out has ended: its thread is free. */
    synchronized void finished(String key) {
        Caller<E> c = callers.get(key);
        if (c == null || c.running == 0) {
            throw new IllegalStateException("no computation of " + key + " is running");
        }
        c.running--;
        occupied--;
        forgetIfIdle(key, c);
    }

    /** Removes {@code e} if it still waits (its budget ended or its client left); true when it was waiting. */
    synchronized boolean remove(String key, E e) {
        Caller<E> c = callers.get(key);
        if (c == null || !c.waiting.remove(e)) {
            return false;
        }
        forgetIfIdle(key, c);
        return true;
    }

    /** Refuses every later {@link #enqueue} and {@link #take}, and returns the computations still waiting. */
    synchronized List<E> close() {
        closed = true;
        List<E> waiting = new ArrayList<>();
        for (Caller<E> c : callers.values()) {
            waiting.addAll(c.waiting);
            c.waiting.clear();
        }
        callers.values().removeIf(c -> c.running == 0);
        return waiting;
    }

    /** Computations running (handed out by {@link #take} and not yet finished). */
    synchronized int running() {
        return occupied;
    }

    /** Computations of {@code key} running (for tests). */
    synchronized int running(String key) {
        Caller<E> c = callers.get(key);
        return c == null ? 0 : c.running;
    }

    /** A caller with nothing waiting or running is dropped, so the map holds only active callers. */
    private void forgetIfIdle(String key, Caller<E> c) {
        if (c.running == 0 && c.waiting.isEmpty()) {
            callers.remove(key);
        }
    }
}
