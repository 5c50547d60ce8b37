package dev.accountflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process AccountFlow deploys passes bpmnlint's recommended rules and the Camunda 7.24 compatibility rules
 * (ops/lint/.bpmnlintrc) with no error and no warning: no fake joins, no missing end events, no unnamed start
 * events, nothing Camunda 7.24 cannot run. The linter is installed from ops/lint's lock file before the integration
 * tests (exec-maven-plugin, npm ci).
 */
class ProcessLintIT {

    private static final Path LINT = Path.of("ops/lint").toAbsolutePath();

    @Test
    void everyProcessLintsClean() throws Exception {
        List<String> command = new ArrayList<>(List.of(LINT.resolve("node_modules/.bin/bpmnlint").toString()));
        List<Path> processes = processes();
        assertThat(processes).extracting(p -> p.getFileName().toString())
                .contains("renewal.bpmn", "renewal-kickoff.bpmn", "opportunity.bpmn", "account-plan-review.bpmn");
        processes.forEach(p -> command.add(p.toString()));

        Process lint = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();

        assertThat(output).as(output).doesNotContain(" error ").doesNotContain(" warning ")
                .doesNotContain("problem");
        assertThat(lint.exitValue()).as(output).isZero();
    }

    @Test
    void theLinterFindsAFakeJoin() throws Exception {
        Path broken = Files.createTempFile("fake-join", ".bpmn");
        Files.writeString(broken, """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:startEvent id="a" name="A"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:startEvent id="b" name="B"><bpmn:outgoing>f2</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:task id="t" name="T"><bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>f2</bpmn:incoming>
                      <bpmn:outgoing>f3</bpmn:outgoing></bpmn:task>
                    <bpmn:endEvent id="e" name="E"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="t" />
                    <bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="t" />
                    <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        try {
            Process lint = new ProcessBuilder(LINT.resolve("node_modules/.bin/bpmnlint").toString(), broken.toString())
                    .directory(LINT.toFile()).redirectErrorStream(true).start();
            String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(output).contains("fake-join");
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static List<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).map(Path::toAbsolutePath).sorted().toList();
        }
    }
}
