package com.studiobooking.local;

import com.studiobooking.local.browser.Browser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml hosts web/ as issue 14 asks: a private bucket only the stack's CloudFront distribution
 * reads (origin access control), HTTPS, short cache, and the API on the same origin so the pages need no
 * API address built in. Read from the real template and the real pages; the CloudFront function's code
 * runs in Chromium.
 */
class WebHostingTemplateTest {
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private final SamTemplate template = SamTemplate.load(RepoRoot.resolve("template.yaml"));
    private final Map<String, Object> resources = map(template.document().get("Resources"));

    @Test
    void the_bucket_is_private_and_only_the_distribution_reads_it_over_https() {
        Map<String, Object> bucket = properties("WebBucket");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).containsOnly(
                Map.entry("BlockPublicAcls", true), Map.entry("BlockPublicPolicy", true),
                Map.entry("IgnorePublicAcls", true), Map.entry("RestrictPublicBuckets", true));

        List<Map<String, Object>> statements = list(map(properties("WebBucketPolicy").get("PolicyDocument")).get("Statement"));
        List<Map<String, Object>> allows = statements.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertThat(allows).singleElement().satisfies(allow -> {
            assertThat(allow.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
            assertThat(allow.get("Action")).isEqualTo("s3:GetObject");
            assertThat(String.valueOf(allow.get("Condition"))).contains("AWS:SourceArn").contains("${WebDistribution}");
        });
        assertThat(statements).anySatisfy(deny -> {
            assertThat(deny.get("Effect")).isEqualTo("Deny");
            assertThat(String.valueOf(deny.get("Condition"))).contains("aws:SecureTransport=false");
        });

        Map<String, Object> pages = origin("pages");
        assertThat(pages).containsKey("OriginAccessControlId");
        assertThat(map(pages.get("S3OriginConfig"))).containsEntry("OriginAccessIdentity", "");
        assertThat(map(map(properties("WebOriginAccessControl").get("OriginAccessControlConfig"))))
                .containsEntry("SigningBehavior", "always").containsEntry("OriginAccessControlOriginType", "s3");
    }

    @Test
    void every_page_folder_is_served_from_the_bucket_and_everything_else_goes_to_the_api_uncached() throws IOException {
        List<Map<String, Object>> pageBehaviours = list(distribution().get("CacheBehaviors"));
        for (String folder : webFolders()) {
            assertThat(pageBehaviours).as("a behaviour serving web/%s/", folder)
                    .anySatisfy(b -> {
                        assertThat(matches(String.valueOf(b.get("PathPattern")), "/" + folder + "/index.html")).isTrue();
                        assertThat(b.get("TargetOriginId")).isEqualTo("pages");
                    });
        }
        for (Map<String, Object> b : pageBehaviours) {
            assertThat(b.get("ViewerProtocolPolicy")).isIn("redirect-to-https", "https-only");
            assertThat(b.get("CachePolicyId")).isEqualTo(Map.of("Ref", "WebCachePolicy"));
        }
        assertThat(map(map(properties("WebCachePolicy").get("CachePolicyConfig")))).containsEntry("DefaultTTL", 300);

        Map<String, Object> api = map(distribution().get("DefaultCacheBehavior"));
        assertThat(api.get("TargetOriginId")).isEqualTo("api");
        assertThat(api.get("ViewerProtocolPolicy")).isEqualTo("https-only");
        assertThat(api.get("CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat(api.get("OriginRequestPolicyId")).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
        Set<String> methods = new TreeSet<>();
        template.routes().forEach(r -> methods.add(r.method()));
        assertThat(strings(api.get("AllowedMethods")))
                .as("every method the API's routes use").containsAll(methods);
        assertThat(String.valueOf(origin("api").get("DomainName"))).contains("${StudioApi}.execute-api.");
    }

    @Test
    void no_api_route_is_swallowed_by_a_page_behaviour() {
        List<String> patterns = list(distribution().get("CacheBehaviors")).stream()
                .map(b -> String.valueOf(b.get("PathPattern"))).toList();
        assertThat(template.routes()).isNotEmpty().allSatisfy(route -> {
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            assertThat(patterns).as(route.routeKey()).noneMatch(p -> matches(p, path));
        });
    }

    @Test
    void the_pages_call_the_api_on_their_own_origin() throws IOException {
        Pattern meta = Pattern.compile("<meta name=\"studio-booking-api\" content=\"([^\"]*)\">");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(RepoRoot.resolve("web"))) {
            pages = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(pages).isNotEmpty().allSatisfy(page -> {
            Matcher m = meta.matcher(Files.readString(page));
            if (m.find()) assertThat(m.group(1)).as("%s: an API address built into the page", page).isEmpty();
        });
    }

    @Test
    void folder_paths_answer_with_their_index_page_in_the_cloudfront_function() {
        String code = String.valueOf(properties("WebIndexFunction").get("FunctionCode"));
        try (Browser browser = Browser.start()) {
            browser.driver().get("about:blank");
            String run = "const handler = new Function(arguments[0] + '; return handler;')();"
                    + "const out = handler({request: {uri: arguments[1], headers: {}}});"
                    + "return out.uri !== undefined ? 'uri ' + out.uri"
                    + " : out.statusCode + ' ' + out.headers.location.value;";
            assertThat(browser.script(run, code, "/admin/")).isEqualTo("uri /admin/index.html");
            assertThat(browser.script(run, code, "/widget/")).isEqualTo("uri /widget/index.html");
            assertThat(browser.script(run, code, "/admin")).isEqualTo("301 /admin/");
            assertThat(browser.script(run, code, "/widget")).isEqualTo("301 /widget/");
            assertThat(browser.script(run, code, "/widget/widget.js")).isEqualTo("uri /widget/widget.js");
            assertThat(browser.script(run, code, "/admin/i18n/ro.json")).isEqualTo("uri /admin/i18n/ro.json");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A CloudFront path pattern ({@code *} any characters, {@code ?} one) against a path. */
    private static boolean matches(String pattern, String path) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return path.matches(regex);
    }

    private static List<String> webFolders() throws IOException {
        List<String> folders = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(RepoRoot.resolve("web"))) {
            dirs.filter(Files::isDirectory).forEach(d -> folders.add(d.getFileName().toString()));
        }
        assertThat(folders).contains("admin", "widget", "shared");
        return folders;
    }

    private Map<String, Object> distribution() {
        return map(properties("WebDistribution").get("DistributionConfig"));
    }

    private Map<String, Object> origin(String id) {
        return list(distribution().get("Origins")).stream().filter(o -> id.equals(o.get("Id"))).findFirst().orElseThrow();
    }

    private Map<String, Object> properties(String logicalId) {
        return map(map(resources.get(logicalId)).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
