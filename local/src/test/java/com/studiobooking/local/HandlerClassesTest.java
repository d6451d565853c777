package com.studiobooking.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerClassesTest {

    /** A handler that does not exist deploys fine and fails on the first request; catch it at build time. */
    @Test
    void every_handler_named_in_template_yaml_is_a_class_with_that_method_on_the_classpath() {
        SamTemplate template = SamTemplate.load(RepoRoot.resolve("template.yaml"));
        List<String> problems = new ArrayList<>();
        template.routes().stream().map(SamTemplate.Route::handler).distinct().forEach(handler -> {
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
}
