package com.studiobooking.local;

import com.studiobooking.infrastructure.dynamo.StudioTable;
import com.studiobooking.infrastructure.table.TableShape;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SamTemplateTest {

    private static final String SAMPLE = """
            Parameters:
              Greeting:
                Type: String
                Default: hello
              Secret:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
            Globals:
              Function:
                Handler: com.example.Fallback::handleRequest
                Environment:
                  Variables:
                    LITERAL: plain
                    NUMBER: 42
                    TABLE: !Ref Table
                    GREETING: !Ref Greeting
                    SECRET: !Ref Secret
                    JOINED: !Join ["-", [a, b]]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions:
                    - {AttributeName: id, AttributeType: S}
                  KeySchema:
                    - {AttributeName: id, KeyType: HASH}
              Studios:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.example.Studios::handleRequest
                  Events:
                    One:
                      Type: HttpApi
                      Properties: {Path: "/studios/{studioId}", Method: get}
                    Mine:
                      Type: HttpApi
                      Properties: {Path: /studios/mine, Method: GET}
                    Files:
                      Type: HttpApi
                      Properties: {Path: "/files/{proxy+}", Method: ANY}
                    AnyStudio:
                      Type: HttpApi
                      Properties: {Path: "/studios/{studioId}", Method: any}
                    Queue:
                      Type: SQS
                      Properties: {Queue: !GetAtt Jobs.Arn}
              Fallback:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Everything:
                      Type: HttpApi
            """;

    private final SamTemplate sample = SamTemplate.parse(SAMPLE);

    @Nested
    class Tags {
        private final Map<String, Object> doc = SamTemplate.parse("""
                Ref: !Ref Table
                Sub: !Sub "arn:${AWS::Partition}:s3:::${Bucket}"
                SubList: !Sub ["${a}-x", {a: !Ref B}]
                GetAttDotted: !GetAtt Table.StreamArn
                GetAttList: !GetAtt [Table, Arn]
                Nested: !Select [1, !Split ["@", !Ref Email]]
                If: !If [IsProd, 30, !Ref AWS::NoValue]
                Cond: !Condition IsProd
                Not: !Not [!Equals [a, b]]
                Base64: !Base64 text
                LongForm: {"Fn::Sub": "x"}
                """).document();

        @Test
        void short_tags_are_read_in_their_long_form() {
            assertThat(doc).containsEntry("Ref", Map.of("Ref", "Table"))
                    .containsEntry("Sub", Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${Bucket}"))
                    .containsEntry("SubList", Map.of("Fn::Sub", List.of("${a}-x", Map.of("a", Map.of("Ref", "B")))))
                    .containsEntry("GetAttDotted", Map.of("Fn::GetAtt", List.of("Table", "StreamArn")))
                    .containsEntry("GetAttList", Map.of("Fn::GetAtt", List.of("Table", "Arn")))
                    .containsEntry("Nested", Map.of("Fn::Select",
                            List.of(1, Map.of("Fn::Split", List.of("@", Map.of("Ref", "Email"))))))
                    .containsEntry("If", Map.of("Fn::If", List.of("IsProd", 30, Map.of("Ref", "AWS::NoValue"))))
                    .containsEntry("Cond", Map.of("Condition", "IsProd"))
                    .containsEntry("Not", Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of("a", "b")))))
                    .containsEntry("Base64", Map.of("Fn::Base64", "text"))
                    .containsEntry("LongForm", Map.of("Fn::Sub", "x"));
        }

        @Test
        void the_real_template_parses_with_all_its_tags() {
            SamTemplate template = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            assertThat(template.document()).containsKeys("Parameters", "Globals", "Resources", "Outputs");
        }
    }

    @Nested
    class Routes {
        @Test
        void http_events_become_routes_with_their_function_and_handler() {
            assertThat(sample.routes()).containsExactly(
                    new SamTemplate.Route("GET", "/studios/{studioId}", "Studios", "com.example.Studios::handleRequest"),
                    new SamTemplate.Route("GET", "/studios/mine", "Studios", "com.example.Studios::handleRequest"),
                    new SamTemplate.Route("ANY", "/files/{proxy+}", "Studios", "com.example.Studios::handleRequest"),
                    new SamTemplate.Route("ANY", "/studios/{studioId}", "Studios", "com.example.Studios::handleRequest"),
                    new SamTemplate.Route("ANY", "$default", "Fallback", "com.example.Fallback::handleRequest"));
        }

        @Test
        void a_route_key_is_method_and_path_as_api_gateway_writes_it() {
            assertThat(sample.routes()).extracting(SamTemplate.Route::routeKey).containsExactly(
                    "GET /studios/{studioId}", "GET /studios/mine", "ANY /files/{proxy+}", "ANY /studios/{studioId}",
                    "$default");
        }

        @Test
        void the_real_template_routes_each_capability_to_its_handler() {
            SamTemplate template = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            assertThat(template.routes()).hasSize(63)
                    .contains(new SamTemplate.Route("POST", "/auth/code", "AuthFunction",
                                    "com.studiobooking.functions.AuthHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/studios/{studioId}/sessions", "AdminFunction",
                                    "com.studiobooking.functions.AdminHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/studios/{studioId}/clients/{clientId}/credits", "AdminFunction",
                                    "com.studiobooking.functions.AdminHandler::handleRequest"),
                            new SamTemplate.Route("GET", "/studios/{studioId}/sessions", "CatalogueFunction",
                                    "com.studiobooking.functions.CatalogueHandler::handleRequest"),
                            new SamTemplate.Route("GET", "/me/wallet", "BookingFunction",
                                    "com.studiobooking.functions.BookingHandler::handleRequest"),
                            new SamTemplate.Route("GET", "/bookings/{bookingId}/calendar.ics", "BookingFunction",
                                    "com.studiobooking.functions.BookingHandler::handleRequest"),
                            new SamTemplate.Route("PUT", "/studios/{studioId}/sessions/{sessionId}/online-access",
                                    "LinkReleaseFunction", "com.studiobooking.functions.LinkReleaseHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/studios/{studioId}/bookings/{bookingId}/confirm-payment",
                                    "LinkReleaseFunction", "com.studiobooking.functions.LinkReleaseHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/studios/{studioId}/bookings/{bookingId}/mark-refunded",
                                    "LinkReleaseFunction", "com.studiobooking.functions.LinkReleaseHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/studios/{studioId}/bookings/{bookingId}/attendance",
                                    "LinkReleaseFunction", "com.studiobooking.functions.LinkReleaseHandler::handleRequest"),
                            new SamTemplate.Route("PUT", "/studios/{studioId}/bookings/{bookingId}/online-access",
                                    "LinkReleaseFunction", "com.studiobooking.functions.LinkReleaseHandler::handleRequest"),
                            new SamTemplate.Route("DELETE", "/studios/{studioId}/locations/{locationId}", "AdminFunction",
                                    "com.studiobooking.functions.AdminHandler::handleRequest"),
                            new SamTemplate.Route("PUT", "/studios/{studioId}/staff/{staffId}/availability", "AdminFunction",
                                    "com.studiobooking.functions.AdminHandler::handleRequest"),
                            new SamTemplate.Route("GET", "/studios/{studioId}", "CatalogueFunction",
                                    "com.studiobooking.functions.CatalogueHandler::handleRequest"),
                            new SamTemplate.Route("GET", "/studios/{studioId}/slots", "CatalogueFunction",
                                    "com.studiobooking.functions.CatalogueHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/bookings/{bookingId}/cancel", "BookingFunction",
                                    "com.studiobooking.functions.BookingHandler::handleRequest"),
                            new SamTemplate.Route("POST", "/webhooks/stripe", "PaymentWebhookFunction",
                                    "com.studiobooking.functions.PaymentWebhookHandler::handleRequest"));
        }
    }

    @Nested
    class Matching {
        @Test
        void a_path_parameter_takes_the_value_of_its_segment() {
            SamTemplate.RouteMatch match = sample.match("GET", "/studios/st_123").orElseThrow();
            assertThat(match.route().routeKey()).isEqualTo("GET /studios/{studioId}");
            assertThat(match.pathParameters()).containsExactly(entry("studioId", "st_123"));
        }

        @Test
        void a_literal_segment_wins_over_a_parameter() {
            SamTemplate.RouteMatch match = sample.match("GET", "/studios/mine").orElseThrow();
            assertThat(match.route().routeKey()).isEqualTo("GET /studios/mine");
            assertThat(match.pathParameters()).isEmpty();
        }

        @Test
        void a_route_for_the_method_wins_over_any_and_any_takes_the_other_methods() {
            assertThat(sample.match("get", "/studios/st_1").orElseThrow().route().method()).isEqualTo("GET");
            SamTemplate.RouteMatch delete = sample.match("DELETE", "/studios/st_1").orElseThrow();
            assertThat(delete.route().routeKey()).isEqualTo("ANY /studios/{studioId}");
            assertThat(delete.pathParameters()).containsExactly(entry("studioId", "st_1"));
        }

        @Test
        void a_greedy_parameter_takes_the_rest_of_the_path() {
            SamTemplate.RouteMatch match = sample.match("PUT", "/files/a/b%20c.txt").orElseThrow();
            assertThat(match.route().routeKey()).isEqualTo("ANY /files/{proxy+}");
            assertThat(match.pathParameters()).containsExactly(entry("proxy", "a/b c.txt"));
            assertThat(sample.match("GET", "/files/").orElseThrow().route().routeKey()).isEqualTo("$default");
        }

        @Test
        void parameters_are_percent_decoded_and_the_query_string_is_ignored() {
            SamTemplate.RouteMatch match = sample.match("GET", "/studios/caf%C3%A9+1?x=1").orElseThrow();
            assertThat(match.pathParameters()).containsExactly(entry("studioId", "café+1"));
        }

        @Test
        void default_takes_what_no_route_matches_and_without_it_nothing_matches() {
            assertThat(sample.match("GET", "/nowhere").orElseThrow().route().functionLogicalId()).isEqualTo("Fallback");
            assertThat(sample.match("GET", "/studios//").orElseThrow().route().routeKey()).isEqualTo("$default");

            SamTemplate real = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            assertThat(real.match("GET", "/nowhere")).isEmpty();
            assertThat(real.match("PATCH", "/studios/st_1/settings")).isEmpty();
            assertThat(real.match("GET", "/studios/st_1/settings/")).isEmpty();
            assertThat(real.match("GET", "/studios//settings")).isEmpty();
        }

        @Test
        void the_real_template_matches_each_admin_route_with_its_ids() {
            SamTemplate real = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            SamTemplate.RouteMatch match = real.match("PUT", "/studios/st_1/locations/lc_2").orElseThrow();
            assertThat(match.route().functionLogicalId()).isEqualTo("AdminFunction");
            assertThat(match.route().routeKey()).isEqualTo("PUT /studios/{studioId}/locations/{locationId}");
            assertThat(match.pathParameters()).containsExactly(entry("studioId", "st_1"), entry("locationId", "lc_2"));
            assertThat(real.match("GET", "/studios/st_1").orElseThrow().route().functionLogicalId())
                    .isEqualTo("CatalogueFunction");
            assertThat(real.match("POST", "/studios").orElseThrow().pathParameters()).isEmpty();
        }

        @Test
        void the_real_template_tells_a_staff_member_from_their_availability_and_a_booking_from_its_cancellation() {
            SamTemplate real = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            assertThat(real.match("GET", "/studios/st_1/staff/sf_2").orElseThrow().route().routeKey())
                    .isEqualTo("GET /studios/{studioId}/staff/{staffId}");
            SamTemplate.RouteMatch availability = real.match("PUT", "/studios/st_1/staff/sf_2/availability").orElseThrow();
            assertThat(availability.route().routeKey()).isEqualTo("PUT /studios/{studioId}/staff/{staffId}/availability");
            assertThat(availability.pathParameters()).containsExactly(entry("studioId", "st_1"), entry("staffId", "sf_2"));
            SamTemplate.RouteMatch cancel = real.match("POST", "/bookings/bk_3/cancel").orElseThrow();
            assertThat(cancel.route().functionLogicalId()).isEqualTo("BookingFunction");
            assertThat(cancel.pathParameters()).containsExactly(entry("bookingId", "bk_3"));
            assertThat(real.match("POST", "/bookings/bk_3")).isEmpty();
        }

        @Test
        void the_real_template_sends_reading_and_changing_sessions_to_different_functions() {
            SamTemplate real = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            assertThat(real.match("GET", "/studios/st_1/sessions").orElseThrow().route().functionLogicalId())
                    .isEqualTo("CatalogueFunction");
            assertThat(real.match("POST", "/studios/st_1/sessions").orElseThrow().route().functionLogicalId())
                    .isEqualTo("AdminFunction");
            SamTemplate.RouteMatch access = real.match("PUT", "/studios/st_1/sessions/ss_2/online-access").orElseThrow();
            assertThat(access.route().functionLogicalId()).isEqualTo("LinkReleaseFunction");
            assertThat(access.pathParameters()).containsExactly(entry("studioId", "st_1"), entry("sessionId", "ss_2"));
            assertThat(real.match("PUT", "/studios/st_1/sessions/ss_2").orElseThrow().route().functionLogicalId())
                    .isEqualTo("AdminFunction");
            assertThat(real.match("POST", "/studios/st_1/bookings/bk_3/confirm-payment").orElseThrow()
                    .route().functionLogicalId()).isEqualTo("LinkReleaseFunction");
        }

        @Test
        void percent_decoding_keeps_plus_signs_and_malformed_escapes() {
            assertThat(SamTemplate.percentDecode("%E2%9C%93 a+b")).isEqualTo("✓ a+b");
            assertThat(SamTemplate.percentDecode("100%")).isEqualTo("100%");
            assertThat(SamTemplate.percentDecode("%zz%4")).isEqualTo("%zz%4");
        }
    }

    @Nested
    class Functions {
        @Test
        @SuppressWarnings("unchecked")
        void every_function_has_a_makefile_build_target_and_its_own_log_group_created_first() throws IOException {
            Map<String, Object> resources = (Map<String, Object>) SamTemplate.load(RepoRoot.resolve("template.yaml"))
                    .document().get("Resources");
            List<String> functions = resources.entrySet().stream()
                    .filter(e -> "AWS::Serverless::Function".equals(((Map<String, Object>) e.getValue()).get("Type")))
                    .map(Map.Entry::getKey).toList();
            List<String> makefile = Files.readAllLines(RepoRoot.resolve("Makefile"));
            java.util.function.Function<String, List<String>> names = variable -> List.of(makefile.stream()
                    .filter(line -> line.startsWith(variable + " :=")).findFirst().orElseThrow()
                    .substring((variable + " :=").length()).trim().split("\\s+"));
            assertThat(makefile).contains("FUNCTIONS := $(STRIPE_FUNCTIONS) $(NO_STRIPE_FUNCTIONS)");
            List<String> noStripe = names.apply("NO_STRIPE_FUNCTIONS");
            List<String> all = new java.util.ArrayList<>(names.apply("STRIPE_FUNCTIONS"));
            all.addAll(noStripe);
            assertThat(all).containsExactlyInAnyOrderElementsOf(functions);
            // the jar without stripe-java (issue 16) only for functions given no Stripe secret
            assertThat(noStripe).isNotEmpty().allSatisfy(function -> assertThat(
                    ((Map<String, Object>) resources.get(function)).toString()).as(function).doesNotContain("STRIPE_"));
            assertThat(functions).contains("BookingFunction", "PaymentWebhookFunction", "LinkReleaseFunction", "TimedJobsFunction")
                    .allSatisfy(function -> {
                Map<String, Object> resource = (Map<String, Object>) resources.get(function);
                assertThat(resource.get("DependsOn")).as(function).isEqualTo(function + "Logs");
                assertThat((Map<String, Object>) resource.get("Metadata")).as(function)
                        .containsEntry("BuildMethod", "makefile");
                Map<String, Object> logs = (Map<String, Object>) resources.get(function + "Logs");
                assertThat(logs).as(function + "Logs").containsEntry("Type", "AWS::Logs::LogGroup");
                assertThat((Map<String, Object>) logs.get("Properties")).as(function + "Logs")
                        .containsEntry("LogGroupName", Map.of("Fn::Sub", "/aws/lambda/${AWS::StackName}-" + function))
                        .containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionDays"));
            });
        }
    }

    /** EventBridge Scheduler runs the timed jobs: see docs/decisions/timed-jobs.md and docs/deploy.md. */
    @Nested
    @SuppressWarnings("unchecked")
    class Scheduling {
        private static final String ALIAS_ARN_PREFIX = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:";
        private static final List<String> SCHEDULE_ACTIONS = List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule",
                "scheduler:DeleteSchedule", "scheduler:GetSchedule");

        private final Map<String, Object> document = SamTemplate.load(RepoRoot.resolve("template.yaml")).document();
        private final Map<String, Object> resources = (Map<String, Object>) document.get("Resources");

        @Test
        void the_timed_jobs_function_has_no_http_route_and_the_scheduler_invokes_its_live_alias() {
            Map<String, Object> function = properties("TimedJobsFunction");
            assertThat(function).containsEntry("Handler", "com.studiobooking.functions.TimedJobsHandler::handleRequest")
                    .doesNotContainKey("Events");
            // The alias ARN is built from the function's name and alias (a reference would be circular):
            // the environment and the scheduler role must name exactly that function and alias.
            String name = (String) ((Map<String, Object>) function.get("FunctionName")).get("Fn::Sub");
            String alias = (String) ((Map<String, Object>) ((Map<String, Object>) document.get("Globals")).get("Function"))
                    .get("AutoPublishAlias");
            Map<String, Object> aliasArn = Map.of("Fn::Sub", ALIAS_ARN_PREFIX + name + ":" + alias);
            assertThat(globalVariables()).containsEntry("TIMED_JOBS_FUNCTION_ARN", aliasArn)
                    .containsEntry("SCHEDULE_GROUP", Map.of("Ref", "TimedJobsScheduleGroup"))
                    .containsEntry("SCHEDULER_ROLE_ARN", Map.of("Fn::GetAtt", List.of("SchedulerRole", "Arn")))
                    .containsEntry("SCHEDULER_DLQ_ARN", Map.of("Fn::GetAtt", List.of("TimedJobsDeadLetterQueue", "Arn")));
            List<Map<String, Object>> roleStatements = ((List<Map<String, Object>>) properties("SchedulerRole").get("Policies"))
                    .stream().flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument"))
                            .get("Statement")).stream()).toList();
            assertThat(roleStatements).containsExactlyInAnyOrder(
                    Map.of("Effect", "Allow", "Action", "lambda:InvokeFunction", "Resource", aliasArn),
                    Map.of("Effect", "Allow", "Action", "sqs:SendMessage",
                            "Resource", Map.of("Fn::GetAtt", List.of("TimedJobsDeadLetterQueue", "Arn"))));
        }

        @Test
        void only_scheduler_in_this_account_assumes_the_scheduler_role() {
            Map<String, Object> trust = (Map<String, Object>) properties("SchedulerRole").get("AssumeRolePolicyDocument");
            assertThat((List<Object>) trust.get("Statement")).containsExactly(Map.of("Effect", "Allow",
                    "Principal", Map.of("Service", "scheduler.amazonaws.com"), "Action", "sts:AssumeRole",
                    "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))));
            assertThat(resources).extractingByKey("TimedJobsScheduleGroup").extracting("Type")
                    .isEqualTo("AWS::Scheduler::ScheduleGroup");
        }

        @Test
        void the_functions_that_manage_schedules_may_and_the_others_may_not() {
            // TimedJobsFunction reschedules an early release and a refund retry (FunctionPermissionsTest checks the code)
            List<String> managers = List.of("AdminFunction", "BookingFunction", "PaymentWebhookFunction", "LinkReleaseFunction",
                    "TimedJobsFunction");
            resources.forEach((id, resource) -> {
                if (!"AWS::Serverless::Function".equals(((Map<String, Object>) resource).get("Type"))) return;
                List<Map<String, Object>> statements = ((List<Object>) properties(id).get("Policies")).stream()
                        .filter(p -> p instanceof Map<?, ?> m && m.containsKey("Statement"))
                        .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p).get("Statement")).stream())
                        .toList();
                boolean schedules = statements.stream().anyMatch(st -> SCHEDULE_ACTIONS.equals(st.get("Action"))
                        && Map.of("Fn::Sub", "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/"
                                + "${TimedJobsScheduleGroup}/*").equals(st.get("Resource")));
                boolean passesRole = statements.stream().anyMatch(st -> "iam:PassRole".equals(st.get("Action"))
                        && Map.of("Fn::GetAtt", List.of("SchedulerRole", "Arn")).equals(st.get("Resource"))
                        && Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com"))
                                .equals(st.get("Condition")));
                assertThat(schedules).as(id + " manages schedules").isEqualTo(managers.contains(id));
                assertThat(passesRole).as(id + " passes the scheduler role").isEqualTo(managers.contains(id));
            });
        }

        private Map<String, Object> properties(String logicalId) {
            return (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId)).get("Properties");
        }

        private Map<String, Object> globalVariables() {
            Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) document.get("Globals")).get("Function");
            return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
        }
    }

    /**
     * Stripe's secrets (docs/deploy.md, docs/decisions/stripe.md): named by two parameters like the token
     * secret; only the functions that take payments or refund get their names, and each reads only what it
     * uses: the secret key for checkouts and refunds, the webhook signing secret only where events arrive.
     */
    @Nested
    @SuppressWarnings("unchecked")
    class Stripe {
        private static final Map<String, String> PARAMETERS = Map.of(
                "STRIPE_SECRET_KEY_PARAMETER", "StripeSecretKeyParameterName",
                "STRIPE_WEBHOOK_SECRET_PARAMETER", "StripeWebhookSecretParameterName");
        /** Which Stripe secrets each function may read; functions not listed may read none. */
        private static final Map<String, List<String>> READERS = Map.of(
                "BookingFunction", List.of("StripeSecretKeyParameterName"),
                "AdminFunction", List.of("StripeSecretKeyParameterName"),
                "PaymentWebhookFunction", List.of("StripeSecretKeyParameterName", "StripeWebhookSecretParameterName"),
                "TimedJobsFunction", List.of("StripeSecretKeyParameterName"));

        private final Map<String, Object> document = SamTemplate.load(RepoRoot.resolve("template.yaml")).document();
        private final Map<String, Object> resources = (Map<String, Object>) document.get("Resources");

        @Test
        void the_secret_parameters_are_secrets_manager_names_like_the_token_secret() {
            Map<String, Object> parameters = (Map<String, Object>) document.get("Parameters");
            Map<String, Object> token = (Map<String, Object>) parameters.get("TokenSecretParameterName");
            assertThat(token).containsEntry("Default", "studio-booking/token-secret");
            assertThat((Map<String, Object>) parameters.get("StripeSecretKeyParameterName"))
                    .containsEntry("Default", "studio-booking/stripe-secret-key")
                    .containsEntry("AllowedPattern", token.get("AllowedPattern"));
            assertThat((Map<String, Object>) parameters.get("StripeWebhookSecretParameterName"))
                    .containsEntry("Default", "studio-booking/stripe-webhook-secret")
                    .containsEntry("AllowedPattern", token.get("AllowedPattern"));
            // an SSM name of before issue 16 (a stale override) is refused at deploy, not at the first request
            java.util.regex.Pattern allowed = java.util.regex.Pattern.compile((String) token.get("AllowedPattern"));
            assertThat(allowed.matcher("studio-booking/token-secret").matches()).isTrue();
            assertThat(allowed.matcher("/studio-booking/token-secret").matches()).isFalse();
            assertThat(allowed.matcher("arn:aws:secretsmanager:eu-central-1:1:secret:x-AbCdEf").matches()).isFalse();
            assertThat(document).doesNotContainKey("Conditions");
        }

        @Test
        void only_the_functions_that_take_payments_or_refund_get_the_stripe_variables() {
            Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    document.get("Globals")).get("Function")).get("Environment");
            assertThat((Map<String, Object>) globals.get("Variables")).doesNotContainKeys(PARAMETERS.keySet().toArray(String[]::new));
            functions().forEach(id -> {
                Map<String, Object> environment = (Map<String, Object>) properties(id).getOrDefault("Environment", Map.of());
                Map<String, Object> variables = (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
                if (READERS.containsKey(id)) {
                    // Config.stripeKeys takes the two names as a pair, so each of these functions gets both.
                    PARAMETERS.forEach((variable, parameter) ->
                            assertThat(variables).as(id).containsEntry(variable, Map.of("Ref", parameter)));
                } else {
                    assertThat(variables).as(id).doesNotContainKeys(PARAMETERS.keySet().toArray(String[]::new));
                }
            });
        }

        @Test
        void each_function_may_read_only_the_stripe_secrets_it_uses_from_secrets_manager() {
            functions().forEach(id -> {
                List<Object> policies = (List<Object>) properties(id).get("Policies");
                for (String parameter : PARAMETERS.values()) {
                    Map<String, Object> secretsManager = Map.of("AWSSecretsManagerGetSecretValuePolicy", Map.of("SecretArn",
                            Map.of("Fn::Sub", "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${"
                                    + parameter + "}-??????")));
                    boolean reads = READERS.getOrDefault(id, List.of()).contains(parameter);
                    assertThat(policies.contains(secretsManager)).as(id + " reads " + parameter + " from Secrets Manager")
                            .isEqualTo(reads);
                    assertThat(policies.stream().filter(p -> p.toString().contains(parameter)).count())
                            .as(id + " policies naming " + parameter).isEqualTo(reads ? 1 : 0);
                }
                assertThat(policies.toString()).as(id).doesNotContain("SSMParameter");
            });
        }

        @Test
        void the_payment_webhook_function_serves_the_stripe_route() {
            assertThat(properties("PaymentWebhookFunction"))
                    .containsEntry("Handler", "com.studiobooking.functions.PaymentWebhookHandler::handleRequest");
            SamTemplate.RouteMatch match = SamTemplate.load(RepoRoot.resolve("template.yaml"))
                    .match("POST", "/webhooks/stripe").orElseThrow();
            assertThat(match.route().functionLogicalId()).isEqualTo("PaymentWebhookFunction");
            assertThat(match.pathParameters()).isEmpty();
        }

        private List<String> functions() {
            List<String> functions = resources.entrySet().stream()
                    .filter(e -> "AWS::Serverless::Function".equals(((Map<String, Object>) e.getValue()).get("Type")))
                    .map(Map.Entry::getKey).toList();
            assertThat(functions).containsAll(READERS.keySet());
            return functions;
        }

        private Map<String, Object> properties(String logicalId) {
            return (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId)).get("Properties");
        }
    }

    @Nested
    class Table {
        private final SamTemplate.TableDefinition table = SamTemplate.load(RepoRoot.resolve("template.yaml")).table();

        @Test
        void the_table_has_pk_sk_keys_one_gsi_and_ttl() {
            assertThat(table.logicalId()).isEqualTo("StudioTable");
            assertThat(table.attributeTypes()).containsOnly(
                    entry("PK", "S"), entry("SK", "S"), entry("GSI1PK", "S"), entry("GSI1SK", "S"));
            assertThat(table.partitionKey()).isEqualTo("PK");
            assertThat(table.sortKey()).isEqualTo("SK");
            assertThat(table.globalSecondaryIndexes()).containsExactly(new SamTemplate.TableDefinition.Index("GSI1",
                    List.of(new SamTemplate.TableDefinition.Key("GSI1PK", "HASH"),
                            new SamTemplate.TableDefinition.Key("GSI1SK", "RANGE")),
                    "ALL", List.of()));
            assertThat(table.billingMode()).isEqualTo("PAY_PER_REQUEST");
            assertThat(table.ttlAttribute()).isEqualTo("ttl");
        }

        @Test
        void a_dynamodb_engine_creates_the_table_from_the_definition() {
            DynamoDbClient dynamo = TestTables.motoClient();
            String name = "studio-booking-from-template-" + System.nanoTime();
            dynamo.createTable(table.createTableRequest(name));
            table.timeToLiveRequest(name).ifPresent(dynamo::updateTimeToLive);

            TableDescription created = dynamo.describeTable(d -> d.tableName(name)).table();
            assertThat(created.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                    .containsExactly("PK HASH", "SK RANGE");
            assertThat(created.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
                assertThat(gsi.indexName()).isEqualTo("GSI1");
                assertThat(gsi.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                        .containsExactly("GSI1PK HASH", "GSI1SK RANGE");
                assertThat(gsi.projection().projectionTypeAsString()).isEqualTo("ALL");
            });
            assertThat(dynamo.describeTimeToLive(d -> d.tableName(name))
                    .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        }

        @Test
        void the_local_engine_and_the_code_read_the_same_table_shape_as_the_template() {
            assertThat(table.shape()).isEqualTo(TableShape.STUDIO_BOOKING);
            assertThat(table.createTableRequest("t").attributeDefinitions())
                    .containsExactlyInAnyOrderElementsOf(StudioTable.createRequest("t").attributeDefinitions());
        }

        @Test
        void a_table_without_indexes_or_ttl_needs_neither() {
            SamTemplate.TableDefinition plain = sample.table();
            assertThat(plain.globalSecondaryIndexes()).isEmpty();
            assertThat(plain.timeToLiveRequest("t")).isEmpty();
            assertThat(plain.createTableRequest("t").provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        }
    }

    @Nested
    class Environment {
        @Test
        void global_environment_holds_only_literal_values() {
            assertThat(sample.globalEnvironment()).containsExactly(entry("LITERAL", "plain"), entry("NUMBER", "42"));
        }

        @Test
        void refs_resolve_from_given_values_then_parameter_defaults_and_the_rest_is_left_out() {
            assertThat(sample.globalEnvironment(Map.of("Table", "local-table"))).containsExactly(
                    entry("LITERAL", "plain"), entry("NUMBER", "42"), entry("TABLE", "local-table"),
                    entry("GREETING", "hello"));
        }

        @Test
        void the_real_template_shares_the_tiered_compilation_flags_and_names_every_variable() {
            SamTemplate real = SamTemplate.load(RepoRoot.resolve("template.yaml"));
            assertThat(real.globalEnvironment())
                    .containsExactly(entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));
            assertThat(real.globalEnvironment(Map.of("StudioTable", "studio-booking", "SenderEmail", "a@example.com",
                    "TimedJobsScheduleGroup", "studio-booking-timed-jobs")))
                    .containsOnlyKeys("TABLE_NAME", "SENDER_EMAIL", "TOKEN_SECRET_PARAMETER", "WIDGET_BASE_URL",
                            "ADMIN_PAGE_URL", "SCHEDULE_GROUP", "JAVA_TOOL_OPTIONS")
                    .containsEntry("TABLE_NAME", "studio-booking")
                    .containsEntry("SCHEDULE_GROUP", "studio-booking-timed-jobs")
                    .containsEntry("TOKEN_SECRET_PARAMETER", "studio-booking/token-secret");
            assertThat(real.parameterDefaults()).containsEntry("LogRetentionDays", "30");
        }
    }
}
