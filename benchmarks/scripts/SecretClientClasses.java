import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.config.SecretResolver;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Issue 16: how many classes a secrets path loads, counted exactly (ClassLoadingMXBean), on the shaded
 * jar of the commit before the SSM client was dropped (its SecretResolver takes both SDK clients):
 *
 *   java -XX:TieredStopAtLevel=1 -cp functions/target/studio-booking-functions.jar \
 *        benchmarks/scripts/SecretClientClasses.java ssm|secretsmanager [after-dynamodb]
 *
 * A JDK HTTP server on loopback answers as SSM / Secrets Manager / DynamoDB would. With after-dynamodb a
 * DynamoDB client is built and called first (every function has one), so the count is what the secrets
 * path adds on top of what the SDK has already loaded.
 */
public class SecretClientClasses {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            exchange.getRequestBody().readAllBytes();
            String body = target.startsWith("AmazonSSM") ? "{\"Parameter\":{\"Name\":\"/x\",\"Type\":\"SecureString\",\"Value\":\"v\",\"Version\":1}}"
                    : target.startsWith("secretsmanager") ? "{\"ARN\":\"arn:aws:secretsmanager:eu-central-1:1:secret:x-AbCdEf\",\"Name\":\"x\",\"SecretString\":\"v\"}"
                    : "{}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        AwsSettings aws = new AwsSettings(Region.EU_CENTRAL_1, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        var classes = ManagementFactory.getClassLoadingMXBean();
        if (args.length > 1 && args[1].equals("after-dynamodb")) {
            try (var dynamo = AwsClients.dynamoDb(aws)) {
                dynamo.getItem(r -> r.tableName("t").key(java.util.Map.of("pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("k"))));
            }
        }
        long before = classes.getTotalLoadedClassCount();
        long start = System.nanoTime();
        if (args[0].equals("extension-http")) {
            // what path (a), the Parameters and Secrets extension, would do: one GET over the JDK's HttpURLConnection
            // (the SDK's url-connection client already uses it), the JSON read with Jackson (every handler has it)
            var connection = (java.net.HttpURLConnection) URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/systemsmanager/parameters/get?name=%2Fx&withDecryption=true").toURL().openConnection();
            connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", "token");
            try (var in = connection.getInputStream()) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            }
            System.out.println(args[0] + (args.length > 1 ? " " + args[1] : "") + ": classes loaded "
                    + (classes.getTotalLoadedClassCount() - before) + " (without the Jackson a handler has loaded anyway: see docs)");
            server.stop(0);
            return;
        }
        SecretResolver resolver = SecretResolver.using(aws);
        String name = args[0].equals("ssm") ? "/studio-booking/token-secret"
                : "arn:aws:secretsmanager:eu-central-1:123456789012:secret:token-AbCdEf";
        resolver.resolve(name);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(args[0] + (args.length > 1 ? " " + args[1] : "") + ": classes loaded "
                + (classes.getTotalLoadedClassCount() - before) + ", " + millis + " ms (timing: noisy)");
        server.stop(0);
    }
}
