# Build targets for `sam build` (template.yaml: Metadata BuildMethod: makefile, CodeUri: .).
# SAM runs `make build-<LogicalId>` once per function with ARTIFACTS_DIR set. Every function ships
# the same shaded jar: Maven builds it (only when a source or pom changed) and each target copies it
# to $(ARTIFACTS_DIR)/lib/, where Lambda's Java runtime puts every jar on the classpath.

MVN ?= mvn
JAR := functions/target/studio-booking-functions.jar
SOURCES := pom.xml $(shell find core infrastructure functions \( -name pom.xml -o -path '*/src/main/*' \) -type f 2>/dev/null)
FUNCTIONS := AuthFunction AdminFunction CatalogueFunction BookingFunction PaymentWebhookFunction LinkReleaseFunction TimedJobsFunction

.PHONY: jar $(addprefix build-,$(FUNCTIONS))

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q -B package -DskipTests -pl functions -am

$(addprefix build-,$(FUNCTIONS)): $(JAR)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"
