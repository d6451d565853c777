package com.studiobooking.local;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking widget and the admin page in {@code web/}: the local runtime serves them with the right
 * content types, and every API call their JavaScript makes is an operation of {@code docs/openapi.yaml}
 * (method, path and query parameters), so the pages cannot drift from the contract.
 *
 * <p>The pages call the API only as {@code api('METHOD', `/path/${id}?${query({ name, … })}`, …)}; the
 * test reads those calls from the source and fails on any {@code api(} call in another form.
 */
class WebPagesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** api('GET', `/studios/${enc(id)}/slots?${query({ serviceId, from, to })}` */
    private static final Pattern API_CALL = Pattern.compile("\\bapi\\(\\s*'([A-Z]+)'\\s*,\\s*`([^`]*)`");
    private static final Pattern ANY_API_CALL = Pattern.compile("(?<!function )\\bapi\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");
    private static final String QUERY_START = "?${query({";

    private static LocalRuntime runtime;
    private static OpenAPI openApi;
    private static Path web;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        openApi = new OpenAPIV3Parser().readLocation(RepoRoot.resolve("docs/openapi.yaml").toString(), null, options).getOpenAPI();
        web = RepoRoot.resolve("web");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void the_runtime_serves_both_pages_and_their_scripts_and_styles() throws Exception {
        for (String page : List.of("widget", "admin")) {
            HttpResponse<String> html = get("/" + page + "/");
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(contentType(html)).as(page).startsWith("text/html");
            assertThat(html.body()).as(page)
                    .contains("<script type=\"module\" src=\"" + page + ".js\"></script>")
                    .contains("<link rel=\"stylesheet\" href=\"" + page + ".css\">")
                    .contains("<html lang=\"en\">");
            assertThat(html.body()).as(page + " is the file in web/")
                    .isEqualTo(Files.readString(web.resolve(page).resolve("index.html")));

            HttpResponse<String> script = get("/" + page + "/" + page + ".js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(contentType(script)).startsWith("text/javascript");
            assertThat(script.body()).contains("api(");

            HttpResponse<String> style = get("/" + page + "/" + page + ".css");
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(contentType(style)).startsWith("text/css");
        }
        assertThat(get("/widget/?studio=" + DemoStudio.STUDIO_ID).statusCode()).isEqualTo(200);
        assertThat(get("/admin/?studio=" + DemoStudio.STUDIO_ID + "&session=ss_x").statusCode()).isEqualTo(200);
    }

    @Test
    void every_api_call_of_the_pages_is_a_documented_operation_with_documented_query_parameters() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String script : List.of("widget/*.js", "admin/*.js")) {
            String source = withoutLineComments(source(script));
            List<Call> calls = calls(source);
            assertThat(calls).as(script + " calls the API").isNotEmpty();
            long anyForm = ANY_API_CALL.matcher(source).results().count();
            if (anyForm != calls.size()) {
                problems.add(script + ": " + anyForm + " api( calls but only " + calls.size()
                        + " in the checked form api('METHOD', `/path…`)");
            }
            for (Call call : calls) problems.addAll(check(script, call));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_widget_and_the_admin_page_cover_their_operations() throws Exception {
        assertThat(operationIds("widget/*.js")).contains("getStudioProfile", "listSessions", "findSlots",
                "createBooking", "getBooking", "cancelBooking", "requestLoginCode", "exchangeLoginCode", "getMyWallet");
        assertThat(operationIds("admin/*.js")).contains("requestLoginCode", "exchangeLoginCode", "listSessions",
                "getSession", "createSession", "setOnlineAccess", "confirmPayment", "cancelSession", "listBookings",
                "listStaff", "addStaff", "listLocations", "addLocation", "listServices", "addService",
                "getAvailability", "changeAvailability", "getSettings", "changeSettings");
        String widget = source("widget/*.js");
        String transport = Files.readString(web.resolve("shared/http.js"));
        assertThat(transport).as("the shared transport sends the Idempotency-Key").contains("headers['idempotency-key']");
        assertThat(widget).as("bookings are sent with an Idempotency-Key")
                .containsPattern("send\\(method, path, \\{[^}]*\\bidempotencyKey\\b")
                .containsPattern("api\\('POST', `/studios/\\$\\{[^}]*}/bookings`, \\{[^}]*\\bidempotencyKey\\b");
    }

    @Test
    void the_pages_put_api_data_into_the_dom_as_text_and_load_nothing_from_elsewhere() throws Exception {
        try (Stream<Path> files = Files.walk(web)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                String name = web.relativize(file).toString();
                if (name.endsWith(".js")) {
                    assertThat(text).as(name).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                            "document.write", "eval(", "new Function");
                }
                if (name.endsWith(".html") || name.endsWith(".css")) {
                    assertThat(text).as(name + " loads nothing from another site")
                            .doesNotContainPattern("(src|href)=\"(https?:)?//")
                            .doesNotContain("@import")
                            .doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
                }
                if (name.endsWith(".html")) {
                    assertThat(text).as(name + " has a content security policy").contains("Content-Security-Policy");
                }
            }
        }
    }

    @Test
    void every_form_control_in_the_pages_has_a_label() throws Exception {
        Pattern control = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
        Pattern id = Pattern.compile("\\bid=\"([^\"]+)\"");
        List<String> unlabelled = new ArrayList<>();
        for (String page : List.of("widget/index.html", "admin/index.html")) {
            String html = Files.readString(web.resolve(page));
            Matcher m = control.matcher(html);
            while (m.find()) {
                String attributes = m.group(2);
                if (attributes.matches("(?s).*\\btype=\"(hidden|submit|button)\".*") || attributes.contains("aria-label")) continue;
                Matcher idMatch = id.matcher(attributes);
                if (!idMatch.find() || !html.contains("<label for=\"" + idMatch.group(1) + "\"")) {
                    unlabelled.add(page + ": <" + m.group(1) + attributes + ">");
                }
            }
        }
        assertThat(unlabelled).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /** One api(…) call of a page: method, path template ({} for each placeholder) and query parameter names. */
    record Call(String method, String path, List<String> queryNames, String source) {
    }

    static List<Call> calls(String source) {
        List<Call> calls = new ArrayList<>();
        Matcher m = API_CALL.matcher(source);
        while (m.find()) {
            String literal = m.group(2);
            String path = literal;
            List<String> names = new ArrayList<>();
            int query = literal.indexOf(QUERY_START);
            if (query >= 0) {
                path = literal.substring(0, query);
                int end = literal.indexOf("})}", query);
                String object = end < 0 ? "" : literal.substring(query + QUERY_START.length(), end);
                for (String entry : object.split(",")) {
                    String key = entry.split(":")[0].trim();
                    if (!key.isEmpty()) names.add(key);
                }
            }
            calls.add(new Call(m.group(1), PLACEHOLDER.matcher(path).replaceAll("{}"), names, m.group()));
        }
        return calls;
    }

    private static List<String> check(String script, Call call) {
        List<String> problems = new ArrayList<>();
        String where = script + ": " + call.source().replaceAll("\\s+", " ");
        if (call.path().contains("?") || call.path().contains("${")) {
            problems.add(where + ": query strings go through ?${query({ … })}, placeholders are whole path segments");
            return problems;
        }
        Optional<Map.Entry<String, PathItem>> documented = openApi.getPaths().entrySet().stream()
                .filter(e -> sameTemplate(e.getKey(), call.path())).findFirst();
        if (documented.isEmpty()) {
            problems.add(where + ": no path " + call.path() + " in docs/openapi.yaml");
            return problems;
        }
        PathItem item = documented.get().getValue();
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(call.method()));
        if (operation == null) {
            problems.add(where + ": " + documented.get().getKey() + " has no " + call.method() + " operation");
            return problems;
        }
        Set<String> declared = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Stream.concat(list(item.getParameters()).stream(), list(operation.getParameters()).stream())
                .map(WebPagesTest::resolve)
                .filter(p -> "query".equals(p.getIn()))
                .forEach(p -> {
                    declared.add(p.getName());
                    if (Boolean.TRUE.equals(p.getRequired())) required.add(p.getName());
                });
        for (String name : call.queryNames()) {
            if (!declared.contains(name)) problems.add(where + ": query parameter " + name + " is not documented");
        }
        for (String name : required) {
            if (!call.queryNames().contains(name)) problems.add(where + ": required query parameter " + name + " is missing");
        }
        return problems;
    }

    /** /studios/{studioId}/slots matches /studios/{}/slots: placeholders stand for whole segments. */
    static boolean sameTemplate(String documented, String called) {
        String[] expected = documented.split("/", -1);
        String[] actual = called.split("/", -1);
        if (expected.length != actual.length) return false;
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (parameter ? !actual[i].equals("{}") : !expected[i].equals(actual[i])) return false;
        }
        return true;
    }

    private Set<String> operationIds(String script) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        for (Call call : calls(withoutLineComments(source(script)))) {
            openApi.getPaths().entrySet().stream().filter(e -> sameTemplate(e.getKey(), call.path())).findFirst()
                    .map(e -> e.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(call.method())))
                    .ifPresent(operation -> ids.add(operation.getOperationId()));
        }
        return ids;
    }

    /** A script of web/, or with "dir/*.js" all scripts of that folder (the admin page's modules) one after another. */
    private String source(String script) throws IOException {
        if (!script.endsWith("/*.js")) return Files.readString(web.resolve(script));
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(web.resolve(script.substring(0, script.indexOf('/'))))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    /** Whole-line // comments may mention api(…) in prose. */
    static String withoutLineComments(String source) {
        return source.replaceAll("(?m)^\\s*//.*$", "");
    }

    private static Parameter resolve(Parameter parameter) {
        if (parameter.get$ref() == null) return parameter;
        String ref = parameter.get$ref();
        return openApi.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
    }
}
