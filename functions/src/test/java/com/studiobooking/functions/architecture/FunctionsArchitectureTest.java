package com.studiobooking.functions.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.studiobooking.functions.Wiring;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Handlers reach the adapters in {@code infrastructure/} only through the wiring: {@link Wiring} builds
 * the use cases on the stores, {@link ProductionParts} builds the AWS and Stripe clients, and SnapStart's priming
 * ({@code Priming}, {@code StripePriming}, and {@code Rehearsal}'s throwaway wiring) builds throwaway ones on random keys to load their classes before the
 * snapshot. A handler (or the HTTP mapping, or logging) that news up a store or a client itself fails here.
 */
class FunctionsArchitectureTest {
    private static final Set<String> WIRING = Set.of(Wiring.class.getName(), "com.studiobooking.functions.ProductionParts",
            "com.studiobooking.functions.Priming", "com.studiobooking.functions.StripePriming",
            "com.studiobooking.functions.Rehearsal");

    /** Wiring, ProductionParts and the priming, with their nested and anonymous classes. */
    static final DescribedPredicate<JavaClass> THE_WIRING = DescribedPredicate.describe("are the wiring",
            c -> WIRING.contains(c.getName().split("\\$", 2)[0]));

    static final ArchRule ONLY_THE_WIRING_REACHES_INFRASTRUCTURE = noClasses()
            .that().resideInAPackage("com.studiobooking.functions..")
            .and(DescribedPredicate.not(THE_WIRING))
            .should().dependOnClassesThat().resideInAPackage("com.studiobooking.infrastructure..")
            .because("handlers call use cases; Wiring and ProductionParts decide which adapters serve them");

    private static JavaClasses functions;

    @BeforeAll
    static void importFunctions() {
        functions = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.studiobooking.functions");
    }

    @Test
    void sees_the_handlers() {
        assertThat(functions.stream().map(c -> c.getSimpleName()))
                .contains("BookingHandler", "PaymentWebhookHandler", "TimedJobsHandler", "Wiring");
    }

    @Test
    void handlers_reach_infrastructure_only_through_the_wiring() {
        ONLY_THE_WIRING_REACHES_INFRASTRUCTURE.check(functions);
    }

    @Test
    void the_rule_fails_on_a_handler_that_builds_an_adapter_itself() {
        JavaClasses withBypass = new ClassFileImporter().importClasses(HandlerThatBypassesTheWiring.class);

        assertThat(ONLY_THE_WIRING_REACHES_INFRASTRUCTURE.evaluate(withBypass).getFailureReport().toString())
                .contains("HandlerThatBypassesTheWiring", "SecretResolver");
    }
}
