package com.studiobooking.functions;

import org.crac.Resource;

import java.lang.reflect.Field;
import java.util.List;

/**
 * Run by {@link ProductionPrimingIT} in a JVM of its own on the shaded jar, with a Lambda-like environment: builds
 * every handler through its production (no-arg) constructor, as Lambda does, then runs each registered priming hook's
 * {@code beforeCheckpoint} as SnapStart would (the JVM here has no CRaC, so the hooks are called directly). The
 * token and Stripe secrets are configured as Secrets Manager names that do not exist: a read would fail priming.
 */
public final class ProductionPrimingDriver {
    /** @param args the functions to build (auth, admin, catalogue, booking, link-release, payment-webhook, timed-jobs) */
    public static void main(String[] args) throws Exception {
        for (String function : args) {
            switch (function) {
                case "auth" -> new AuthHandler();
                case "admin" -> new AdminHandler();
                case "catalogue" -> new CatalogueHandler();
                case "booking" -> new BookingHandler();
                case "link-release" -> new LinkReleaseHandler();
                case "payment-webhook" -> new PaymentWebhookHandler();
                case "timed-jobs" -> new TimedJobsHandler();
                default -> throw new IllegalArgumentException(function);
            }
        }
        Field registered = Priming.class.getDeclaredField("REGISTERED");
        registered.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<Resource> hooks = (List<Resource>) registered.get(null);
        System.out.println("hooks " + hooks.size());
        for (Resource hook : hooks) hook.beforeCheckpoint(null);
        System.out.println("OK");
    }
}
