package com.zebros.crm.lambda;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for one handler. Lambda runs {@code beforeCheckpoint} after initialisation and
 * before it takes the snapshot (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks.html):
 * the handler runs the code paths of real requests there, so the snapshot holds their loaded and
 * initialised classes (what that saves a restored environment's first request: SnapStartBenchmark).
 * {@code afterRestore} runs in each restored environment, before its first request, to re-create what
 * must not be shared between them.
 *
 * <p>org.crac keeps only weak references to registered resources, so every registration is also held here.
 */
public final class Priming implements Resource {
    /**
     * How often priming runs a request path (the API's real reads, a notification batch), so the JIT has
     * seen the hot paths before the snapshot; for the API it adds about 1.3 s to initialisation
     * (SnapStartBenchmark), and 60 rounds measured no better than 25.
     */
    public static final int ROUNDS = 25;

    private static final List<Priming> REGISTERED = new ArrayList<>();

    private final String handler;
    private final Runnable prime;
    private final Runnable afterRestore;

    private Priming(String handler, Runnable prime, Runnable afterRestore) {
        this.handler = handler;
        this.prime = prime;
        this.afterRestore = afterRestore;
    }

    /** Registers the hooks of {@code handler} with the global CRaC context. */
    public static synchronized Priming register(String handler, Runnable prime, Runnable afterRestore) {
        Priming priming = new Priming(handler, prime, afterRestore);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The handlers whose hooks are registered, in order. */
    public static synchronized List<String> registered() {
        return REGISTERED.stream().map(p -> p.handler).toList();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }

    /** What Lambda does before it takes the snapshot: every registered hook's beforeCheckpoint. */
    public static synchronized void beforeCheckpointOfAll() {
        REGISTERED.forEach(p -> p.beforeCheckpoint(null));
    }

    /** Runs the priming requests; what {@code beforeCheckpoint} does, callable by tests and the benchmark. */
    public void prime() {
        PrimingGuard.during(prime);
    }
}
