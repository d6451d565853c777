package com.studiobooking.local;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import com.studiobooking.infrastructure.table.TableShape;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code template.yaml} declares that the local runtime must reproduce: the HTTP routes and the
 * handler behind each, the DynamoDB table, and the environment shared by all functions. Reading the
 * deployable template (rather than a copy of it) keeps local runs and AWS serving the same routes.
 *
 * <p>CloudFormation short tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, …) are read into their long
 * form ({@code {"Ref": …}}, {@code {"Fn::Sub": …}}), as CloudFormation itself does.
 */
public final class SamTemplate {

    /** One HTTP route: {@code method} is upper case ({@code ANY} matches every method). */
    public record Route(String method, String path, String functionLogicalId, String handler) {
        /** The API Gateway route key, e.g. {@code POST /studios/{studioId}/staff}, or {@code $default}. */
        public String routeKey() {
            return DEFAULT_ROUTE.equals(path) ? DEFAULT_ROUTE : method + " " + path;
        }
    }

    /** A route chosen for a request, with the decoded values of its path parameters. */
    public record RouteMatch(Route route, Map<String, String> pathParameters) {
    }

    /** The table as declared: enough to create it in a DynamoDB engine or open it on the local SQLite engine. */
    public record TableDefinition(String logicalId, Map<String, String> attributeTypes, List<Key> keySchema,
                                  List<Index> globalSecondaryIndexes, String billingMode, String ttlAttribute) {

        public record Key(String attributeName, String keyType) {
        }

        public record Index(String indexName, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes) {
        }

        public String partitionKey() {
            return keyOfType(keySchema, "HASH");
        }

        public String sortKey() {
            return keyOfType(keySchema, "RANGE");
        }

        public Optional<Index> index(String name) {
            return globalSecondaryIndexes.stream().filter(i -> i.indexName().equals(name)).findFirst();
        }

        /** The key schema for the local SQLite engine; every key attribute must be a string. */
        public TableShape shape() {
            Map<String, TableShape.Index> indexes = new java.util.LinkedHashMap<>();
            for (Index index : globalSecondaryIndexes) {
                if (!"ALL".equals(index.projectionType())) {
                    throw new IllegalStateException("index " + index.indexName() + " must project ALL attributes");
                }
                indexes.put(index.indexName(), new TableShape.Index(keyOfType(index.keySchema(), "HASH"),
                        keyOfType(index.keySchema(), "RANGE")));
            }
            attributeTypes.forEach((attribute, type) -> {
                if (!"S".equals(type)) throw new IllegalStateException("key attribute " + attribute + " must be a string (S)");
            });
            return new TableShape(partitionKey(), sortKey(), indexes, ttlAttribute);
        }

        public CreateTableRequest createTableRequest(String tableName) {
            boolean provisioned = "PROVISIONED".equals(billingMode);
            ProvisionedThroughput throughput = ProvisionedThroughput.builder()
                    .readCapacityUnits(5L).writeCapacityUnits(5L).build();
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(tableName)
                    .attributeDefinitions(attributeTypes.entrySet().stream()
                            .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                            .toList())
                    .keySchema(keyElements(keySchema))
                    .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
            if (provisioned) request.provisionedThroughput(throughput);
            if (!globalSecondaryIndexes.isEmpty()) {
                request.globalSecondaryIndexes(globalSecondaryIndexes.stream().map(i -> {
                    Projection.Builder projection = Projection.builder().projectionType(i.projectionType());
                    if (!i.nonKeyAttributes().isEmpty()) projection.nonKeyAttributes(i.nonKeyAttributes());
                    GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                            .indexName(i.indexName()).keySchema(keyElements(i.keySchema())).projection(projection.build());
                    if (provisioned) gsi.provisionedThroughput(throughput);
                    return gsi.build();
                }).toList());
            }
            return request.build();
        }

        /** The request that turns on expiry by {@link #ttlAttribute()}, when the template enables it. */
        public Optional<UpdateTimeToLiveRequest> timeToLiveRequest(String tableName) {
            return Optional.ofNullable(ttlAttribute).map(attribute -> UpdateTimeToLiveRequest.builder()
                    .tableName(tableName)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))
                    .build());
        }

        private static List<KeySchemaElement> keyElements(List<Key> keys) {
            return keys.stream()
                    .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                    .toList();
        }

        private static String keyOfType(List<Key> keys, String type) {
            return keys.stream().filter(k -> k.keyType().equals(type)).map(Key::attributeName).findFirst().orElse(null);
        }
    }

    static final String DEFAULT_ROUTE = "$default";

    private final Map<String, Object> root;
    private final List<Route> routes;
    private final List<CompiledRoute> matchOrder;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
        this.routes = List.copyOf(readRoutes());
        this.matchOrder = routes.stream().map(CompiledRoute::of).sorted().toList();
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        Object document = new Yaml(new CloudFormationConstructor()).load(yaml);
        if (!(document instanceof Map<?, ?>)) throw new IllegalArgumentException("a SAM template is a YAML mapping");
        return new SamTemplate(asMap(document, "template"));
    }

    /** The whole template as plain maps and lists, short tags in long form. */
    public Map<String, Object> document() {
        return root;
    }

    /** Every HTTP route, in template order. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The route API Gateway would choose for this request: literal segments win over {@code {param}},
     * which win over {@code {proxy+}}; a route for the method wins over {@code ANY}; {@code $default} last.
     */
    public Optional<RouteMatch> match(String method, String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        String[] segments = split(path);
        String verb = method.toUpperCase(Locale.ROOT);
        for (CompiledRoute candidate : matchOrder) {
            Map<String, String> parameters = candidate.match(verb, segments);
            if (parameters != null) return Optional.of(new RouteMatch(candidate.route, parameters));
        }
        return Optional.empty();
    }

    /** The template's only DynamoDB table. */
    public TableDefinition table() {
        List<String> tables = resourcesOfType("AWS::DynamoDB::Table");
        if (tables.size() != 1) {
            throw new IllegalStateException("expected one AWS::DynamoDB::Table, found " + tables);
        }
        return table(tables.get(0));
    }

    public TableDefinition table(String logicalId) {
        Map<String, Object> resource = asMap(resources().get(logicalId), logicalId);
        Map<String, Object> properties = asMap(resource.get("Properties"), logicalId + ".Properties");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object definition : asList(properties.get("AttributeDefinitions"))) {
            Map<String, Object> d = asMap(definition, "AttributeDefinitions");
            attributes.put(text(d.get("AttributeName")), text(d.get("AttributeType")));
        }
        List<TableDefinition.Index> indexes = new ArrayList<>();
        for (Object gsi : asList(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> g = asMap(gsi, "GlobalSecondaryIndexes");
            Map<String, Object> projection = asMap(g.getOrDefault("Projection", Map.of()), "Projection");
            indexes.add(new TableDefinition.Index(text(g.get("IndexName")), keys(g.get("KeySchema")),
                    String.valueOf(projection.getOrDefault("ProjectionType", "ALL")),
                    asList(projection.get("NonKeyAttributes")).stream().map(SamTemplate::text).toList()));
        }
        String ttl = null;
        if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> spec
                && Boolean.parseBoolean(String.valueOf(spec.get("Enabled")))) {
            ttl = text(spec.get("AttributeName"));
        }
        Object billing = properties.get("BillingMode");
        return new TableDefinition(logicalId, Collections.unmodifiableMap(attributes), keys(properties.get("KeySchema")),
                List.copyOf(indexes), billing instanceof String b ? b : "PROVISIONED", ttl);
    }

    /**
     * {@code Globals.Function.Environment.Variables} whose value is a literal. Values given by an intrinsic
     * function ({@code !Ref StudioTable}, {@code !Ref SenderEmail}, …) are left out: see
     * {@link #globalEnvironment(Map)} to resolve them.
     */
    public Map<String, String> globalEnvironment() {
        return globalEnvironment(Map.of(), false);
    }

    /**
     * {@code Globals.Function.Environment.Variables} with each {@code !Ref X} resolved from {@code refs}, or
     * else from the default of parameter {@code X}; variables that stay unresolved are left out.
     */
    public Map<String, String> globalEnvironment(Map<String, String> refs) {
        return globalEnvironment(refs, true);
    }

    /** The {@code Default} of every template parameter that has one. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        asMap(root.getOrDefault("Parameters", Map.of()), "Parameters").forEach((name, parameter) -> {
            if (parameter instanceof Map<?, ?> p && p.get("Default") != null) defaults.put(name, scalar(p.get("Default")));
        });
        return defaults;
    }

    private Map<String, String> globalEnvironment(Map<String, String> refs, boolean resolveRefs) {
        Map<String, String> parameterDefaults = resolveRefs ? parameterDefaults() : Map.of();
        Map<String, String> environment = new LinkedHashMap<>();
        Object variables = path(root, "Globals", "Function", "Environment", "Variables");
        if (variables == null) return environment;
        asMap(variables, "Globals.Function.Environment.Variables").forEach((name, value) -> {
            if (value instanceof Map<?, ?> intrinsic) {
                if (resolveRefs && intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String ref) {
                    String resolved = refs.containsKey(ref) ? refs.get(ref) : parameterDefaults.get(ref);
                    if (resolved != null) environment.put(name, resolved);
                }
            } else if (value != null) {
                environment.put(name, scalar(value));
            }
        });
        return environment;
    }

    // ---------------------------------------------------------------------------------------------
    // reading the template

    private List<Route> readRoutes() {
        Object globalHandler = path(root, "Globals", "Function", "Handler");
        List<Route> found = new ArrayList<>();
        for (String functionId : resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> properties = asMap(
                    asMap(resources().get(functionId), functionId).getOrDefault("Properties", Map.of()), functionId);
            Object handler = properties.getOrDefault("Handler", globalHandler);
            Object events = properties.get("Events");
            if (events == null) continue;
            asMap(events, functionId + ".Events").forEach((eventId, event) -> {
                Map<String, Object> e = asMap(event, functionId + ".Events." + eventId);
                String type = String.valueOf(e.get("Type"));
                if (!type.equals("HttpApi") && !type.equals("Api")) return;
                Map<String, Object> p = asMap(e.getOrDefault("Properties", Map.of()), eventId + ".Properties");
                Object path = p.get("Path");
                Object method = p.get("Method");
                if (path == null && method == null && type.equals("HttpApi")) {
                    found.add(new Route("ANY", DEFAULT_ROUTE, functionId, handler == null ? null : text(handler)));
                    return;
                }
                String verb = text(method).toUpperCase(Locale.ROOT);
                found.add(new Route(verb, text(path), functionId, handler == null ? null : text(handler)));
            });
        }
        return found;
    }

    private Map<String, Object> resources() {
        return asMap(root.getOrDefault("Resources", Map.of()), "Resources");
    }

    private List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (resource instanceof Map<?, ?> r && type.equals(r.get("Type"))) ids.add(id);
        });
        return ids;
    }

    private static List<TableDefinition.Key> keys(Object keySchema) {
        return asList(keySchema).stream().map(k -> {
            Map<String, Object> key = asMap(k, "KeySchema");
            return new TableDefinition.Key(text(key.get("AttributeName")), text(key.get("KeyType")));
        }).toList();
    }

    private static Object path(Map<String, Object> from, String... keys) {
        Object current = from;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new IllegalArgumentException(what + " must be a mapping, is " + value);
    }

    private static List<Object> asList(Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> list) return List.copyOf(list);
        throw new IllegalArgumentException("expected a list, found " + value);
    }

    /** A value that must be a literal string here (a path, a key name…), not an intrinsic function. */
    private static String text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) return String.valueOf(value);
        throw new IllegalArgumentException("expected a literal, found " + value);
    }

    private static String scalar(Object value) {
        return String.valueOf(value);
    }

    // ---------------------------------------------------------------------------------------------
    // route matching

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** A route prepared for matching; ordered most specific first. */
    private static final class CompiledRoute implements Comparable<CompiledRoute> {
        private static final int LITERAL = 0;
        private static final int PARAMETER = 1;
        private static final int GREEDY = 2;

        private final Route route;
        private final boolean catchAll;
        private final boolean anyMethod;
        private final String[] segments;
        private final int[] kinds;

        private CompiledRoute(Route route) {
            this.route = route;
            this.catchAll = DEFAULT_ROUTE.equals(route.path());
            this.anyMethod = route.method().equals("ANY");
            this.segments = catchAll ? new String[0] : split(route.path());
            this.kinds = new int[segments.length];
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.startsWith("{") && s.endsWith("+}")) {
                    if (i != segments.length - 1) throw new IllegalArgumentException("greedy " + s + " must end " + route.path());
                    kinds[i] = GREEDY;
                    segments[i] = s.substring(1, s.length() - 2);
                } else if (s.startsWith("{") && s.endsWith("}")) {
                    kinds[i] = PARAMETER;
                    segments[i] = s.substring(1, s.length() - 1);
                } else {
                    kinds[i] = LITERAL;
                }
            }
        }

        static CompiledRoute of(Route route) {
            return new CompiledRoute(route);
        }

        /** The path parameters when this route serves the request, else {@code null}. */
        Map<String, String> match(String method, String[] path) {
            if (!anyMethod && !route.method().equals(method)) return null;
            if (catchAll) return Map.of();
            boolean greedy = kinds.length > 0 && kinds[kinds.length - 1] == GREEDY;
            if (greedy ? path.length < segments.length : path.length != segments.length) return null;
            Map<String, String> parameters = null;
            for (int i = 0; i < segments.length; i++) {
                switch (kinds[i]) {
                    case LITERAL -> {
                        if (!segments[i].equals(path[i])) return null;
                    }
                    case PARAMETER -> {
                        if (path[i].isEmpty()) return null;
                        if (parameters == null) parameters = new LinkedHashMap<>();
                        parameters.put(segments[i], percentDecode(path[i]));
                    }
                    default -> {
                        String rest = String.join("/", Arrays.copyOfRange(path, i, path.length));
                        if (rest.isEmpty()) return null;
                        if (parameters == null) parameters = new LinkedHashMap<>();
                        parameters.put(segments[i], percentDecode(rest));
                    }
                }
            }
            return parameters == null ? Map.of() : parameters;
        }

        @Override
        public int compareTo(CompiledRoute other) {
            return ORDER.compare(this, other);
        }

        private static final Comparator<CompiledRoute> ORDER = Comparator
                .comparing((CompiledRoute r) -> r.catchAll)
                .thenComparing(CompiledRoute::compareSegments)
                .thenComparing(r -> r.anyMethod);

        private static int compareSegments(CompiledRoute a, CompiledRoute b) {
            for (int i = 0; i < Math.min(a.kinds.length, b.kinds.length); i++) {
                if (a.kinds[i] != b.kinds[i]) return Integer.compare(a.kinds[i], b.kinds[i]);
            }
            return Integer.compare(b.kinds.length, a.kinds.length);
        }
    }

    /** RFC 3986 percent-decoding as UTF-8 ({@code +} stays a plus); malformed escapes are kept as written. */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            boolean escape = segment.charAt(i) == '%' && i + 2 < segment.length();
            int high = escape ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int next = segment.indexOf('%', i + 1);
                int end = next < 0 ? segment.length() : next;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------
    // YAML

    /** Safe YAML plus CloudFormation's short tags, turned into their long form. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        String text = constructScalar(scalar);
                        value = name.equals("GetAtt") && text.contains(".")
                                ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                                : text;
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Map<String, Object> intrinsic = new LinkedHashMap<>();
                    intrinsic.put(key, value);
                    return intrinsic;
                }
            });
        }
    }
}
