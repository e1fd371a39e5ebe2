package dev.iolab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.ValidationReport;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered object passes the Kubernetes OpenAPI schema offline, unknown fields rejected, kinds allowed. */
class ManifestSchemaIT {

    /** The validator lets unknown kinds through, so the kinds iolab means to ship are listed here. */
    static final Set<String> ALLOWED_KINDS = Set.of(
            "Namespace",
            "Deployment",
            "Service",
            "Ingress",
            "Job",
            "ConfigMap",
            "Secret",
            "ServiceAccount",
            "Role",
            "RoleBinding");

    private static final Validator VALIDATOR = Validator.newInstance();

    static java.util.stream.Stream<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyObjectIsValidAgainstTheSchema(Rendering rendering) throws Exception {
        var objects = rendering.objects();
        assertThat(objects).isNotEmpty();
        for (Map<String, Object> object : objects) {
            String id = object.get("kind") + "/" + ((Map<?, ?>) object.get("metadata")).get("name");
            assertThat((String) object.get("kind"))
                    .as(rendering + ": kind of " + id)
                    .isIn(ALLOWED_KINDS);
            ValidationReport report = VALIDATOR.validate(new org.yaml.snakeyaml.Yaml().dump(object));
            assertThat(report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationMessage.Level.ERROR)
                            .map(m -> m.getSchema() + ": " + m.getMessage()))
                    .as(rendering + ": " + id)
                    .isEmpty();
        }
    }

    @Test
    void theValidatorRejectsAnUnknownField() throws Exception {
        ValidationReport report = VALIDATOR.validate("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: x
                spec:
                  portz: []
                """);
        assertThat(report.hasErrors())
                .as("strict validation: %s", report.getMessages())
                .isTrue();
    }
}
