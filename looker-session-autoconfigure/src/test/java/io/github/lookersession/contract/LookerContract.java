package io.github.lookersession.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import io.github.lookersession.test.RecordedExchange;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isResponse;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;

/**
 * Checks recorded HTTP exchanges against the official Looker OpenAPI specification of
 * their API version, copied under {@code looker-spec/} in the test resources.
 *
 * <p>
 * The {@linkplain #whitelist(String) whitelist} accepts only the violations where
 * Looker's documented behaviour differs from its specification.
 */
final class LookerContract {

	static final List<String> API_VERSIONS = List.of("4.0", "3.1");

	/**
	 * Parser messages that the specifications are known to produce. The 4.0
	 * specification puts {@code additionalProperties} on a query parameter instead of its
	 * schema, in an operation that the client never calls.
	 */
	private static final Set<String> KNOWN_PARSER_MESSAGES = Set.of("attribute paths."
			+ "'/models/{model_name}/views/{view_name}/fields/{field_name}/suggestions'(get).parameters.[filters]"
			+ ".additionalProperties is unexpected");

	private static final Map<String, LookerContract> contracts = new ConcurrentHashMap<>();

	private final OpenApiInteractionValidator validator;

	private LookerContract(String apiVersion) {
		this.validator = new OpenApiInteractionValidator.Builder().withApi(parse(apiVersion))
			.withBasePathOverride("/api/" + apiVersion)
			.withWhitelist(whitelist(apiVersion))
			.build();
	}

	/**
	 * Returns the contract of an API version. Each specification is about 2 MB of JSON,
	 * so it is parsed once per JVM.
	 * @param apiVersion {@code 4.0} or {@code 3.1}
	 * @return the contract
	 */
	static LookerContract forApiVersion(String apiVersion) {
		if (!API_VERSIONS.contains(apiVersion)) {
			throw new IllegalArgumentException("No Looker specification for API version '" + apiVersion + "'");
		}
		return contracts.computeIfAbsent(apiVersion, LookerContract::new);
	}

	/**
	 * Validates the request and the response of an exchange.
	 * @param exchange the exchange, which must have a response
	 * @return the violations that no whitelist rule accepts
	 */
	ValidationReport validate(RecordedExchange exchange) {
		return this.validator.validate(request(exchange), response(exchange));
	}

	/**
	 * Returns the rules that accept the known differences between Looker and its
	 * specification of an API version. Each rule names the operation, the status and the
	 * validator message key it accepts, and nothing else.
	 * @param apiVersion {@code 4.0} or {@code 3.1}
	 * @return the whitelist
	 */
	static ValidationErrorsWhitelist whitelist(String apiVersion) {
		ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create()
			// Looker returns 401 for a missing, expired or revoked token on every
			// operation, but neither specification declares a 401 response.
			.withRule("401 for an invalid token", allOf(isResponse(), responseStatusIs(401),
					messageHasKey("validation.response.status.unknown")))
			// Looker returns 403 for PATCH /session when the API user lacks the develop
			// permission that dev needs, and so does the fake. No 403 is declared.
			.withRule("403 for a workspace the user may not select", allOf(isResponse(), operationIs("update_session"),
					responseStatusIs(403), messageHasKey("validation.response.status.unknown")))
			// DELETE /logout returns 204, which carries no content in HTTP, but the
			// specifications declare a JSON string body for it.
			.withRule("204 logout without a body", allOf(isResponse(), operationIs("logout"), responseStatusIs(204),
					messageHasKey("validation.response.body.missing")));
		if (apiVersion.equals("3.1")) {
			// API 3.1 declares no request body for POST /login, although the operation's
			// description states that Looker accepts client_id and client_secret as a
			// form body, which is how the client sends them.
			whitelist = whitelist.withRule("3.1 login credentials in a form body",
					allOf(isRequest(), operationIs("login"), messageHasKey("validation.request.body.unexpected")));
		}
		return whitelist;
	}

	private static WhitelistRule operationIs(String operationId) {
		return (message, operation, request, response) -> operation != null
				&& operationId.equals(operation.getOperation().getOperationId());
	}

	private static Request request(RecordedExchange exchange) {
		SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
		exchange.requestHeaders().forEach(request::withHeader);
		QueryStringDecoder query = new QueryStringDecoder(exchange.uri(), StandardCharsets.UTF_8);
		query.parameters().forEach(request::withQueryParam);
		if (!exchange.requestBody().isEmpty()) {
			request.withBody(exchange.requestBody(), StandardCharsets.UTF_8);
		}
		return request.build();
	}

	private static Response response(RecordedExchange exchange) {
		SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
		exchange.responseHeaders().forEach(response::withHeader);
		if (!exchange.responseBody().isEmpty()) {
			response.withBody(exchange.responseBody(), StandardCharsets.UTF_8);
		}
		return response.build();
	}

	private static OpenAPI parse(String apiVersion) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(specification(apiVersion), null, options);
		List<String> messages = (result.getMessages() != null) ? result.getMessages() : List.of();
		List<String> unexpected = messages.stream()
			.filter((message) -> !KNOWN_PARSER_MESSAGES.contains(message))
			.toList();
		if (result.getOpenAPI() == null || !unexpected.isEmpty()) {
			throw new IllegalStateException(
					"Could not parse the Looker " + apiVersion + " specification: " + unexpected);
		}
		return result.getOpenAPI();
	}

	private static String specification(String apiVersion) {
		String resource = "/looker-spec/Looker." + apiVersion + ".oas.json";
		try (InputStream input = LookerContract.class.getResourceAsStream(resource)) {
			if (input == null) {
				throw new IllegalStateException("Looker specification " + resource + " is missing from the test "
						+ "resources");
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Looker specification " + resource, ex);
		}
	}

}
