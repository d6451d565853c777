package com.studiobooking.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The shape of {@code core/}, read top-down (docs/decisions/core-layering.md): the timed-job dispatcher,
 * then use cases, then ports, then e-mail composition, then the model and its pure rules, then
 * {@code common}. Every package depends only downward, there is no package cycle, and no AWS, Stripe,
 * Jackson or HTTP type gets in. The last two tests run the same rules on fixtures that break them, so
 * the guard is known to bite.
 */
class CoreArchitectureTest {
    private static final String CORE = "com.studiobooking.core";

    /** Any two packages of core that import each other, directly or round a loop. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("com.studiobooking.(**)")
            .should().beFreeOfCycles();

    /** Types core must never see: the cloud, the payment provider, JSON mapping and HTTP live outside. */
    static final ArchRule NO_FOREIGN_TYPES = noClasses().that().resideInAPackage("com.studiobooking..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.stripe..", "com.google.gson..",
                    "com.fasterxml.jackson..", "java.net.http..", "com.sun.net.httpserver..",
                    "jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..", "jakarta.ws.rs..")
            .because("core holds the rules; adapters in infrastructure/ and functions/ speak to the outside");

    /** Who may use whom: each layer (and each package inside model/ and usecase/) only downward. */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(CORE + "..")
            .layer("jobs").definedBy(CORE + ".jobs..")
            .layer("usecase.pay").definedBy(CORE + ".usecase.pay..")
            .layer("usecase.setup").definedBy(CORE + ".usecase.setup..")
            .layer("usecase.remind").definedBy(CORE + ".usecase.remind..")
            .layer("usecase.book").definedBy(CORE + ".usecase.book..")
            .layer("usecase.checkout").definedBy(CORE + ".usecase.checkout..")
            .layer("usecase.wallets").definedBy(CORE + ".usecase.wallets..")
            .layer("usecase.signin").definedBy(CORE + ".usecase.signin..")
            .layer("port").definedBy(CORE + ".port..")
            .layer("mail").definedBy(CORE + ".mail..")
            .layer("model.view").definedBy(CORE + ".model.view..")
            .layer("model.booking").definedBy(CORE + ".model.booking..")
            .layer("model.session").definedBy(CORE + ".model.session..")
            .layer("model.slots").definedBy(CORE + ".model.slots..")
            .layer("model.wallet").definedBy(CORE + ".model.wallet..")
            .layer("model.schedule").definedBy(CORE + ".model.schedule..")
            .layer("model.studio").definedBy(CORE + ".model.studio..")
            .layer("model.identity").definedBy(CORE + ".model.identity..")
            .layer("text").definedBy(CORE + ".text..")
            .layer("common").definedBy(CORE + ".common..")

            .whereLayer("jobs").mayNotBeAccessedByAnyLayer()
            .whereLayer("usecase.pay").mayOnlyBeAccessedByLayers("jobs")
            .whereLayer("usecase.setup").mayOnlyBeAccessedByLayers("jobs")
            .whereLayer("usecase.remind").mayOnlyBeAccessedByLayers("jobs")
            .whereLayer("usecase.book").mayOnlyBeAccessedByLayers("jobs", "usecase.pay", "usecase.setup",
                    "usecase.remind")
            .whereLayer("usecase.checkout").mayOnlyBeAccessedByLayers("jobs", "usecase.book", "usecase.pay",
                    "usecase.setup", "usecase.remind")
            .whereLayer("usecase.wallets").mayOnlyBeAccessedByLayers("jobs", "usecase.pay")
            .whereLayer("usecase.signin").mayOnlyBeAccessedByLayers("jobs")
            .whereLayer("port").mayOnlyBeAccessedByLayers("jobs", "usecase.pay", "usecase.setup", "usecase.remind",
                    "usecase.book", "usecase.checkout", "usecase.wallets", "usecase.signin")
            .whereLayer("mail").mayOnlyBeAccessedByLayers("jobs", "usecase.pay", "usecase.setup", "usecase.remind",
                    "usecase.book", "usecase.checkout", "usecase.wallets", "usecase.signin", "port")

            .whereLayer("text").mayOnlyAccessLayers("common")
            .whereLayer("model.view").mayOnlyAccessLayers("model.booking", "model.session", "model.studio", "text", "common")
            .whereLayer("model.booking").mayOnlyAccessLayers("model.session", "model.studio", "common")
            .whereLayer("model.session").mayOnlyAccessLayers("model.studio", "common")
            .whereLayer("model.slots").mayOnlyAccessLayers("model.studio", "common")
            .whereLayer("model.wallet").mayOnlyAccessLayers("model.studio", "common")
            .whereLayer("model.schedule").mayOnlyAccessLayers("common")
            .whereLayer("model.studio").mayOnlyAccessLayers("text", "common")
            .whereLayer("model.identity").mayOnlyAccessLayers("common")
            .whereLayer("common").mayNotAccessAnyLayer()
            .whereLayer("mail").mayOnlyAccessLayers("model.view", "model.booking", "model.session", "model.slots",
                    "model.wallet", "model.schedule", "model.studio", "model.identity", "text", "common");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    @Test
    void has_every_package_of_core() {
        assertThat(core.stream().map(c -> c.getPackageName()).distinct())
                .contains(CORE + ".jobs", CORE + ".usecase.book", CORE + ".port", CORE + ".mail",
                        CORE + ".model.booking", CORE + ".common");
    }

    @Test
    void packages_form_no_cycle() {
        NO_PACKAGE_CYCLES.check(core);
    }

    @Test
    void every_package_depends_only_downward() {
        LAYERS.check(core);
    }

    @Test
    void no_aws_stripe_jackson_or_http_type_in_core() {
        NO_FOREIGN_TYPES.check(core);
    }

    @Test
    void the_cycle_rule_fails_on_a_package_cycle() {
        EvaluationResult result = NO_PACKAGE_CYCLES.evaluate(fixture("cycle"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("archfixture.cycle.first.First", "archfixture.cycle.second.Second");
    }

    @Test
    void the_foreign_type_rule_fails_on_an_http_type() {
        EvaluationResult result = NO_FOREIGN_TYPES.evaluate(fixture("leak"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LeakyUseCase", "java.net.http.HttpClient");
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("com.studiobooking.archfixture." + name);
    }
}
