package io.github.lookersession.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that the build packages into
 * {@code META-INF/spring-configuration-metadata.json}: the processor's output for
 * {@link LookerProperties} merged with
 * {@code META-INF/additional-spring-configuration-metadata.json}.
 */
class LookerConfigurationMetadataTests {

	private static final String METADATA_LOCATION = "META-INF/spring-configuration-metadata.json";

	private static JsonNode metadata;

	@BeforeAll
	static void readPackagedMetadata() throws IOException {
		metadata = findLookerMetadata();
	}

	@Test
	void everyLookerPropertyHasDescription() {
		List<JsonNode> properties = lookerProperties();

		assertThat(properties).isNotEmpty();
		for (JsonNode property : properties) {
			assertThat(property.path("description").asString(""))
				.as("description of %s", property.path("name").asString())
				.isNotBlank();
		}
	}

	@Test
	void healthPropertiesAreDeclared() {
		List<String> names = lookerProperties().stream().map((property) -> property.path("name").asString()).toList();

		assertThat(names).contains("management.health.looker.enabled");
		assertThat(names).contains("management.health.looker.timeout");
	}

	@Test
	void workspaceHintListsValidWorkspaces() {
		assertThat(hintValues("looker.workspace")).containsExactlyElementsOf(LookerConnection.WORKSPACES);
	}

	@Test
	void apiVersionHintListsSupportedVersions() {
		assertThat(hintValues("looker.api-version")).containsExactlyElementsOf(LookerConnection.API_VERSIONS);
	}

	@Test
	void everyHintValueHasDescription() {
		for (JsonNode hint : metadata.path("hints")) {
			for (JsonNode value : hint.path("values")) {
				assertThat(value.path("description").asString(""))
					.as("description of %s=%s", hint.path("name").asString(), value.path("value").asString())
					.isNotBlank();
			}
		}
	}

	private static List<JsonNode> lookerProperties() {
		List<JsonNode> properties = new ArrayList<>();
		for (JsonNode property : metadata.path("properties")) {
			if (isLookerProperty(property.path("name").asString())) {
				properties.add(property);
			}
		}
		return properties;
	}

	private static boolean isLookerProperty(String name) {
		return name.startsWith("looker.") || name.startsWith("management.health.looker.");
	}

	private static List<String> hintValues(String propertyName) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : metadata.path("hints")) {
			if (hint.path("name").asString().equals(propertyName)) {
				hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
			}
		}
		return values;
	}

	private static JsonNode findLookerMetadata() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		ClassLoader classLoader = LookerConfigurationMetadataTests.class.getClassLoader();
		for (URL url : Collections.list(classLoader.getResources(METADATA_LOCATION))) {
			try (InputStream input = url.openStream()) {
				JsonNode candidate = mapper.readTree(input);
				for (JsonNode group : candidate.path("groups")) {
					if (group.path("name").asString().equals("looker")) {
						return candidate;
					}
				}
			}
		}
		throw new IllegalStateException("No " + METADATA_LOCATION + " on the classpath declares the 'looker' group");
	}

}
