# Build targets for `sam build` (template.yaml: Metadata BuildMethod: makefile, CodeUri: .).
# SAM runs `make build-<LogicalId>` once per function with ARTIFACTS_DIR set. Maven builds two shaded
# jars in one run (only when a source or pom changed): the functions that can call Stripe ship the full
# jar, the others (auth, catalogue, link-release) the same jar without stripe-java and Gson (issue 16:
# 17.2 MB instead of 24.1 MB, docs/benchmarks.md; NoStripeJarIT is its guard). Each target copies its jar
# to $(ARTIFACTS_DIR)/lib/, where Lambda's Java runtime puts every jar on the classpath.

MVN ?= mvn
JAR := functions/target/studio-booking-functions.jar
NO_STRIPE_JAR := functions/target/studio-booking-functions-no-stripe.jar
SOURCES := pom.xml $(shell find core infrastructure functions \( -name pom.xml -o -path '*/src/main/*' \) -type f 2>/dev/null)
STRIPE_FUNCTIONS := AdminFunction BookingFunction PaymentWebhookFunction TimedJobsFunction
NO_STRIPE_FUNCTIONS := AuthFunction CatalogueFunction LinkReleaseFunction
FUNCTIONS := $(STRIPE_FUNCTIONS) $(NO_STRIPE_FUNCTIONS)

.PHONY: jar $(addprefix build-,$(FUNCTIONS))

jar: $(JAR) $(NO_STRIPE_JAR)

$(JAR): $(SOURCES)
	$(MVN) -q -B package -DskipTests -pl functions -am

# written by the same Maven run, after $(JAR)
$(NO_STRIPE_JAR): $(JAR)
	@test -f $@ || { echo "$@ is missing: run make -B jar" >&2; exit 1; }

$(addprefix build-,$(STRIPE_FUNCTIONS)): $(JAR)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"

$(addprefix build-,$(NO_STRIPE_FUNCTIONS)): $(NO_STRIPE_JAR)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(NO_STRIPE_JAR) "$(ARTIFACTS_DIR)/lib/"
