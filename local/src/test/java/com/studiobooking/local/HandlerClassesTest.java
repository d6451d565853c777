package com.studiobooking.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerClassesTest {

    /**
     * A handler that does not exist deploys fine and fails on the first request; catch it at build time.
     * Every function counts, those without HTTP routes too (the timed-jobs function is invoked by the scheduler).
     */
    @Test
    void every_handler_named_in_template_yaml_is_a_class_with_that_method_on_the_classpath() {
        SamTemplate template = SamTemplate.load(RepoRoot.resolve("template.yaml"));
        List<String> problems = new ArrayList<>();
        Stream.concat(template.routes().stream().map(SamTemplate.Route::handler), functionHandlers(template).stream())
                .distinct().forEach(handler -> {
            String[] parts = handler.split("::", 2);
            String method = parts.length == 2 ? parts[1] : "handleRequest";
            try {
                Class<?> type = Class.forName(parts[0], false, getClass().getClassLoader());
                if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method))) {
                    problems.add(handler + ": no public method " + method);
                }
            } catch (ClassNotFoundException e) {
                problems.add(handler + ": class not found");
            }
        });
        assertThat(problems).isEmpty();
    }

    /** The {@code Handler} of every {@code AWS::Serverless::Function}, or else the one in {@code Globals}. */
    @SuppressWarnings("unchecked")
    private static List<String> functionHandlers(SamTemplate template) {
        Map<String, Object> document = template.document();
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
        TreeSet<String> handlers = new TreeSet<>();
        ((Map<String, Object>) document.get("Resources")).values().stream().map(r -> (Map<String, Object>) r)
                .filter(r -> "AWS::Serverless::Function".equals(r.get("Type")))
                .forEach(r -> {
                    Object handler = ((Map<String, Object>) r.getOrDefault("Properties", Map.of()))
                            .getOrDefault("Handler", globals.get("Handler"));
                    if (handler instanceof String h) handlers.add(h);
                });
        assertThat(handlers).as("function handlers").isNotEmpty();
        return List.copyOf(handlers);
    }
}
